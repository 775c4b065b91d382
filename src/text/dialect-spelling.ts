/**
 * How chat spells and joins words apart from the newspaper: letters said alike and written for each other, a plural's
 * long vowel dropped in fast typing, "in", a name's particle or "their" written onto a word, the negation's ما written apart
 * from its ش. Each gives forms of a question word that are searched only when the collection knows them (analyzeQuestion;
 * the negated verb is a reading); dialect-readings.ts reads words, this spells them.
 */
import { dialectReadingsOf, pastPersons, type DialectReadings } from './dialect-readings.js';
import { isArabicWord } from './language.js';
import { endingPeeler, PRONOUN_ENDINGS } from './lexicon-forms.js';

/**
 * Letters the dialects say alike and so write for each other: ظ and ض (الضهر for الظهر, بالظبط for بالضبط), the
 * interdentals written as they are said, ذ as ز or د (زكرى, هادا) and ث as ت (تالت, اتنين), and the ق said as a glottal
 * stop in Levantine and Egyptian cities, written ء (ءال, الءرار), and the Persian letters Iraqi and Gulf chat writes for
 * their ch and g, چ for a ك said ch or a ج (چبير, دچاچ) and گ for a ق or ك said g (گال, اگدر). The word with one
 * of them written the other way, one letter at a time. Not readings: most are no word at all (تقارير → ثقارير), so
 * they are searched only when the collection knows them (like withoutIn).
 */
const SAID_ALIKE: ReadonlyArray<readonly [string, string]> = [
  ['ض', 'ظ'], ['ظ', 'ض'], ['ز', 'ذ'], ['د', 'ذ'], ['ت', 'ث'], ['ء', 'ق'], ['چ', 'ك'], ['چ', 'ج'], ['گ', 'ق'], ['گ', 'ك'],
];
export function respelled(word: string): string[] {
  if (!isArabicWord(word.replace(/[چگ]/g, 'ك'))) return [];
  const out: string[] = [];
  for (const [written, meant] of SAID_ALIKE) {
    for (let i = word.indexOf(written); i >= 0; i = word.indexOf(written, i + 1)) out.push(word.slice(0, i) + meant + word.slice(i + 1));
  }
  return out;
}

/**
 * A word's dialect readings, and in a dialect question (`colloquial`) those of its spellings with the letter an Iraqi or Gulf
 * چ / گ stands for (باچر → باجر → غدا, حچى → حكى → قال, يگعدون → يقعدون → يجلس): the lexicon lists words as the papers'
 * letters spell them, so a word typed with چ or گ, letters no text writes, had no reading. Only the lexicon's MSA words:
 * the respelling itself is searched like respelled()'s, only when the collection knows it.
 */
export function readingsAsSpelled(word: string, colloquial: boolean): DialectReadings {
  const own = dialectReadingsOf(word);
  if (!colloquial || !/[چگ]/.test(word)) return own;
  // The lexicon's words only, not the shapes: گالوه as كالوه would read كـ + الوه.
  const meant = respelled(word).flatMap((r) => dialectReadingsOf(r).msa);
  return { readings: [...new Set([...own.readings, ...meant])], msa: [...new Set([...own.msa, ...meant])] };
}

/**
 * A plural ending typed without its long vowel, a slip of fast typing (المحادثت for المحادثات, كمراقبن for كمراقبين):
 * the word with it put back. Searched like respelled() (only when the collection knows the result, only in a
 * dialect question): ـت and ـن also end many words, which the collection knowing them as written keeps.
 */
export function withLongVowel(word: string): string[] {
  if (!isArabicWord(word)) return [];
  // ـت only after the article: bare, it is a verb's past (تابعت "I followed" is no تابعات).
  const stem = /^((?:[وبفلك]?ال|لل).{3,})ت$/.exec(word) ?? /^(.{3,})ن$/.exec(word);
  if (!stem) return [];
  return word.endsWith('ت') ? [stem[1] + 'ات'] : [stem[1] + 'ين', stem[1] + 'ون'];
}

