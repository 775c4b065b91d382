/** The language of replies and labels: Arabic when the user's text has Arabic letters, English otherwise. */
export type Lang = 'ar' | 'en';

// Letters only: an English question ending in "؟" or holding Arabic-Indic digits is still English.
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FC\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]/;

export function hasArabicLetters(text: string): boolean {
  return ARABIC_LETTER.test(text);
}

export function detectLang(text: string | null | undefined): Lang {
  return text && hasArabicLetters(text) ? 'ar' : 'en';
}

/** A normalized word made of the basic Arabic letters only (ء–ي): the stemmer and the dialect readings touch nothing else. */
export function isArabicWord(word: string): boolean {
  return /^[\u0621-\u064A]+$/.test(word);
}

/** True when the text has Latin letters: an English question, or English words in an Arabic one (the translation leg). */
export function hasLatinLetters(text: string): boolean {
  return /[A-Za-z]/.test(text);
}
