/**
 * A coarser form of an analyzed term than the light stem, close to its root: words of one root in
 * different patterns compare equal (يسافر / بالسفر / مسافر → سفر; مدافعي / الدفاع → دفع; تصنف / تصنيف → صنف).
 * Light stemming (stem.ts) never touches the root pattern, so a question that says the verb where the
 * passage says the noun matched nothing; the ranker reads matches on this key as separate, weaker
 * evidence. Works on analyzed terms (normalized and light-stemmed).
 */
import { isArabicWord } from './language.js';
import { skeleton } from './spelling-distance.js';

/** Hamza dropped, runs of one letter collapsed (letter classes are NOT folded: سفر and صفر are different roots). */
function fold(word: string): string {
  let out = '';
  for (const ch of word) if (ch !== 'ء' && ch !== out.at(-1)) out += ch;
  return out;
}

/** Pronoun and verb endings light stemming leaves on (بمنحهم, سافروا, قابلناه). Longest first. */
const SUFFIXES = ['هما', 'كما', 'تها', 'هم', 'هن', 'كم', 'نا', 'تم', 'وا', 'ته', 'يه', 'ه', 'ي', 'ت'];
/** Imperfect-verb and participle prefixes (one letter of a four-letter word may go: يصنف, مكتب). */
const VERB_PREFIX = /^[يتنم]/;
/** Attached prepositions and the first letter of derived verbs (بمنح, اعترض): only from longer words, كتاب stays. */
const LONG_PREFIX = /^[ابلكف]/;
/** Fewer letters than this after folding: the key is the term itself (two-letter skeletons collide too often). */
const MIN_KEY = 3;

export function rootKey(term: string): string {
  if (!isArabicWord(term)) return term;
  let word = term;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  const strip = (word.length >= 4 && VERB_PREFIX.test(word)) || (word.length >= 5 && LONG_PREFIX.test(word));
  // …unless what remains folds to under three letters (مطير is مطر, not طير).
  if (strip && skeleton(fold(word.slice(1))).length >= MIN_KEY) word = word.slice(1);
  // استفعل / مستفعل: the derived-verb letters before the root (the first was dropped just above).
  if (word.length >= 5 && word.startsWith('ست')) word = word.slice(2);
  const loose = fold(word);
  const key = skeleton(loose);
  // A hollow root (عاد / استعاد) folds to two letters: keep its long vowel rather than collide.
  return key.length >= MIN_KEY ? key : loose.length >= MIN_KEY ? loose : term;
}
