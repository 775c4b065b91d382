/**
 * Matching-only normalization for Arabic (and Latin) text. Display always uses the original text;
 * these forms exist so that spelling variants users type interchangeably compare equal.
 */

const ALEF_FORMS = new Set(['\u0622', '\u0623', '\u0625', '\u0671']); // آ أ إ ٱ
const REPLACEMENTS: Record<string, string> = {
  '\u0629': '\u0647', // ة → ه: taa marbuta is written as haa in informal text and often at line ends
  '\u0649': '\u064A', // ى → ي: alef maqsura vs yeh is a common (Egyptian-style) spelling variant
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06CC': '\u064A', // Persian yeh ی
  '\u06D2': '\u064A', // Urdu yeh barree ے
  '\u06A9': '\u0643', // Persian kaf ک
  '\u06AA': '\u0643', // swash kaf ڪ
};

/** Characters dropped entirely: they never change which word is meant. */
function isIgnorable(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) || // tashkeel (harakat, tanween, shadda, sukun…)
    code === 0x0670 || // superscript alef
    code === 0x0640 || // tatweel (kashida) is pure typographic stretching
    (code >= 0x06d6 && code <= 0x06ed) || // Quranic annotation marks
    code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || // zero-width
    code === 0x200e || code === 0x200f || code === 0x061c || // direction marks
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings/overrides
    (code >= 0x2066 && code <= 0x2069) // bidi isolates
  );
}

function mapChar(ch: string): string {
  if (ALEF_FORMS.has(ch)) return '\u0627';
  const replaced = REPLACEMENTS[ch];
  if (replaced !== undefined) return replaced;
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48); // Arabic-Indic digits
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48); // Eastern Arabic-Indic
  // Hashtags (#النظام_السوري) and snake_case should read as separate words.
  if (ch === '_' || ch === '#') return ' ';
  return ch.toLowerCase();
}

export interface NormalizedText {
  text: string;
  /** `map[i]` is the index in the original string of normalized character `i`; `map[text.length]` is the original length. */
  map: number[];
}

/** Normalizes and keeps, for every output code unit, where it came from, so matches can be cut from the original. */
export function normalizeWithMap(original: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    if (isIgnorable(code)) continue;
    // Keep surrogate pairs (emoji, rare scripts) together so offsets never split a character.
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < original.length;
    const ch = isPair ? original.slice(i, i + 2) : original[i]!;
    const out = isPair ? ch : mapChar(ch);
    for (let k = 0; k < out.length; k++) map.push(i);
    text += out;
    if (isPair) i++;
  }
  map.push(original.length);
  return { text, map };
}

/**
 * Where the normalized range [start, end) lies in the original string. The end is the origin of the
 * next normalized character, so a word keeps its trailing diacritics and never ends inside a
 * surrogate pair.
 */
export function originalSpan(map: number[], start: number, end: number): [number, number] {
  return [map[start]!, map[end]!];
}

export function normalize(text: string): string {
  return normalizeWithMap(text).text;
}

export interface Token {
  /** The normalized word. */
  term: string;
  /** Offsets in the normalized text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of already-normalized text. Letters and digits only: punctuation, emoji and symbols never match. */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(WORD)) {
    tokens.push({ term: match[0], start: match.index!, end: match.index! + match[0].length });
  }
  return tokens;
}

/** True when the text has at least one letter or digit, i.e. something a search could match. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
