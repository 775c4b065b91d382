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
function variantDistance(a: string, b: string, limit = Infinity): number {
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

/** Shorter words change meaning with one letter (وفد / وعد); only words this long get variants. */
export const MIN_VARIANT_LENGTH = 4;
export const DEFAULT_MIN_SIMILARITY = 0.8;
/** Postings scanned per lookup, rarest trigrams first: bounds the work however large the vocabulary. */
const TRIGRAM_BUDGET = 2000;
/** How many candidates (from each source) get the exact, slower distance. */
const MAX_CANDIDATES = 32;

/** Letters as small codes so a trigram is one integer (72³ slots): 1–42 Arabic, 43/44 word ends, 45–70 a–z, 71 digits, 0 anything else. */
const ALPHABET = 72;
function letterCode(code: number): number {
  if (code >= 0x0621 && code <= 0x064a) return code - 0x0621 + 1;
  if (code >= 97 && code <= 122) return code - 97 + 45;
  if (code >= 48 && code <= 57) return 71;
  return 0;
}

/**
 * Writes the distinct trigram ids of `^loose$` into `out` from `at` (first occurrences, in order), growing
 * it when needed; returns the array written to and the end. Ids go into one flat array so that making a
 * matcher over a whole vocabulary allocates no array or set per term.
 */
function writeTrigramIds(loose: string, out: Uint32Array<ArrayBuffer>, at: number): { out: Uint32Array<ArrayBuffer>; end: number } {
  if (out.length < at + loose.length + 2) {
    const grown = new Uint32Array(Math.max(2 * out.length, at + loose.length + 2));
    grown.set(out.subarray(0, at));
    out = grown;
  }
  let end = at;
  let a = 43;
  let b = loose.length > 0 ? letterCode(loose.charCodeAt(0)) : 44;
  for (let i = 1; i <= loose.length; i++) {
    const c = i < loose.length ? letterCode(loose.charCodeAt(i)) : 44;
    const id = (a * ALPHABET + b) * ALPHABET + c;
    let seen = false;
    for (let k = at; k < end && !seen; k++) seen = out[k] === id;
    if (!seen) out[end++] = id;
    a = b;
    b = c;
  }
  return { out, end };
}

let idScratch = new Uint32Array(64);

/** Distinct trigram ids of `^loose$`. */
function trigramIds(loose: string): number[] {
  const { out, end } = writeTrigramIds(loose, idScratch, 0);
  idScratch = out;
  return Array.from(out.subarray(0, end));
}

function isWord(term: string): boolean {
  return /^\p{L}+$/u.test(term);
}

export class VariantMatcher {
  private readonly terms: string[] = [];
  private readonly loose: string[] = [];
  private readonly bySkeleton = new Map<string, number | number[]>();
  /** Trigram postings in CSR form: the terms with trigram g are postings[offsets[g] .. offsets[g+1]). */
  private readonly offsets: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly gramCounts: Uint8Array;
  /** Scratch counters reused across lookups (lookups are synchronous, so never shared mid-call). */
  private readonly shared: Uint8Array;

  constructor(vocabulary: Iterable<string>) {
    // Each kept term's distinct trigrams, flat: term id's are ids[starts[id] .. starts[id + 1]).
    let ids = new Uint32Array(1 << 16);
    let starts = new Uint32Array(1 << 12);
    let used = 0;
    const offsets = new Uint32Array(ALPHABET ** 3 + 1);
    for (const term of vocabulary) {
      if (term.length < MIN_VARIANT_LENGTH || !isWord(term)) continue;
      const id = this.terms.length;
      const loose = looseForm(term);
      this.terms.push(term);
      this.loose.push(loose);
      const key = skeleton(loose);
      if (key.length >= 3) {
        const seen = this.bySkeleton.get(key);
        this.bySkeleton.set(key, seen === undefined ? id : typeof seen === 'number' ? [seen, id] : (seen.push(id), seen));
      }
      if (starts.length < id + 2) {
        const grown = new Uint32Array(2 * starts.length);
        grown.set(starts);
        starts = grown;
      }
      starts[id] = used;
      ({ out: ids, end: used } = writeTrigramIds(loose, ids, used));
      for (let k = starts[id]!; k < used; k++) offsets[ids[k]! + 1]!++;
    }
    const count = this.terms.length;
    starts[count] = used;
    for (let g = 0; g < ALPHABET ** 3; g++) offsets[g + 1]! += offsets[g]!;
    const postings = new Uint32Array(offsets[ALPHABET ** 3]!);
    const cursor = offsets.slice(0, ALPHABET ** 3);
    const gramCounts = new Uint8Array(count);
    for (let id = 0; id < count; id++) {
      for (let k = starts[id]!; k < starts[id + 1]!; k++) postings[cursor[ids[k]!]!++] = id;
      gramCounts[id] = Math.min(255, starts[id + 1]! - starts[id]!);
    }
    this.offsets = offsets;
    this.postings = postings;
    this.gramCounts = gramCounts;
    this.shared = new Uint8Array(count);
  }

  get size(): number {
    return this.terms.length;
  }

  /** Vocabulary terms spelled like `term`, most similar first (the term itself included when known). */
  match(term: string, limit = 5, minSimilarity = DEFAULT_MIN_SIMILARITY): VariantMatch[] {
    if (term.length < MIN_VARIANT_LENGTH || !isWord(term)) return [];
    const loose = looseForm(term);
    const sameSkeleton = this.bySkeleton.get(skeleton(loose)) ?? [];
    const candidates = new Set<number>();
    // A skeleton shared by many terms (short roots) is capped: the closest lengths first.
    const bucket = typeof sameSkeleton === 'number' ? [sameSkeleton] : sameSkeleton;
    const near = bucket.length <= MAX_CANDIDATES ? bucket : bucket
      .map((id) => [id, Math.abs(this.loose[id]!.length - loose.length)] as const)
      .sort((x, y) => x[1] - y[1] || x[0] - y[0])
      .slice(0, MAX_CANDIDATES)
      .map(([id]) => id);
    for (const id of near) candidates.add(id);
    for (const id of this.trigramCandidates(loose)) candidates.add(id);
    const matches: VariantMatch[] = [];
    const maxDistance = (1 - minSimilarity) * loose.length + 1;
    for (const id of candidates) {
      const other = this.loose[id]!;
      // Each extra letter costs at least half: too different in length cannot be close enough.
      if (Math.abs(other.length - loose.length) / 2 > maxDistance) continue;
      const longer = Math.max(other.length, loose.length);
      const similarity = 1 - variantDistance(loose, other, maxDistance) / longer;
      if (similarity >= minSimilarity) matches.push({ term: this.terms[id]!, similarity });
    }
    matches.sort((a, b) => b.similarity - a.similarity || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return matches.slice(0, limit);
  }

  /**
   * Terms sharing the most trigrams with `loose` (Dice ≥ 0.4), at most MAX_CANDIDATES of them. The
   * rarest trigrams are scanned first and scanning stops at TRIGRAM_BUDGET postings: common
   * trigrams say little about which term is meant, and a lookup stays cheap in any vocabulary.
   */
  private trigramCandidates(loose: string): number[] {
    const grams = trigramIds(loose).sort((a, b) => this.gramSize(a) - this.gramSize(b) || a - b);
    const touched: number[] = [];
    let budget = TRIGRAM_BUDGET;
    for (const g of grams) {
      const from = this.offsets[g]!;
      const to = this.offsets[g + 1]!;
      if (to - from > budget) break;
      budget -= to - from;
      for (let p = from; p < to; p++) {
        const id = this.postings[p]!;
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

  private gramSize(g: number): number {
    return this.offsets[g + 1]! - this.offsets[g]!;
  }
}
