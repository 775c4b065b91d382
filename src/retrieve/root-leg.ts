import type { Bm25Index, LexicalHit, TermAlternative } from '../index/bm25.js';
import { perPart } from '../index/snapshot.js';
import { rootKey } from '../text/root-key.js';
import { completeRootKeys } from './term-keys.js';

/**
 * The root leg: a question word the collection never uses as written (المدافعون where the text says
 * الدفاع, يسافر where it says سفر) is searched by the collection's words of the same root key
 * (src/text/root-key.ts), so such a question still finds — and covers — its passages. Like the
 * spelling-variant leg it returns nothing when every word is known, so it only adds evidence the word
 * leg cannot see, and costs nothing on such questions.
 */

/** Words of one key kept per unknown question word (the most frequent: the usual forms of the root). */
const ROOT_FORMS_PER_WORD = 6;
/** A root form counts for less than the word itself. */
const ROOT_FORM_WEIGHT = 0.8;

/** Key → the index's terms of that key, built once per loaded index on first use. */
const termsByKey = perPart((index: Bm25Index): Map<string, string[]> => {
  const { keyOf, keys } = completeRootKeys(index);
  const table = new Map<string, string[]>();
  index.vocabulary().forEach((term, id) => {
    const key = keys[keyOf[id]!]!;
    const list = table.get(key);
    if (list) list.push(term);
    else table.set(key, [term]);
  });
  return table;
});

/**
 * Builds the key tables before the first question that needs them: one pass over the vocabulary (~0.3 s
 * per 100k terms) that would otherwise land inside a user's question. The bot calls it after a load.
 */
export function prepareRootLeg(index: Bm25Index): void {
  termsByKey(index);
}

/** Passages ranked with unknown words replaced by their root's forms; empty when no word needed one. */
export function searchRoots(index: Bm25Index, terms: readonly string[], topK: number): LexicalHit[] {
  let expanded = false;
  const words: TermAlternative[][] = [];
  for (const term of new Set(terms)) {
    if (index.documentFrequency(term) > 0) {
      words.push([{ term, weight: 1 }]);
      continue;
    }
    const forms = (termsByKey(index).get(rootKey(term)) ?? [])
      .map((t) => ({ term: t, df: index.documentFrequency(t) }))
      .sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
      .slice(0, ROOT_FORMS_PER_WORD);
    if (forms.length === 0) {
      words.push([{ term, weight: 1 }]);
      continue;
    }
    expanded = true;
    words.push(forms.map((f) => ({ term: f.term, weight: ROOT_FORM_WEIGHT })));
  }
  return expanded ? index.searchAlternatives(words, topK) : [];
}
