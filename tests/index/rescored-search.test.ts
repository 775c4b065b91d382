import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import type { TermGroup } from '../../src/types.js';

/**
 * The spelling-variant legs search a question's words again with some words spelled other ways too,
 * passing the word leg's search (`after`) so that only rows that could rank differently are read. The
 * hits must be exactly those of the search without it (itself checked against scoring every row in
 * bm25-search.test.ts), ties at the cut included, whatever the words and whether or not the shortcut
 * applies (a search answered from `after` records no heap of its own: `trace` is null).
 */
const COMMON = ['وفد', 'وفد', 'وفد', 'نظام', 'نظام', 'معارض'];
const RARE = ['روسيا', 'تصعيد', 'جعفري', 'هدنة'];
const rareOrAbsent = fc.constantFrom(...RARE, 'برميل');
// A question's words: mostly common ones, sometimes a rare or absent one.
const word = fc.constantFrom('وفد', 'نظام', 'معارض', 'وفد', 'نظام', 'معارض', 'روسيا', 'برميل');

/** The property below, with each respelled word's other spellings drawn from `respellings`. */
async function ranksAsTheFullPass(respellings: fc.Arbitrary<string>): Promise<void> {
  // Thousands of short rows of a few common words (many tie), the rare words in a few percent of them.
  const row = fc.array(fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...COMMON) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) }), { minLength: 1, maxLength: 5 });
  const large = fc.array(row, { minLength: 2500, maxLength: 3500 });
  // Each word: searched as before, or by a group of spellings (with the word itself or not, weighted as the variant leg weighs them).
  const respelling = fc.record({ keepItself: fc.boolean(), others: fc.array(fc.tuple(respellings, fc.constantFrom(0.35, 0.6, 0.9)), { minLength: 1, maxLength: 3 }) });
  const spelled = fc.array(fc.option(respelling, { nil: null }), { minLength: 6, maxLength: 6 });
  const search = fc.tuple(fc.uniqueArray(word, { minLength: 1, maxLength: 4 }), spelled, fc.integer({ min: 1, max: 20 }), fc.boolean());
  let fromFirst = 0;
  await fc.assert(
    fc.asyncProperty(large, fc.array(search, { minLength: 1, maxLength: 4 }), fc.boolean(), async (docs, searches, prepared) => {
      const builder = new Bm25Builder();
      for (const terms of docs) builder.add(terms);
      const index = builder.finish();
      const groupOf = Int32Array.from(docs, (_, r) => Math.floor(r / 7));
      if (prepared) await index.prepareSearch(groupOf);
      for (const [words, spellings, topK, withGroups] of searches) {
        // The word leg's search, with documents as the bot searches it (or without).
        const first = withGroups ? index.searchScored(words, topK, groupOf, groupOf[docs.length - 1]! + 1) : index.searchScored(words, topK);
        const query: TermGroup[] = words.map((w, k) => {
          // As the leg does: a rare or absent word gets other spellings (and now and then a common one).
          const s = COMMON.includes(w) && k % 2 === 0 ? null : spellings[k];
          const itself = { terms: [w], weight: 1 };
          if (!s) return { alternatives: [itself] };
          return { alternatives: [...(s.keepItself ? [itself] : []), ...s.others.map(([t, weight]) => ({ terms: [t], weight }))] };
        });
        const want = index.searchScored(query, topK);
        const got = index.searchScored(query, topK, undefined, 0, first);
        expect(got.hits).toEqual(want.hits);
        if (got.trace === null) fromFirst++;
      }
    }),
    { numRuns: 40, endOnFailure: true },
  );
  // The shortcut was taken, not only the full pass.
  expect(fromFirst).toBeGreaterThan(5);
}

describe('a search of the same words with other spellings, from the first search', () => {
  it('ranks exactly as the search without it, ties at the cut included', () => ranksAsTheFullPass(rareOrAbsent));

  // A common spelling (رووسييا → روسيا): too many rows to bound by look-ups, so the kept words are summed first.
  it('ranks exactly so when the other spellings are common words too', () => ranksAsTheFullPass(fc.constantFrom('نظام', 'معارض', 'روسيا', 'برميل')));
});
