/**
 * Colloquial Arabic (Levantine, Gulf, Egyptian, Maghrebi) as people write it on Discord, mapped to
 * what the newspaper Arabic of the documents says. Two parts, both on normalized text (ى→ي, ة→ه,
 * أ/إ→ا): function words that carry no topic, and readings of a word with a dialect verb prefix
 * removed (بيرأس → يرأس). Readings are offered as alternatives, never forced: the caller keeps the
 * word as written when the collection knows it, so MSA words that happen to start with ب or ك stay.
 */
import { isArabicWord } from './language.js';

/** Question words, particles, demonstratives and "I want to know" framing; no word with a common MSA meaning. */
export const DIALECT_FUNCTION_WORDS: readonly string[] = (
  // what / why / where / when / who / how / how much
  'شو شنو شنهو ايش اش وش وشو واش ايه شي ' +
  'ليش ليه علاش لويش ' +
  'وين فين منين لوين ' +
  'امتي ايمتي امتا وقتاش فوقاش ' +
  'مين منو شكون اشكون ' +
  'شلون كيفاش ازاي ' +
  'قديش قداش شقد شحال كام ' +
  // relative, demonstratives, particles, "because", and صار (become/happen: one of kana's sisters)
  'اللي الي يلي لي هاد هادا هادي هاذا هيدا هيدي هاي هدول هذول ده دي دا كده هيك هيكي ' +
  'عم رح لح غادي راه ديال ديالو ديالها ديالهم ديالي ديالك ديالنا بتاع بتاعه بتاعها بتاعهم كاين كاينه كاينين ' +
  'عشان علشان مشان منشان كرمال صار صارت يصير تصير بيصير بتصير مش مو مب مفيش ماكو ع عال بس كمان يعني طيب هلق هلا دابا ' +
  // wanting to know
  'بدي بدك بده بدها بدنا بدكم بدهم عايز عاوز عايزه ابغي نبغي بغيت ودي حاب ' +
  'اعرف نعرف قلي قولي قولولي احكيلي خبرني خبروني فهمني عرفني'
)
  .split(/\s+/)
  .filter((w) => w !== '');

/**
 * MSA readings of a colloquial word, most likely first; empty when it has none.
 * - verb prefixes before the imperfect: بـ (بيرأس), حـ/هـ (future: حيعقد, هيعقد), كـ/تـ (Maghrebi كيقول, تيقول),
 *   and MSA's own future سـ (سيحدث), which the light stemmer leaves on;
 * - the colloquial plural ـو for ـون/ـوا: يراقبو → يراقب;
 * - the reflexive/passive اتـ (Egyptian اتعقدت) and MSA's انـ (انعقدت), which light stemming keeps: → عقدت;
 * - هالـ / عالـ (this the / on the): هالمحادثات → المحادثات;
 * - ما…ش negation (Egyptian, Maghrebi): ماشاركوش → شاركو.
 */
export function dialectReadings(word: string): string[] {
  if (!isArabicWord(word)) return [];
  const readings: string[] = [];
  const verb = /^[سبحهك]([يتنا].{2,})$/.exec(word) ?? /^ت(ي.{2,})$/.exec(word);
  const imperfect = verb ? verb[1]! : word;
  if (verb) readings.push(imperfect);
  const plural = /^([يتن].{3,})و$/.exec(imperfect);
  if (plural) readings.push(plural[1]!);
  const reflexive = /^ا[نت](.{4,})$/.exec(word);
  if (reflexive) readings.push(reflexive[1]!);
  const article = /^(?:ه|ع)(ال.{3,})$/.exec(word);
  if (article) readings.push(article[1]!);
  const negated = /^ما(.{3,})ش$/.exec(word);
  if (negated) readings.push(negated[1]!);
  return [...new Set(readings)];
}
