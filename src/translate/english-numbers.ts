/**
 * English numbers written with letters after the digits (3rd, 15th, 1990s, 80s) and ordinal words
 * (third, fourth): what they may be looked up as and which digits they stand for. Without this the
 * tokenizer cut `3rd` into `3` and `rd` (which FreeDict reads as "R&D") and `1700s` into `1700` and `s`.
 */

/** Ordinal words and the short form FreeDict lists their ordinal sense under (third → 3rd → الثالث, not الثلث "a third"). */
const ORDINAL_WORDS: ReadonlyMap<string, string> = new Map(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].map((word, i) => [word, shortOrdinal(i + 1)]),
);

function shortOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A number with an ordinal ending or a plural s: `3rd`, `21st`, `1990s`, `80s`. */
export const NUMBER_WITH_LETTERS = /^(\p{N}+)(st|nd|rd|th|s|'s|’s)$/iu;

export interface EnglishNumber {
  /** The digits as a term (3rd → 3, 1990s → 1990). */
  digits: string;
  /** Headwords to look the token up under, most likely first (3rd; nothing for 1990s). */
  lookups: string[];
  /** Arabic words for it beside the digits: a decade's name (1970s, 70s → السبعينيات). */
  arabic: string[];
}

/** Arabic names a decade by its tens (السبعينيات "the seventies"), 20s to 90s. */
const TENS = ['', '', 'العشرينيات', 'الثلاثينيات', 'الأربعينيات', 'الخمسينيات', 'الستينيات', 'السبعينيات', 'الثمانينيات', 'التسعينيات'];

/** Reads `3rd` / `1990s`; undefined for anything else. */
export function englishNumber(token: string): EnglishNumber | undefined {
  const match = NUMBER_WITH_LETTERS.exec(token);
  if (!match) return undefined;
  const ending = match[2]!.toLowerCase();
  const ordinal = ending !== 's' && !ending.endsWith('s');
  const value = Number(match[1]);
  const decade = !ordinal && value % 10 === 0 && (value < 100 || value >= 1000) ? TENS[(value % 100) / 10] : '';
  return { digits: match[1]!, lookups: ordinal ? [token.toLowerCase()] : [], arabic: decade ? [decade] : [] };
}

/** The headword of an ordinal word's ordinal sense (fourth → 4th), or undefined. */
export function ordinalHeadword(word: string): string | undefined {
  return ORDINAL_WORDS.get(word.toLowerCase());
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/**
 * The value of a Roman numeral written in capitals (Super Bowl XLIX → 49: Arabic articles write the
 * digits), or undefined. Only the canonical spelling counts, and two letters at least: a capital `I` or
 * `V` alone is more often a word or an initial.
 */
export function romanValue(token: string): number | undefined {
  if (token.length < 2 || !/^[IVXLCDM]+$/.test(token)) return undefined;
  let value = 0;
  let rest = token;
  for (const [n, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      value += n;
      rest = rest.slice(letters.length);
    }
  }
  return rest === '' && toRoman(value) === token ? value : undefined;
}

function toRoman(value: number): string {
  let out = '';
  for (const [n, letters] of ROMAN) for (; value >= n; value -= n) out += letters;
  return out;
}
