import { analyzeQuestion } from '../text/analyze.js';
import type { Bm25Index } from '../index/bm25.js';

/**
 * The terms a question is searched by. Of each word's alternatives, the ones the collection knows
 * win: the word as written first (so an MSA word that merely looks like a dialect form stays
 * itself), then its dialect readings, then the word without "in" (فأستانة, بمحمد), then the word with a
 * letter said alike written the other way (الضهر → الظهر). A word the collection
 * knows in no form keeps its first stem: it counts against coverage, and the variant leg looks for
 * spelling variants of it.
 */
export function questionTerms(lexical: Bm25Index, question: string): string[] {
  const terms: string[] = [];
  const known = (list: string[]) => list.filter((term) => lexical.documentFrequency(term) > 0);
  const words = analyzeQuestion(question);
  let skip = -1;
  for (const [k, { stems, readings, msa, inside, respelled, joined, position }] of words.entries()) {
    if (position === skip) continue;
    // A word split apart by a stray space (الضا منة): two words the collection does not know, one it does together.
    const next = words[k + 1];
    const nextUnknown = next?.position !== position + 1 || known(next.stems).length === 0;
    if (joined.length > 0 && known(stems).length === 0 && nextUnknown && known(joined).length === joined.length) {
      terms.push(...joined);
      skip = position + 1;
      continue;
    }
    const chosen = known(stems);
    if (chosen.length === 0) chosen.push(...known(readings));
    if (chosen.length === 0) chosen.push(...known(inside));
    if (chosen.length === 0) chosen.push(...known(respelled));
    // Unknown in every form: an MSA word of the colloquial lexicon is what a text would say, and its root
    // meets the text's other forms (هيتمضى → يوقع, توقيعه); else the dialect reading is the better base
    // for spelling variants (بيمثل → يمثل).
    if (chosen.length === 0) chosen.push(msa[0] ?? readings[0] ?? stems[0]!);
    terms.push(...chosen);
  }
  return terms;
}
