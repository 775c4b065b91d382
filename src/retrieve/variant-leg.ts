import { VariantMatcher } from '../text/variants.js';
import { isSuffixDerivation } from '../text/derivation.js';
import type { Bm25Index, LexicalHit, ScoredSearch, TermAlternative } from '../index/bm25.js';
import { perPart } from '../index/snapshot.js';

/**
 * The spelling-variant legs: question words the collection does not contain (a name spelled another
 * way, نزاربايف for نزارباييف) are replaced by the collection's closest spellings, weighted by how
 * close they are, and the passages are ranked by BM25 over that. A close term that is the word with a
 * deriving ending (فرنسا / فرنسية, the country and its adjective) is another word: it goes to a
 * second leg, `derived`, which the ranker and the refusal weigh on their own. Each returns nothing
 * when every word is known, so they only ever add evidence the word leg cannot see.
 */

/** Words found in at most this many passages are expanded too: in a big collection such a word is often a one-off spelling (1 measured better than 0 on xquad-dev, see README). */
export const EXPAND_MAX_DOCUMENT_FREQUENCY = 1;
/** Spellings kept per expanded word. */
export const VARIANTS_PER_WORD = 4;
/** Bounded work per question: a pasted paragraph does not get 200 lookups. */
export const MAX_EXPANDED_WORDS = 8;

/** One matcher per loaded index, built on first use from the index's own vocabulary. */
export const variantMatcherFor = perPart((index: Bm25Index) => new VariantMatcher(index.vocabulary()));

/** The terms a question word is searched by in each leg: itself alone when it has no such variant. */
interface ExpandedWord {
  spelling: TermAlternative[];
  derived: TermAlternative[];
}

/** Each distinct question term with the spellings and derivations it is searched by. */
function expandTerms(index: Bm25Index, terms: readonly string[]): ExpandedWord[] {
  const words: ExpandedWord[] = [];
  let lookups = 0;
  for (const word of new Set(terms)) {
    const df = index.documentFrequency(word);
    const itself: TermAlternative[] = [{ term: word, weight: 1 }];
    if (df > EXPAND_MAX_DOCUMENT_FREQUENCY || lookups >= MAX_EXPANDED_WORDS) {
      words.push({ spelling: itself, derived: itself });
      continue;
    }
    lookups++;
    const close = variantMatcherFor(index)
      .match(word, VARIANTS_PER_WORD + 1)
      .filter((m) => m.term !== word)
      .slice(0, VARIANTS_PER_WORD)
      .map((m) => ({ term: m.term, weight: m.similarity }));
    const known = df > 0 ? itself : [];
    const spelling = close.filter((m) => !isSuffixDerivation(word, m.term));
    const derived = close.filter((m) => isSuffixDerivation(word, m.term));
    words.push({ spelling: spelling.length ? [...known, ...spelling] : itself, derived: derived.length ? [...known, ...derived] : itself });
  }
  return words;
}

export interface VariantHits {
  /** Passages ranked with the words' other spellings; empty when no word has one. */
  spelling: LexicalHit[];
  /** Passages ranked with the words' suffix derivations; empty when no word has one. */
  derived: LexicalHit[];
}

/**
 * Both legs' passages, shaped like the word leg's hits. `words`, the word leg's search of these terms at
 * this depth, spares the legs the postings that cannot change its ranking (the same hits either way).
 */
export function searchVariantLegs(index: Bm25Index, terms: readonly string[], topK: number, words?: ScoredSearch): VariantHits {
  const distinct = [...new Set(terms)];
  const expandedWords = expandTerms(index, distinct);
  const expanded = (alternatives: TermAlternative[], word: string) => alternatives.length > 1 || alternatives[0]!.term !== word;
  const search = (leg: keyof ExpandedWord) =>
    expandedWords.some((w, i) => expanded(w[leg], distinct[i]!)) ? index.searchAlternatives(expandedWords.map((w) => w[leg]), topK, words) : [];
  const derived = search('derived');
  if (derived.length === 0) return { spelling: search('spelling'), derived };
  // Only passages that hold a derived word: one matching the known words alone is the word leg's (its
  // coverage here reads higher only because a derived word's IDF is lower than an unknown word's).
  // The same filter on the spelling leg lost held-out refusals (eval/JOURNAL.md, derived words), so that leg keeps all.
  const derivedTerms = expandedWords.flatMap((w, i) => w.derived.map((a) => a.term).filter((t) => t !== distinct[i]));
  const holders = index.rowsHolding(derivedTerms);
  return { spelling: search('spelling'), derived: derived.filter((h) => holders.has(h.row)) };
}

/** Passages ranked with variant spellings (the spelling leg alone). */
export function searchVariants(index: Bm25Index, terms: readonly string[], topK: number): LexicalHit[] {
  return searchVariantLegs(index, terms, topK).spelling;
}
