import type { Bm25Index, LexicalHit, TermAlternative } from '../index/bm25.js';
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

/** The index's terms whose root key is `key`, from the key lists every term's key is read into once per loaded index. */
function termsOfRootKey(index: Bm25Index, key: string): string[] {
  const { idOf, termsOfKey } = completeRootKeys(index);
  const id = idOf.get(key);
  // A key numbered after the lists were made (a question's) has no term.
  if (id === undefined || id + 1 >= termsOfKey.offsets.length) return [];
  const terms: string[] = [];
  for (let at = termsOfKey.offsets[id]!; at < termsOfKey.offsets[id + 1]!; at++) terms.push(index.termAt(termsOfKey.terms[at]!));
  return terms;
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
    const forms = termsOfRootKey(index, rootKey(term))
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
