import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowMemo } from '../../src/retrieve/row-memo.js';

describe('RowMemo', () => {
  it('keeps what a Map of rows would, question after question, however many rows a question reads', () => {
    const question = fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer(), fc.integer()), { maxLength: 1500 });
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 4 }), (questions) => {
        const memo = new RowMemo(8);
        for (const writes of questions) {
          memo.clear();
          const want = new Map<number, [number, number]>();
          for (const [row, first, second] of writes) {
            memo.set(row, first, second);
            want.set(row, [first, second]);
          }
          for (const [row, [first, second]] of want) {
            expect(memo.has(row)).toBe(true);
            expect([memo.first(), memo.second()]).toEqual([first, second]);
          }
          for (const [row] of writes) expect(memo.has(row + 2_000_001)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
