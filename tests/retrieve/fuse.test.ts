import { describe, expect, it } from 'vitest';
import { collapseNearDuplicates } from '../../src/retrieve/fuse.js';

describe('collapseNearDuplicates', () => {
  it('keeps the first of near-identical passages', () => {
    // Word numbers as a passage holds them: order and repeats do not matter, only which words.
    const items = ['a b c d e', 'e d c b a a f', 'x y z', 'a b x y z'];
    const kept = collapseNearDuplicates(items, (s) => Int32Array.from(s.split(' '), (w) => w.charCodeAt(0)));
    expect(kept).toEqual(['a b c d e', 'x y z', 'a b x y z']);
  });

  it('stops at the limit, keeping the same first passages', () => {
    const items = ['a b c d e', 'e d c b a a f', 'x y z', 'x y z z', 'a b x y z'];
    const words = (s: string) => Int32Array.from(s.split(' '), (w) => w.charCodeAt(0));
    expect(collapseNearDuplicates(items, words, 0.8, 2)).toEqual(['a b c d e', 'x y z']);
    expect(collapseNearDuplicates(items, words, 0.8, 2)).toEqual(collapseNearDuplicates(items, words).slice(0, 2));
  });
});
