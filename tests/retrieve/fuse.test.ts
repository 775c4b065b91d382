import { describe, expect, it } from 'vitest';
import { collapseNearDuplicates, reciprocalRankFusion } from '../../src/retrieve/fuse.js';

describe('reciprocalRankFusion', () => {
  it('puts an item both legs rank high above one only a single leg likes', () => {
    const fused = reciprocalRankFusion([
      [{ row: 1 }, { row: 2 }, { row: 3 }],
      [{ row: 2 }, { row: 4 }, { row: 1 }],
    ]);
    expect(fused[0]!.row).toBe(2);
    expect(fused.map((f) => f.row).sort()).toEqual([1, 2, 3, 4]);
    expect(fused[0]!.score).toBeLessThanOrEqual(1);
  });

  it('scores 1 for the top of the only leg that ran', () => {
    expect(reciprocalRankFusion([[{ row: 7 }], []])[0]!.score).toBeCloseTo(1);
  });
});

describe('collapseNearDuplicates', () => {
  it('keeps the first of near-identical passages', () => {
    const items = ['a b c d e', 'a b c d e f', 'x y z'];
    const kept = collapseNearDuplicates(items, (s) => new Set(s.split(' ')));
    expect(kept).toEqual(['a b c d e', 'x y z']);
  });
});
