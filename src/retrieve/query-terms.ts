import { analyzeQuestion } from '../text/analyze.js';
import type { Bm25Index } from '../index/bm25.js';
import { variantMatcherFor } from './variant-leg.js';

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
  for (const [k, { stems, readings, msa, inside, respelled, joined, country, position, colloquial }] of words.entries()) {
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
    if (chosen.length === 0 && colloquial) chosen.push(...typedSlip(lexical, stems[0]!));
    // Unknown in every form: an MSA word of the colloquial lexicon is what a text would say, and its root
    // meets the text's other forms (هيتمضى → يوقع, توقيعه); else the dialect reading is the better base
    // for spelling variants (بيمثل → يمثل).
    if (chosen.length === 0) chosen.push(msa[0] ?? readings[0] ?? stems[0]!);
    terms.push(...chosen);
    // A people or a capital (الأتراك, موسكو): a text may name the country instead (تركيا, روسيا), so both are searched; in
    // an MSA question only when the collection lacks the word as written: offered beside known words there, the extra
    // words cost xquad-dev held-out refusals (eval/JOURNAL.md, twelfth dialect round).
    if (country.length > 0 && (colloquial || known(stems).length === 0)) terms.push(...known(country).filter((c) => !chosen.includes(c)));
  }
  return terms;
}

/** Similarity of a name typed with a long vowel dropped, doubled or added (نزاربايف / نزارباييف 1, كوشكمبايف / كوشكومبايف 0.95). */
const SLIP_SIMILARITY = 0.9;
/** Shorter words are other words one vowel apart (قال / قيل). */
const SLIP_MIN_LENGTH = 6;

/**
 * A long word of a dialect question the collection lacks, read as the collection's spellings of it one long vowel or a
 * doubled letter away: a name typed fast (نزاربايف, لافرنتييف). The variant leg finds them too, but as variants, which
 * the refusal trusts less than the word itself (a lone نزاربايف was refused where نزارباييف is answered).
 */
function typedSlip(lexical: Bm25Index, term: string): string[] {
  if ([...term].length < SLIP_MIN_LENGTH) return [];
  return variantMatcherFor(lexical)
    .match(term, 3)
    .filter((m) => m.similarity >= SLIP_SIMILARITY && m.term !== term)
    .map((m) => m.term);
}
