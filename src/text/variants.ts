/**
 * Spelling variants of a word among a collection's own terms: the same name transliterated twice
 * (نزارباييف / نزاربايف, لافرينتييف / لافرنتييف, ستافان / ستيفان), doubled or dropped long vowels,
 * ق/ك, ط/ت, ص/س, ذ/ز… Works on analyzed terms (normalized and stemmed, so ي/ى, ة/ه and hamza
 * forms already compare equal). Built once per vocabulary; a lookup does bounded work, so it stays
 * fast at a few hundred thousand terms.
 */

export interface VariantMatch {
  term: string;
  /** 0..1; 1 means the same word once vowels and letter classes are folded. */
  similarity: number;
}

/** Letters transliterations swap for one another, folded to one representative. */
const LETTER_CLASS: Record<string, string> = {
  'ق': 'ك', 'ط': 'ت', 'ص': 'س', 'ث': 'س', 'ض': 'د', 'ظ': 'ز', 'ذ': 'ز', 'غ': 'ج', 'ء': '',
};
const VOWELS = new Set(['ا', 'و', 'ي']);

/** Letter classes folded and runs of one letter collapsed (ييه → يه): spellings that read alike. */
export function looseForm(term: string): string {
  let out = '';
  for (const ch of term) {
    const mapped = LETTER_CLASS[ch] ?? ch;
    if (mapped !== '' && !out.endsWith(mapped)) out += mapped;
  }
  return out;
}

/** The loose form without long vowels after the first letter: what survives any vowel spelling. */
export function skeleton(loose: string): string {
  let out = '';
  for (const ch of loose) if (out === '' || !VOWELS.has(ch)) out += ch;
  return out;
}

/**
 * Optimal-string-alignment distance where inserting, dropping or swapping a long vowel costs half:
 * لافرنتيف → لافرينتيف is 0.5, not 1. Stops early once above `limit`.
 */
export function variantDistance(a: string, b: string, limit = Infinity): number {
  const cost = (ch: string) => (VOWELS.has(ch) ? 0.5 : 1);
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Float64Array(cols);
  let prev = new Float64Array(cols);
  let cur = new Float64Array(cols);
  for (let j = 1; j < cols; j++) prev[j] = prev[j - 1]! + cost(b[j - 1]!);
  for (let i = 1; i < rows; i++) {
    cur[0] = prev[0]! + cost(a[i - 1]!);
    let rowMin = cur[0]!;
    for (let j = 1; j < cols; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const substitute = x === y ? 0 : VOWELS.has(x) && VOWELS.has(y) ? 0.5 : 1;
      let d = Math.min(prev[j]! + cost(x), cur[j - 1]! + cost(y), prev[j - 1]! + substitute);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return rowMin;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[cols - 1]!;
}

/** Similarity of two loose forms: 1 − distance / longer length. */
export function variantSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : Math.max(0, 1 - variantDistance(a, b) / longer);
}

/** Shorter words change meaning with one letter (وفد / وعد); only words this long get variants. */
export const MIN_VARIANT_LENGTH = 4;
export const DEFAULT_MIN_SIMILARITY = 0.8;
/** Trigrams shared by more terms than this say little about which term is meant and cost the most to scan. */
const MAX_TRIGRAM_TERMS = 2000;
/** How many trigram candidates get the exact (slower) distance. */
const MAX_CANDIDATES = 64;

function trigrams(loose: string): string[] {
  const padded = `^${loose}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

function isWord(term: string): boolean {
  return /^\p{L}+$/u.test(term);
}

export class VariantMatcher {
  private readonly terms: string[] = [];
  private readonly loose: string[] = [];
  private readonly bySkeleton = new Map<string, number[]>();
  private readonly byTrigram = new Map<string, Uint32Array>();
  private readonly gramCounts: Uint8Array;
  /** Scratch counters reused across lookups (lookups are synchronous, so never shared mid-call). */
  private readonly shared: Uint8Array;

  constructor(vocabulary: Iterable<string>) {
    const postings = new Map<string, number[]>();
    const counts: number[] = [];
    for (const term of vocabulary) {
      if (term.length < MIN_VARIANT_LENGTH || !isWord(term)) continue;
      const id = this.terms.length;
      const loose = looseForm(term);
      this.terms.push(term);
      this.loose.push(loose);
      const key = skeleton(loose);
      if (key.length >= 3) {
        const list = this.bySkeleton.get(key);
        if (list) list.push(id);
        else this.bySkeleton.set(key, [id]);
      }
      const grams = trigrams(loose);
      counts.push(Math.min(255, grams.length));
      for (const gram of grams) {
        const list = postings.get(gram);
        if (list) list.push(id);
        else postings.set(gram, [id]);
      }
    }
    for (const [gram, ids] of postings) if (ids.length <= MAX_TRIGRAM_TERMS) this.byTrigram.set(gram, Uint32Array.from(ids));
    this.gramCounts = Uint8Array.from(counts);
    this.shared = new Uint8Array(this.terms.length);
  }

  get size(): number {
    return this.terms.length;
  }

  /** Vocabulary terms spelled like `term`, most similar first (the term itself included when known). */
  match(term: string, limit = 5, minSimilarity = DEFAULT_MIN_SIMILARITY): VariantMatch[] {
    if (term.length < MIN_VARIANT_LENGTH || !isWord(term)) return [];
    const loose = looseForm(term);
    const candidates = new Set<number>(this.bySkeleton.get(skeleton(loose)) ?? []);
    for (const id of this.trigramCandidates(loose)) candidates.add(id);
    const matches: VariantMatch[] = [];
    const maxDistance = (1 - minSimilarity) * loose.length + 1;
    for (const id of candidates) {
      const other = this.loose[id]!;
      const longer = Math.max(other.length, loose.length);
      const similarity = 1 - variantDistance(loose, other, maxDistance) / longer;
      if (similarity >= minSimilarity) matches.push({ term: this.terms[id]!, similarity });
    }
    matches.sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return matches.slice(0, limit);
  }

  /** Terms sharing the most trigrams with `loose` (Dice ≥ 0.4), at most MAX_CANDIDATES of them. */
  private trigramCandidates(loose: string): number[] {
    const grams = trigrams(loose);
    const touched: number[] = [];
    for (const gram of grams) {
      const ids = this.byTrigram.get(gram);
      if (!ids) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (this.shared[id] === 0) touched.push(id);
        if (this.shared[id]! < 255) this.shared[id]!++;
      }
    }
    const scored: Array<[number, number]> = [];
    for (const id of touched) {
      const dice = (2 * this.shared[id]!) / (grams.length + this.gramCounts[id]!);
      this.shared[id] = 0;
      if (dice >= 0.4) scored.push([id, dice]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return scored.slice(0, MAX_CANDIDATES).map(([id]) => id);
  }
}
