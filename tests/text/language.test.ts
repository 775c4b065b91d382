import { expect, test } from 'vitest';
import { detectLang, hasArabicLetters, hasLatinLetters, isArabicWord } from '../../src/text/language.js';

test('replies in Arabic when the text has Arabic letters, whatever else it holds', () => {
  expect(detectLang('من يرأس وفد النظام؟')).toBe('ar');
  expect(detectLang('ما دور the United Nations؟')).toBe('ar');
  expect(detectLang('ﻣﻦ')).toBe('ar'); // presentation forms, as some PDFs extract them
  expect(detectLang('Who heads the delegation?')).toBe('en');
  expect(detectLang(null)).toBe('en');
});

test('an Arabic question mark or Arabic-Indic digits alone do not make a text Arabic', () => {
  expect(hasArabicLetters('How many? ٢٠٢٤؟')).toBe(false);
  expect(detectLang('How many? ٢٠٢٤؟')).toBe('en');
});

test('Latin letters mark English words to translate', () => {
  expect(hasLatinLetters('ما دور the UN؟')).toBe(true);
  expect(hasLatinLetters('من يرأس ٢٠٢٤؟')).toBe(false);
});

test('an Arabic word, for the stemmer and the dialect readings: normalized letters only', () => {
  expect(isArabicWord('المحادثات')).toBe(true);
  expect(isArabicWord('محادثات2')).toBe(false);
  expect(isArabicWord('مُحادثات')).toBe(false); // diacritics are gone after normalization
  expect(isArabicWord('')).toBe(false);
});
