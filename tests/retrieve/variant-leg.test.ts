import { describe, expect, it } from 'vitest';
import { type Bm25Index } from '../../src/index/bm25.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { searchVariantLegs, searchVariants } from '../../src/retrieve/variant-leg.js';

function buildIndex(passages: string[][]): Bm25Index {
  const builder = new Bm25Builder();
  for (const terms of passages) builder.add(terms);
  return builder.finish();
}

describe('spelling-variant leg', () => {
  const index = buildIndex([
    ['رئيس', 'كازاخستان', 'نزارباييف'],
    ['وفد', 'روسي', 'لافرينتييف'],
    ['وفد', 'نظام', 'جعفري'],
  ]);

  it('returns nothing when every question word is in the collection', () => {
    expect(searchVariants(index, ['وفد', 'جعفري'], 5)).toEqual([]);
  });

  it('finds the passage of a name spelled another way, with the coverage of the word it stands for', () => {
    const hits = searchVariants(index, ['نزاربايف'], 5);
    expect(hits.map((h) => h.row)).toEqual([0]);
    expect(hits[0]!.coverage).toBeGreaterThan(0.8);
    expect(searchVariants(index, ['لافرنتييف', 'وفد'], 5)[0]!.row).toBe(1);
  });

  it('counts a question word once however many spellings of it a passage holds', () => {
    const doubled = buildIndex([['لافرينتييف', 'لافرينتيف'], ['وفد']]);
    const [hit] = doubled.searchAlternatives([[{ term: 'لافرينتييف', weight: 1 }, { term: 'لافرينتيف', weight: 0.9 }]], 1);
    expect(hit!.coverage).toBeCloseTo(1);
    expect(hit!.score).toBeCloseTo(doubled.searchAlternatives([[{ term: 'لافرينتييف', weight: 1 }]], 1)[0]!.score);
  });
});

describe('derived leg', () => {
  const index = buildIndex([
    ['عاصم', 'كازاخستان', 'استان'],
    ['وكال', 'صحاف', 'فرنس'],
    ['عاصم', 'فرنس', 'باريس'],
  ]);

  it('keeps a word with a deriving ending out of the spelling leg: the country is not its adjective', () => {
    const legs = searchVariantLegs(index, ['عاصم', 'فرنسا'], 5);
    expect(legs.spelling).toEqual([]);
    expect(legs.derived.map((h) => h.row)).toContain(1);
    expect(legs.derived[0]!.row).toBe(2);
    // The passage holding only the known word is the word leg's, not evidence of a derivation.
    expect(legs.derived.map((h) => h.row)).not.toContain(0);
  });

  it('leaves spellings of a name in the spelling leg', () => {
    const legs = searchVariantLegs(buildIndex([['رئيس', 'نزارباييف'], ['وفد']]), ['نزاربايف'], 5);
    expect(legs.spelling.map((h) => h.row)).toEqual([0]);
    expect(legs.derived).toEqual([]);
  });
});
