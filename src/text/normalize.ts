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
  // The heh forms of Persian and Urdu keyboards, which write ة and ه with them (المبادرۀ, مشارکہ, ھذا).
  '\u06C0': '\u0647', // heh with yeh above ۀ (Persian ezafe on a word ending in ة)
  '\u06C1': '\u0647', // heh goal ہ (Urdu)
  '\u06C2': '\u0647', // heh goal with hamza ۂ
  '\u06C3': '\u0647', // teh marbuta goal ۃ
  '\u06BE': '\u0647', // heh doachashmee ھ
  '\u06D5': '\u0647', // ae ە
  // Letters for sounds Arabic spells with its own, as news Arabic spells them: p as ب (پوتين → بوتين), zh as ز, v as ف
  // (ڤلاديمير → فلاديمير), and the Algerian and Tunisian g that says ق (ڨال → قال). Not گ, چ, ڭ: a user means ق, ك or ج by them.
  '\u067E': '\u0628', // peh پ
  '\u0698': '\u0632', // jeh ژ
  '\u06A4': '\u0641', // veh ڤ
  '\u06A8': '\u0642', // qaf with three dots above ڨ
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
    (code >= 0x2066 && code <= 0x2069) || // bidi isolates
    (code >= 0xfe70 && code <= 0xfe7f && code !== 0xfe74) // tashkeel in presentation form (PDF extraction)
  );
}

/** Arabic presentation forms (what many PDFs extract): compatibility-decomposed to the letters they draw. */
function isPresentationForm(code: number): boolean {
  return (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefe);
}

function mapChar(ch: string): string {
  const first = ch.charCodeAt(0);
  const decomposed = isPresentationForm(first) ? ch.normalize('NFKC') : ch;
  if (decomposed !== ch) {
    // Unassigned code points in these blocks decompose to themselves and fall through.
    let out = '';
    for (const letter of decomposed) {
      if (!isIgnorable(letter.charCodeAt(0))) out += mapChar(letter);
    }
    return out;
  }
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

/** True when normalization may change this code unit (most Arabic letters and ASCII pass through untouched). */
function mayChange(code: number): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || code === 95 || code === 35; // A-Z, _ and #
  if (code >= 0x0621 && code <= 0x064a) return code === 0x0640 || code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0629 || code === 0x0649 || code === 0x0624 || code === 0x0626;
  return true;
}

/**
 * The same text as `normalizeWithMap(text).text` (property-tested), without building the offset map:
 * ranking normalizes candidate passages per question, and copying unchanged runs whole is ~10× faster.
 */
export function normalize(text: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (!mayChange(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && mayChange(text.charCodeAt(end))) end++;
    out += text.slice(run, i) + normalizeWithMap(text.slice(i, end)).text;
    run = end;
    i = end - 1;
  }
  return run === 0 ? text : out + text.slice(run);
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
