/**
 * What the pruned pass (pruned-search.ts) knows of each term before reading its postings: the upper
 * bound of its BM25 weight, the same per block of postings (block-max), the documents it falls in, and
 * `seek` to jump along a posting list. Kept with the index, so each term's facts are computed once.
 */

/** What the pruned pass needs of an index: its postings and how many rows it has. */
export interface PostingLists {
  readonly documentLengths: Uint32Array;
  readonly offsets: Uint32Array;
  readonly postingRows: Uint32Array;
  readonly postingTf: Uint16Array;
  readonly params: { k1: number };
}

/**
 * The BM25 weight of one posting, shared with the exhaustive pass (bm25-search.ts) so both compute the
 * same double for the same posting.
 */
export function termWeight(k1: number, idf: number, tf: number, norm: number): number {
  return (idf * tf * (k1 + 1)) / (tf + norm);
}

/** Postings per block: each block of a term's postings keeps its largest weight factor (block-max pruning). */
export const BLOCK = 64;
export const BLOCK_SHIFT = 6;

/**
 * A block's factor is stored a hair above the largest it holds, so IDF × factor bounds every weight of
 * the block whatever the rounding of either product.
 */
const BLOCK_ROUNDING = 1 + 1e-9;

/**
 * Per-term facts the pruned pass reads, computed the first time a query uses the term and kept with
 * the index: the largest weight factor tf·(k1+1)/(tf+norm) of its postings (its weight's upper bound is
 * its IDF times that), the same per block of BLOCK postings, and the documents its postings fall in.
 */
export class TermFacts {
  private readonly factor: Float64Array;
  /** Term number → the largest factor of each block of its postings (terms some query used). */
  private readonly blocks = new Map<number, Float64Array>();
  /** Per row→document map (one per snapshot): term number → the documents holding it, increasing. */
  private readonly documents = new WeakMap<Int32Array, Map<number, Uint32Array>>();
  private readonly k1: number;

  constructor(
    private readonly index: PostingLists,
    private readonly norms: Float64Array,
  ) {
    this.k1 = index.params.k1;
    this.factor = new Float64Array(index.offsets.length - 1).fill(NaN);
  }

  maxFactor(id: number): number {
    const best = this.factor[id]!;
    if (!Number.isNaN(best)) return best;
    this.blockFactors(id);
    return this.factor[id]!;
  }

  /** The largest factor of each block of term `id`'s postings (block j: postings offsets[id] + j·BLOCK onwards). */
  blockFactors(id: number): Float64Array {
    let found = this.blocks.get(id);
    if (found) return found;
    const { offsets, postingRows, postingTf } = this.index;
    const start = offsets[id]!;
    const end = offsets[id + 1]!;
    found = new Float64Array((end - start + BLOCK - 1) >>> BLOCK_SHIFT);
    let best = 0;
    for (let b = 0; b < found.length; b++) {
      let block = 0;
      for (let p = start + b * BLOCK; p < Math.min(end, start + (b + 1) * BLOCK); p++) {
        const f = termWeight(this.k1, 1, postingTf[p]!, this.norms[postingRows[p]!]!);
        if (f > block) block = f;
      }
      found[b] = block * BLOCK_ROUNDING;
      if (block > best) best = block;
    }
    this.factor[id] = best;
    this.blocks.set(id, found);
    return found;
  }

  /** The documents (by `groupOf`) that hold term `id`, each once, increasing: rows of a document are consecutive. */
  documentsOf(id: number, groupOf: Int32Array): Uint32Array {
    let lists = this.documents.get(groupOf);
    if (!lists) this.documents.set(groupOf, (lists = new Map()));
    let list = lists.get(id);
    if (list) return list;
    const { offsets, postingRows } = this.index;
    const found: number[] = [];
    let last = -1;
    for (let p = offsets[id]!; p < offsets[id + 1]!; p++) {
      const doc = groupOf[postingRows[p]!]!;
      if (doc !== last) found.push((last = doc));
    }
    lists.set(id, (list = Uint32Array.from(found)));
    return list;
  }
}

/** First position in rows[from, end) holding a row ≥ `row` (galloping, then binary search). */
export function seek(rows: Uint32Array, from: number, end: number, row: number): number {
  if (from >= end || rows[from]! >= row) return from;
  let lo = from;
  let step = 1;
  while (lo + step < end && rows[lo + step]! < row) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(end, lo + step);
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
