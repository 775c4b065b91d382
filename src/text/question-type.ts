import { normalize, tokenize } from './normalize.js';
import { cardinalDigits, MONTHS } from './numbers.js';
import { ARABIZI_QUESTION_WORDS, COLLOQUIAL_QUESTION_WORDS } from './dialect.js';
import { WHEN } from './framing-words.js';
import { isArabicWord } from './language.js';

/**
 * What kind of answer a question asks for, read from its question word. Standard Arabic, the main
 * dialects (Levantine قديش، Egyptian كام/امتى/فين، Gulf/Iraqi منو، Maghrebi شكون) and English.
 * Used as evidence, never as a filter: a passage of the wrong type can still win on its words.
 */
export type AnswerType = 'number' | 'date' | 'person' | 'place' | 'other';

// Normalized spellings (ى→ي, أ/إ/آ→ا, ة→ه): Standard Arabic and other spellings here, the dialects' from dialect.ts.
const NUMBER_WORDS = new Set(['كم', 'بكم', 'قدام', ...COLLOQUIAL_QUESTION_WORDS.number]);
// Iraqi شوكت (WHEN) is no function word: documents keep it, a name (آصف شوكت).
const DATE_WORDS = new Set(['متي', 'متا', 'امته', ...WHEN, ...COLLOQUIAL_QUESTION_WORDS.date]);
const PERSON_WORDS = new Set(['من', 'لمن', 'لمين', ...COLLOQUIAL_QUESTION_WORDS.person]);
const PLACE_WORDS = new Set(['اين', 'مناين', 'فاين', ...COLLOQUIAL_QUESTION_WORDS.place]);
/** The word, or the word without the و (and) people attach to a question word (ومين, وامتي). */
const isIn = (set: ReadonlySet<string>, w: string) => set.has(w) || (w.startsWith('و') && set.has(w.slice(1)));
/** "In which year / how many …": the noun after أي / ما / what (or a colloquial "what": شو عدد, ايش السنة) names the type. */
const DATE_NOUNS = new Set(['عام', 'سنه', 'العام', 'السنه', 'تاريخ', 'التاريخ', 'يوم', 'شهر', 'قرن', 'القرن', 'عقد', 'year', 'date', 'century', 'day']);
const NUMBER_NOUNS = new Set(['عدد', 'نسبه', 'مقدار', 'كميه', 'مبلغ', 'number', 'percentage', 'amount']);
const PLACE_NOUNS = new Set(['مدينه', 'بلد', 'دوله', 'مكان', 'منطقه', 'city', 'country', 'place', 'state']);
const WHICH = new Set(['اي', 'بأي', 'باي', 'وفي', 'في', 'ما', 'ماهو', 'ماهي', 'هو', 'هي', 'what', 'which', 'in', ...COLLOQUIAL_QUESTION_WORDS.other]);

/**
 * Arabizi question words (meen, wein, emta, chhal) read as a colloquial question word of the same kind (مين, وين,
 * امتي, قديش), in place, so the rules below see them; only in a question with Arabic letters, where question-framing.ts
 * drops them ("fin" stays English in an English question).
 */
const FROM_ARABIZI = new Map<string, string>(
  (Object.keys(ARABIZI_QUESTION_WORDS) as Array<keyof typeof ARABIZI_QUESTION_WORDS>).flatMap((type) =>
    ARABIZI_QUESTION_WORDS[type].map((w) => [w, COLLOQUIAL_QUESTION_WORDS[type][0]!] as const),
  ),
);

/** The answer type of a question, from its first few words. */
export function questionType(question: string): AnswerType {
  // Pushed, not mapped: an inlined `.map` makes holey arrays where the builtin makes packed ones, a 'wrong map'
  // for the code reading them once the caller (the answer's evidence gathering) is optimized.
  const written: string[] = [];
  for (const t of tokenize(normalize(question))) written.push(t.term);
  const words = written.some(isArabicWord) ? written.map((w) => FROM_ARABIZI.get(w) ?? w) : written;
  const head = words.slice(0, 4);
  if (head[0] === 'how' && (head[1] === 'many' || head[1] === 'much' || head[1] === 'long' || head[1] === 'old')) return 'number';
  for (let i = 0; i < head.length; i++) {
    const w = head[i]!;
    // "من" is also the preposition "from": only a question word near the start.
    if (i <= 1 && isIn(PERSON_WORDS, w)) return 'person';
    if (i <= 1 && (w === 'who' || w === 'whom' || w === 'whose')) return 'person';
    if (isIn(NUMBER_WORDS, w)) return 'number';
    if (isIn(DATE_WORDS, w) || w === 'when') return 'date';
    if (isIn(PLACE_WORDS, w) || w === 'where') return 'place';
    const previous = head[i - 1];
    if (previous === undefined || !WHICH.has(previous)) continue;
    if (DATE_NOUNS.has(w)) return 'date';
    if (NUMBER_NOUNS.has(w)) return 'number';
    if (PLACE_NOUNS.has(w)) return 'place';
  }
  return inSituType(words);
}

/**
 * The dialects ask in place: Egyptian puts the question word where the answer goes (اتقابل مع مين؟,
 * بتتعمل فين؟, ابتدت امتى؟), Levantine and Maghrebi often do too. Read anywhere, but only the colloquial
 * question words: none has an MSA meaning, unlike من (from) or كم (as … as) deep in a sentence.
 */
const IN_SITU: ReadonlyArray<readonly [AnswerType, ReadonlySet<string>]> = (['person', 'place', 'date', 'number'] as const).map(
  (type) => [type, new Set(COLLOQUIAL_QUESTION_WORDS[type])] as const,
);
function inSituType(words: readonly string[]): AnswerType {
  for (const w of words) for (const [type, set] of IN_SITU) if (isIn(set, w)) return type;
  return 'other';
}

const DATE_CONTEXT = new Set(['عام', 'سنه', 'العام', 'القرن', 'قرن', 'عامي', 'سنوات', 'year', 'century']);
/** Number words beside the cardinals of numbers.ts (which the analyzer reads as digits). */
const NUMBER_WORDS_IN_TEXT = new Set(('مائتي مئتي الف الاف مليون ملايين مليار مليارات نصف ربع ثلث').split(' '));

/** Evidence in a passage for each answer type, 0..1, over its normalized words. */
export function answerTypeEvidence(passageWords: readonly string[], questionWords: ReadonlySet<string>): { number: number; date: number } {
  let number = 0;
  let date = 0;
  for (let i = 0; i < passageWords.length; i++) {
    const w = passageWords[i]!;
    if (questionWords.has(w)) continue;
    const bare = w.startsWith('و') || w.startsWith('ب') || w.startsWith('ل') ? w.slice(1) : w;
    if (/^\d+$/.test(bare)) {
      number = 1;
      const value = Number(bare);
      if (bare.length === 4 && value >= 1000 && value <= 2100) date = 1;
      else if (DATE_CONTEXT.has(passageWords[i - 1] ?? '')) date = 1;
    } else if (cardinalDigits(w) !== undefined || NUMBER_WORDS_IN_TEXT.has(bare) || NUMBER_WORDS_IN_TEXT.has(w)) {
      number = Math.max(number, 0.5);
    }
    if (MONTHS.has(bare) || MONTHS.has(w)) date = 1;
  }
  return { number, date };
}
