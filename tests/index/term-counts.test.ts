/**
 * Term counts read from the postings (src/index/term-counts.ts) must be the counts of the words as
 * indexed: the lexical scorers besides BM25 read candidates' counts only this way.
 */
import { describe, expect, it } from 'vitest';
import { Bm25Builder } from '../../src/index/bm25.js';
import { collectionCount, termCounts } from '../../src/index/term-counts.js';

/** A deterministic pseudo-random collection: 300 passages of 1–40 words from a 25-word vocabulary (skewed). */
function collection(): string[][] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vocabulary = Array.from({ length: 25 }, (_, i) => `كلمة${i}`);
  return Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 40) }, () => vocabulary[Math.floor(random() ** 2 * 25)]!));
}

describe('term counts from the postings', () => {
  const passages = collection();
  const builder = new Bm25Builder();
  for (const words of passages) builder.add(words);
  const index = builder.finish();
  const count = (words: string[], term: string) => words.filter((w) => w === term).length;

  it('give each row its count of the term, 0 where it is absent, for any increasing rows', () => {
    const rows = Uint32Array.from([0, 3, 4, 57, 58, 150, 298, 299]);
    const out = new Uint32Array(rows.length);
    for (const term of ['كلمة0', 'كلمة7', 'كلمة24', 'غائبة']) {
      termCounts(index, index.termId(term), rows, out);
      expect(Array.from(out)).toEqual(Array.from(rows, (row) => count(passages[row]!, term)));
    }
  });

  it('sum a term over the whole collection', () => {
    for (const term of ['كلمة0', 'كلمة12', 'كلمة24']) {
      const id = index.termId(term);
      expect(collectionCount(index, id)).toBe(passages.reduce((s, words) => s + count(words, term), 0));
      expect(collectionCount(index, id)).toBe(collectionCount(index, id)); // kept: the same the second time
    }
    expect(collectionCount(index, -1)).toBe(0);
  });
});
