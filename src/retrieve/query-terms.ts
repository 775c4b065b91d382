import { analyze, analyzeQuestion } from '../text/analyze.js';
import { newsAlternativeTerms } from '../text/news-lexicon.js';
import { NEWS_SENSE_WEIGHT } from '../translate/news-senses.js';
import type { Bm25Index } from '../index/bm25.js';
import type { TermGroup } from '../types.js';
import { variantMatcherFor } from './variant-leg.js';

/**
 * The terms a question is searched by. Of each word's alternatives, the ones the collection knows
 * win: the word as written first (so an MSA word that merely looks like a dialect form stays
 * itself), then its dialect readings, then the word without "in" (فأستانة, بمحمد), then the word as a
 * dialect question may mean it (a letter said alike written the other way: الضهر → الظهر; QuestionWord.dialectForms), then
 * a lexicon word under clitics or endings as the collection writes it (لقائها → لقاء) or else read as its MSA word
 * (لرجوع → عودة). A word the collection knows in no form keeps one term (below: its MSA word, else its reading, else
 * its first stem): it counts against coverage, and the variant leg looks for spelling variants of it.
 */
export function questionTerms(lexical: Bm25Index, question: string): string[] {
  const terms: string[] = [];
  const known = (list: string[]) => list.filter((term) => lexical.documentFrequency(term) > 0);
  const words = analyzeQuestion(question);
  let skip = -1;
  for (const [k, { stems, readings, msa, inside, dialectForms, joined, country, listed, position, colloquial }] of words.entries()) {
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
    if (chosen.length === 0) chosen.push(...known(dialectForms));
    // A lexicon word under clitics (لقائها, للرجوع): as the collection writes it, so its news alternatives join it
    // (withNewsAlternatives), else its MSA words.
    if (chosen.length === 0) chosen.push(...known(listed.rest));
    if (chosen.length === 0) chosen.push(...known(listed.msa));
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

/** Each news word's analyzed term → its other words' terms (NEWS_ALTERNATIVES). */
const ALTERNATIVES = newsAlternativeTerms(analyze);

/**
 * The question's terms with each news word the collection knows joined by its other words the collection knows, as a
 * group of alternatives: a passage that says يرأس answers "من يقود الوفد" though the word was known as written. The
 * other word counts for a usual second sense of the word (NEWS_SENSE_WEIGHT), never more than the word itself, and the
 * group's coverage mass stays the word's, so a passage with the asked word scores as before.
 */
export function withNewsAlternatives(lexical: Bm25Index, terms: readonly string[]): Array<string | TermGroup> {
  return terms.map((term) => {
    const known = (ALTERNATIVES.get(term) ?? []).filter((other) => other.every((t) => lexical.documentFrequency(t) > 0));
    if (known.length === 0 || lexical.documentFrequency(term) === 0) return term;
    const idf = lexical.idf(term);
    const others = known.map((other) => {
      const mean = other.reduce((sum, t) => sum + lexical.idf(t), 0) / other.length;
      return { terms: other, weight: NEWS_SENSE_WEIGHT * Math.min(1, idf / mean) };
    });
    return { alternatives: [{ terms: [term], weight: 1 }, ...others], mass: idf };
  });
}

/** Every news word's group of alternatives as withNewsAlternatives makes it for this collection (those whose words it knows). */
export function newsWordGroups(lexical: Bm25Index): TermGroup[] {
  return withNewsAlternatives(lexical, [...ALTERNATIVES.keys()]).filter((group): group is TermGroup => typeof group !== 'string');
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