// Not ها, ه: the light stemmer strips those from both sides (مشاركتها meets مشاركتها), and جماعته read as جماعة met the
// armed groups (جماعات) in an Egyptian question about علوش's own people (dialect-blind8).
const withoutPossessivePronoun = endingPeeler([...PRONOUN_ENDINGS.theirYourOur, ...PRONOUN_ENDINGS.levantine]);

/**
 * A noun with "their / your / our" written on it (وثيقتهن, مطالبهم, شروطكم, اجتماعاتهم): the word the collection writes
 * without it, a ة written ت before the pronoun put back (وثيقتهن → وثيقة) or the plural's ات kept. The light stemmer strips
 * only ها and ه, so وثيقتهن never met الوثيقة. Searched like respelled() (only when the collection knows the result, only
 * in a dialect question, where Levantine هن and هون are said): in MSA ones an unknown word is what the refusal leans on.
 */
export function withoutPossessive(word: string): string[] {
  if (!isArabicWord(word)) return [];
  const bare = withoutPossessivePronoun(word);
  if (!bare) return [];
  return bare.endsWith('ت') ? [bare.slice(0, -1) + 'ه', bare] : [bare];
}

/**
 * The word without "in": the Maghrebi فـ (فجنيف, فأستانة), and in a dialect question (`colloquial`) بـ on a word with
 * no article (بمحمد علوش, بمناطق, بحمص), which the light stemmer leaves on (it strips them only with the article: بالـ,
 * فالـ), or null. Not a reading: both letters also begin words (فشلو is a verb, not شلو; بلد), so it is searched only
 * when the collection knows the rest and not the word. بـ only in a dialect question: in MSA ones it would cut names
 * (بيتسبرغ, بايتون → يتسبرغ, ايتون), and not لـ "to" nor the Levantine عـ "on" (لسوريا, لبنان → بنان, عإدلب): the refusal
 * leans on such a word being unknown, and refusals on the seed sets moved (eval/JOURNAL.md, eighth blind round).
 */
export function withoutIn(word: string, colloquial: boolean): string | null {
  return (colloquial ? /^[فب]((?!ال).{3,})$/ : /^ف((?!ال).{3,})$/).exec(word)?.[1] ?? null;
}

/**
 * The word without what chat writes joined onto it, searched like withoutIn (only when the collection knows the rest):
 * on a question's first word (`opening`), the Iraqi and Gulf ش "what" (شعلاقة, شسوت → علاقة, سوت), which elsewhere
 * would cut the ش of words like شمال; in a dialect question (`colloquial`), a name's particle دي / ابو (ديمستورا,
 * ابوزيد → مستورا, زيد), which in MSA begins transliterated names (ديفيس, ديجيتال).
 */
export function withoutJoined(word: string, where: { opening: boolean; colloquial: boolean }): string[] {
  const rest = (where.opening ? /^ش(.{3,})$/.exec(word)?.[1] : undefined) ?? (where.colloquial ? /^(?:دي|ابو)(.{3,})$/.exec(word)?.[1] : undefined);
  return rest && isArabicWord(rest) ? [rest, ...dialectReadingsOf(rest).readings] : [];
}

/**
 * A verb negated with ما written apart, as Palestinians and Egyptians write it (ما شاركتش، ما شاركوش، ما كانش): the verb
 * without the ش. Written together (ماشاركوش) dialectReadingsOf reads it; apart the ش stayed on. The pair is itself
 * colloquial, so any question reads it (a word ending in ش right after ما, as MSA writes them, is rare: ما نقاش).
 */
export function negatedApart(word: string, before: string | undefined): string[] {
  const verb = before === 'ما' ? /^(.{3,})ش$/.exec(word)?.[1] : undefined;
  // The plural's ـو before the ش is ـوا (ما شاركوش = ما شاركوا).
  return verb && isArabicWord(word) ? [verb, ...dialectReadingsOf(verb).readings, ...pastPersons(verb.endsWith('و') ? verb + 'ا' : verb)] : [];
}
