/**
 * A question word met in an inflected form of a word the lexicons list (news-lexicon.ts, dialect-lexicon.ts): the
 * tables list a base form (لقاء, رجوع, بحثت), a question writes it with clitics and endings on (لقائها, للرجوع, بحثتها).
 * The light stemmer leaves most of them on (Light10 strips no ـهم ـهن ـنا ـكم, no بـ لـ كـ without the article) and
 * damages a hamza-final stem (لقائها → لقا), so the tables are looked up with those taken off here, in one place.
 * Questions only: documents are analysed as written.
 */
import { COLLOQUIAL_WORDS } from './dialect-lexicon.js';
import { isArabicWord } from './language.js';
import { lightStem } from './stem.js';

/**
 * Pronouns written onto a word, one list for every peeler of them (here, dialect-readings.ts, dialect-spelling.ts), each
 * taking the groups its words carry: "her / his" (ها ه), which the light stemmer strips itself; "their, your, our" (هم هن
 * كم كن نا); "me, you" (ني ك), on a verb (a noun's final ك is too often its own: مشترك); the Levantine "their, your"
 * (هون كون), read in a dialect question only (MSA words end so: يكون, مضمون).
 */
export const PRONOUN_ENDINGS = {
  herHis: ['ها', 'ه'],
  theirYourOur: ['هم', 'هن', 'كم', 'كن', 'نا'],
  meYou: ['ني', 'ك'],
  levantine: ['هون', 'كون'],
} as const;

/** Endings as one regular-expression group, for a peeler that reads them with more around (a plural before the pronoun). */
export const endingGroup = (endings: readonly string[]): string => `(?:${endings.join('|')})`;

/** A peeler of `endings`: the word without one of them (the shortest base of `shortest` letters or more), or undefined. */
export function endingPeeler(endings: readonly string[], shortest = 3): (word: string) => string | undefined {
  const peeler = new RegExp(`^(.{${shortest},}?)${endingGroup(endings)}$`);
  return (word) => peeler.exec(word)?.[1];
}

/** The pronouns a lexicon word is met under (a noun's or a verb's): not the verb-only "me, you", nor the Levantine ones. */
const withoutLexiconPronoun = endingPeeler([...PRONOUN_ENDINGS.herHis, ...PRONOUN_ENDINGS.theirYourOur]);

/**
 * The word with "and" / "so" (و ف), then "with" / "to" / "like" (بـ لـ كـ, لل for لـ + the article), then an object or
 * possessive pronoun taken off, in that order, each optional; after a pronoun, ة written ت put back (قيادته → قياده) and a
 * hamza's seat (ئ ؤ, normalized ي و) put back on the line (لقائها → لقاء). Fewest taken off first; the word itself not
 * included. A proclitic leaves four letters or more (لحال, بحث are words themselves), a pronoun three.
 */
export function lexiconForms(word: string): string[] {
  if (!isArabicWord(word)) return [];
  const fronts = [word];
  const conjunction = /^[وف](.{4,})$/.exec(word)?.[1];
  if (conjunction) fronts.push(conjunction);
  for (const front of [...fronts]) {
    const preposition = /^(?:(لل)|[بلك])(.{4,})$/.exec(front);
    if (!preposition) continue;
    if (preposition[1]) fronts.push('ال' + preposition[2]!);
    fronts.push(front.slice(1));
  }
  const forms: string[] = [];
  for (const front of fronts) {
    forms.push(front);
    const base = withoutLexiconPronoun(front);
    if (!base) continue;
    forms.push(base);
    if (base.endsWith('ت')) forms.push(base.slice(0, -1) + 'ه');
    if (/ا[يو]$/.test(base)) forms.push(base.slice(0, -1) + 'ء');
  }
  return [...new Set(forms)].filter((form) => form !== word);
}

/**
 * The first of lexiconForms that a lexicon lists, with its MSA words (none for a word of NEWS_ALTERNATIVES, which is
 * searched with its other words as it is written: `newsWords`, news-lexicon.ts newsAlternativeTerms), or null.
 */
export function listedForm(word: string, newsWords: ReadonlyMap<string, unknown>): { rest: string; msa: string[] } | null {
  const own = lightStem(word);
  for (const form of lexiconForms(word)) {
    const msa = COLLOQUIAL_WORDS.get(form);
    if (msa) return { rest: form, msa };
    const stem = lightStem(form);
    if (stem !== own && newsWords.has(stem)) return { rest: form, msa: [] };
  }
  return null;
}
