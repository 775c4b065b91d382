import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { REST_BLOCK } from '../../src/index/summed-rest.js';
import { topKIndices } from '../../src/index/top-k.js';

/**
 * When every word of a question is common and weighs alike, the pruned pass hands the rows it has not reached
 * to a summing pass that works block by block of rows (summed-rest.ts). Over a collection of several blocks the
 * search must still return what scoring every row returns: a posting added to the wrong block, or a block's
 * bounds carried into the next, would rule out a row that belongs in the top.
 */
const VOCABULARY = ['وفد', 'نظام', 'جعفري', 'معارض', 'روسيا', 'تصعيد'];

describe('the summed rest of a search', () => {
  it('ranks a collection of several blocks of rows exactly as scoring every row does', () => {
    const rows = fc.array(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 2, maxLength: 6 }), { minLength: 2 * REST_BLOCK + 100, maxLength: 3 * REST_BLOCK });
    const words = fc.uniqueArray(fc.constantFrom(...VOCABULARY), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(rows, fc.array(fc.tuple(words, fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 500, max: REST_BLOCK }))), { minLength: 1, maxLength: 3 }), (docs, searches) => {
        const builder = new Bm25Builder();
        for (const terms of docs) builder.add(terms);
        const index = builder.finish();
        const { k1, b } = index.params;
        const average = docs.reduce((sum, d) => sum + d.length, 0) / docs.length;
        for (const [query, topK] of searches) {
          // Every row, every word in query order, each weight and sum rounded to single precision.
          const scores = Float32Array.from(docs, (doc) => {
            let score = 0;
            for (const term of query) {
              const f = doc.filter((t) => t === term).length;
              if (f === 0) continue;
              const idf = index.idf(term);
              score = Math.fround(score + Math.fround((idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / average))));
            }
            return score;
          });
          const want = topKIndices(scores, topK).filter((hit) => hit.score > 0);
          expect(index.searchScored(query, topK).hits.map((hit) => ({ index: hit.row, score: hit.score }))).toEqual(want);
        }
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});
