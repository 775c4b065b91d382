import { describe, expect, it } from 'vitest';
import { collapseNearDuplicates } from '../../src/retrieve/fuse.js';

describe('collapseNearDuplicates', () => {
  it('keeps the first of near-identical passages', () => {
    const items = ['a b c d e', 'a b c d e f', 'x y z'];
    const kept = collapseNearDuplicates(items, (s) => new Set(s.split(' ')));
    expect(kept).toEqual(['a b c d e', 'x y z']);
  });
});
