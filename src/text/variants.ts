/**
 * Spelling variants of a word among a collection's own terms: the same name transliterated twice
 * (نزارباييف / نزاربايف, لافرينتييف / لافرنتييف, ستافان / ستيفان), doubled or dropped long vowels,
 * ق/ك, ط/ت, ص/س, ذ/ز… Works on analyzed terms (normalized and stemmed, so ي/ى, ة/ه and hamza
 * forms already compare equal). Built once per vocabulary; a lookup does bounded work, so it stays
 * fast at a few hundred thousand terms.
 */

import { looseForm, skeleton, variantDistance } from './spelling-distance.js';

export interface VariantMatch {
  term: string;
  /** 0..1; 1 means the same word once vowels and letter classes are folded. */
  similarity: number;
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
