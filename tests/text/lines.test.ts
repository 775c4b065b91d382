import { expect, test } from 'vitest';
import fc from 'fast-check';
import { endLine, lastStartAtOrBefore, lineAt, lineLabel, lineOf, lineStarts } from '../../src/text/lines.js';

test('line of an offset: 1-based, a line break belongs to the line it ends', () => {
  const text = 'أول\nثاني\n\nرابع';
  expect(lineStarts(text)).toEqual([0, 4, 9, 10]);
  expect([0, 3, 4, 8, 9, 10, 13].map((at) => lineAt(text, at))).toEqual([1, 1, 2, 2, 3, 4, 4]);
});

test('lineOf agrees with counting the breaks before the offset (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'ب', '\n', ' ') }), fc.nat(), (text, n) => {
      const at = text.length === 0 ? 0 : n % text.length;
      expect(lineOf(lineStarts(text), at)).toBe(text.slice(0, at).split('\n').length);
    }),
  );
});

test('lastStartAtOrBefore: the last start not after the offset, 0 before the first', () => {
  expect([0, 5, 9, 10, 99].map((at) => lastStartAtOrBefore([0, 5, 10], at))).toEqual([0, 1, 1, 2, 2]);
  expect(lastStartAtOrBefore([3, 7], 1)).toBe(0);
});

test('a passage over several lines is cited "lines N–M"; trailing breaks do not count; pages come first', () => {
  expect(lineLabel({ line: 9, text: 'سطر واحد' })).toBe('line 9');
  expect(lineLabel({ line: 9, text: 'سطر\nآخر\n\n' })).toBe('lines 9–10');
  expect(endLine({ line: 9, text: 'سطر\nآخر\nثالث' })).toBe(11);
  expect(lineLabel({ line: 7, text: 'سطر', page: 4 })).toBe('page 4 · line 7');
});
