/**
 * How alike two spellings of a word read: letters transliterations swap folded to one class (ق/ك, ط/ت,
 * ص/س…), runs of a letter collapsed, long vowels cheap to insert, drop or swap. The variant matcher
 * (variants.ts) finds candidates among a vocabulary and ranks them by this distance; `sameRadicals` tells
 * forms of one word from look-alikes (the English leg's other forms of a translation).
 */

/** Letters transliterations swap for one another, folded to one representative. */
const LETTER_CLASS: Record<string, string> = {
  'ق': 'ك', 'ط': 'ت', 'ص': 'س', 'ث': 'س', 'ض': 'د', 'ظ': 'ز', 'ذ': 'ز', 'غ': 'ج', 'ء': '',
};
const VOWELS = new Set(['ا', 'و', 'ي']);

/** Letter classes folded and runs of one letter collapsed (ييه → يه): spellings that read alike. */
export function looseForm(term: string): string {
  const out: string[] = [];
  let last = '';
  for (const ch of term) {
    const mapped = LETTER_CLASS[ch] ?? ch;
    if (mapped !== '' && mapped !== last) out.push(mapped);
    if (mapped !== '') last = mapped;
  }
  return out.join('');
}

/** The loose form without long vowels after the first letter: what survives any vowel spelling. */
export function skeleton(loose: string): string {
  let out = loose.slice(0, 1);
  for (let i = 1; i < loose.length; i++) if (!VOWELS.has(loose[i]!)) out += loose[i]!;
  return out;
}

/**
 * Optimal-string-alignment distance where inserting, dropping or swapping a long vowel costs half:
 * لافرنتيف → لافرينتيف is 0.5, not 1. Stops early once above `limit`.
 */
export function variantDistance(a: string, b: string, limit = Infinity): number {
  const cols = b.length + 1;
  if (scratch.length < 3 * cols) scratch = new Float64Array(3 * cols * 2);
  // Three rows of one reused buffer: two back (for transpositions), one back, current.
  let prev2 = 0;
  let prev = cols;
  let cur = 2 * cols;
  const d = scratch;
  d[prev] = 0;
  for (let j = 1; j < cols; j++) d[prev + j] = d[prev + j - 1]! + codeCost(b.charCodeAt(j - 1));
  for (let i = 1; i <= a.length; i++) {
    const x = a.charCodeAt(i - 1);
    const xCost = codeCost(x);
    d[cur] = d[prev]! + xCost;
    let rowMin = d[cur]!;
    for (let j = 1; j < cols; j++) {
      const y = b.charCodeAt(j - 1);
      const yCost = codeCost(y);
      const substitute = x === y ? 0 : xCost === 0.5 && yCost === 0.5 ? 0.5 : 1;
      let v = Math.min(d[prev + j]! + xCost, d[cur + j - 1]! + yCost, d[prev + j - 1]! + substitute);
      if (i > 1 && j > 1 && x === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === y) v = Math.min(v, d[prev2 + j - 2]! + 1);
      d[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return rowMin;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return d[prev + cols - 1]!;
}

let scratch = new Float64Array(96);

/** ا و ي cost half to insert, drop or swap for one another. */
function codeCost(code: number): number {
  return code === 0x0627 || code === 0x0648 || code === 0x064a ? 0.5 : 1;
}

/** Similarity of two loose forms: 1 − distance / longer length. */
export function variantSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : Math.max(0, 1 - variantDistance(a, b) / longer);
}

/** Letters Arabic adds or drops when it inflects a word: long vowels, hamza seats, the feminine ending. */
const WEAK_LETTERS = /[اويىءئؤة]/g;
/** Affix letters one form of a word may carry beyond another (ال is already gone: terms are stemmed). */
const MAX_AFFIX_LETTERS = 2;

/**
 * Whether two spellings are forms of one word: the consonants of one, in order, within the other's,
 * with at most a prefix's or suffix's worth more (مشكل / مشاكل, سجل / مسجل, دفاع / لدفاع). Spelling
 * similarity alone also pairs different words one letter apart (قادر / نادر, تقسيم / تقييم, مشكل / بشكل).
 */
export function sameRadicals(a: string, b: string): boolean {
  const [short, long] = [a.replace(WEAK_LETTERS, ''), b.replace(WEAK_LETTERS, '')].sort((x, y) => x.length - y.length) as [string, string];
  if (long.length - short.length > MAX_AFFIX_LETTERS) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}
