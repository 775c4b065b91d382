/**
 * Light stemming in the spirit of Larkey, Ballesteros & Connell's Light10 (SIGIR 2002), the usual
 * baseline in Arabic IR: strip a few frequent prefixes and suffixes, never touch the root pattern.
 * Works on normalized text (ة already ه, أ/إ/آ already ا, ى already ي).
 */
import { isArabicWord } from './language.js';
import { cardinalDigits } from './numbers.js';

const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
// Order matters: longer suffixes first so يه is tried before ه.
// Light10's ية and يه are one suffix here, since ة is already normalized to ه.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * "لل" is ambiguous: لِ + ال + كتاب is written للكتاب, but لِ + ال + لاجئين is written للاجئين (one lam
 * dropped). Both readings are returned so "اللاجئين" in a question still meets "للاجئين" in a passage.
 */
export function lightStems(word: string): string[] {
  // A number word is its digits (خمسة → 5), so the words and the digits of one number match.
  const digits = cardinalDigits(word);
  if (digits !== undefined) return [digits];
  const stem = lightStem(word);
  const bare = word.startsWith('و') && word.length >= 5 ? word.slice(1) : word;
  if (isArabicWord(bare) && bare.startsWith('لل') && bare.length >= 5) {
    const alternative = lightStem('ال' + bare.slice(1));
    if (alternative !== stem) return [stem, alternative];
  }
  return [stem];
}

export function lightStem(word: string): string {
  if (!isArabicWord(word)) return word;
  let stem = word;
  // و (and) is attached to the next word; Light10 drops it when 3+ letters remain.
  if (stem.startsWith('و') && stem.length >= 4) stem = stem.slice(1);
  for (const prefix of ARTICLE_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 2) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  // Light10 strips each suffix once, in order, while 2+ letters remain.
  for (const suffix of SUFFIXES) {
    if (stem.length - suffix.length >= 2 && stem.endsWith(suffix)) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
