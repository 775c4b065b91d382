import { VariantMatcher } from '../text/variants.js';
import type { Bm25Index, LexicalHit, TermAlternative } from '../index/bm25.js';
import { perPart } from '../index/snapshot.js';

/**
 * The spelling-variant leg: question words the collection does not contain (a name spelled another
 * way, نزاربايف for نزارباييف) are replaced by the collection's closest spellings, weighted by how
 * close they are, and the passages are ranked by BM25 over that. It returns nothing when every word
 * is known, so it only ever adds evidence the word leg cannot see.
 */

/** Words found in at most this many passages are expanded too: in a big collection such a word is often a one-off spelling (1 measured better than 0 on xquad-dev, see README). */
export const EXPAND_MAX_DOCUMENT_FREQUENCY = 1;
/** Spellings kept per expanded word. */
export const VARIANTS_PER_WORD = 4;
/** Bounded work per question: a pasted paragraph does not get 200 lookups. */
export const MAX_EXPANDED_WORDS = 8;

/** One matcher per loaded index, built on first use from the index's own vocabulary. */
export const variantMatcherFor = perPart((index: Bm25Index) => new VariantMatcher(index.vocabulary()));

interface ExpandedWord {
  word: string;
  alternatives: TermAlternative[];
  expanded: boolean;
}

/** Each distinct question term with the spellings it is searched by. */
function expandTerms(index: Bm25Index, terms: readonly string[]): ExpandedWord[] {
  const words: ExpandedWord[] = [];
  let lookups = 0;
  for (const word of new Set(terms)) {
    const df = index.documentFrequency(word);
    const self: TermAlternative[] = df > 0 ? [{ term: word, weight: 1 }] : [];
    if (df > EXPAND_MAX_DOCUMENT_FREQUENCY || lookups >= MAX_EXPANDED_WORDS) {
      words.push({ word, alternatives: [{ term: word, weight: 1 }], expanded: false });
      continue;
    }
    lookups++;
    const variants = variantMatcherFor(index)
      .match(word, VARIANTS_PER_WORD + 1)
      .filter((m) => m.term !== word)
      .slice(0, VARIANTS_PER_WORD)
      .map((m) => ({ term: m.term, weight: m.similarity }));
    if (variants.length === 0) words.push({ word, alternatives: [{ term: word, weight: 1 }], expanded: false });
    else words.push({ word, alternatives: [...self, ...variants], expanded: true });
  }
  return words;
}

/** Passages ranked with variant spellings, shaped like the word leg's hits; empty when no word needed a variant. */
export function searchVariants(index: Bm25Index, terms: readonly string[], topK: number): LexicalHit[] {
  const words = expandTerms(index, terms);
  if (!words.some((w) => w.expanded)) return [];
  return index.searchAlternatives(
    words.map((w) => w.alternatives),
    topK,
  );
}
