/**
 * What the pruned pass (pruned-search.ts) knows of each term before reading its postings: the upper
 * bound of its BM25 weight, its impact tiers (its postings of the highest weights), the documents it falls in, and
 * `seek` to jump along a posting list. Kept with the index, so each term's facts are computed once.
 */

/** Groups of alternatives whose document sums TermFacts keeps (a few hundred KB each at 100k passages). */
const GROUP_CACHE = 32;

/** What a group of alternatives adds to the documents' sums: each document once, with its IDF. */
export interface GroupDocuments {
  documents: Uint32Array;
  idf: Float32Array;
}

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

/**
 * Impact tiers: a term of at least this many postings also lists, for each fraction below, the
 * postings of its highest weight factors (that share of them, ties included), so the pruned pass can
 * visit only a common word's strongest postings once its weaker ones cannot lift a row into the top.
 */
export const TIER_MIN_POSTINGS = 1024;
const TIER_SHARES = [0.35, 0.12, 0.04];

/**
 * A term's tiers, widest first: tier k holds (rows increasing, with their term frequencies) every posting
 * whose factor is ≥ some cut, and below[k] is the largest factor of the postings it leaves out (0 when
 * none). Copies, not positions into the posting list: a tier is read as one short sequential run.
 */
export interface TermTiers {
  below: Float64Array;
  rows: Uint32Array[];
  tf: Uint16Array[];
}

const NO_TIERS: TermTiers = { below: new Float64Array(0), rows: [], tf: [] };

/**
 * Per-term facts the pruned pass reads, computed the first time a query uses the term and kept with
 * the index: the largest weight factor tf·(k1+1)/(tf+norm) of its postings (its weight's upper bound is
 * its IDF times that), its impact tiers, and the documents its postings fall in.
 */
export class TermFacts {
  private readonly factor: Float64Array;
  /** Term number → its tiers (terms some query used, or prepared). */
  private readonly tierLists = new Map<number, TermTiers>();
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
    const known = this.factor[id]!;
    if (!Number.isNaN(known)) return known;
    const { offsets, postingRows, postingTf } = this.index;
    let best = 0;
    for (let p = offsets[id]!; p < offsets[id + 1]!; p++) {
      const f = termWeight(this.k1, 1, postingTf[p]!, this.norms[postingRows[p]!]!);
      if (f > best) best = f;
    }
    return (this.factor[id] = best);
  }

  /** Term `id`'s impact tiers (none below TIER_MIN_POSTINGS postings). */
  tiers(id: number): TermTiers {
    let found = this.tierLists.get(id);
    if (found) return found;
    const { offsets, postingRows, postingTf } = this.index;
    const start = offsets[id]!;
    const count = offsets[id + 1]! - start;
    found = NO_TIERS;
    if (count >= TIER_MIN_POSTINGS) {
      // Both in one reused buffer: fresh arrays per term were ~16 bytes per posting of every common
      // term (~57 MB at 100k passages) of garbage outside the JavaScript heap while the index prepares.
      const work = this.workspace(2 * count);
      const factors = work.subarray(0, count);
      for (let at = 0; at < count; at++) factors[at] = termWeight(this.k1, 1, postingTf[start + at]!, this.norms[postingRows[start + at]!]!);
      const sorted = work.subarray(count, 2 * count);
      sorted.set(factors);
      sorted.sort().reverse();
      this.factor[id] = sorted[0]!; // the largest factor: maxFactor need not read the postings again
      const below: number[] = [];
      const rows: Uint32Array[] = [];
      const tf: Uint16Array[] = [];
      for (const share of TIER_SHARES) {
        const cut = sorted[Math.ceil(share * count)]!;
        let size = Math.ceil(share * count);
        while (size < count && sorted[size] === cut) size++; // ties of the cut join the tier
        // A tier no smaller than the one before it saves nothing.
        if (size >= (rows.at(-1)?.length ?? count)) continue;
        const tierRows = new Uint32Array(size);
        const tierTf = new Uint16Array(size);
        for (let at = 0, k = 0; at < count; at++) {
          if (factors[at]! < cut) continue;
          tierRows[k] = postingRows[start + at]!;
          tierTf[k++] = postingTf[start + at]!;
        }
        below.push(size < count ? sorted[size]! : 0);
        rows.push(tierRows);
        tf.push(tierTf);
      }
      found = { below: Float64Array.from(below), rows, tf };
    }
    this.tierLists.set(id, found);
    return found;
  }

  /** The documents (by `groupOf`) that hold term `id`, each once, increasing: rows of a document are consecutive. */
  documentsOf(id: number, groupOf: Int32Array): Uint32Array {
    let lists = this.documents.get(groupOf);
    if (!lists) this.documents.set(groupOf, (lists = new Map()));
    let list = lists.get(id);
    if (list) return list;
    const { offsets, postingRows } = this.index;
    let count = 0;
    let last = -1;
    for (let p = offsets[id]!; p < offsets[id + 1]!; p++) {
      const doc = groupOf[postingRows[p]!]!;
      if (doc !== last) count++;
      last = doc;
    }
    list = new Uint32Array(count);
    last = -1;
    for (let p = offsets[id]!, k = 0; p < offsets[id + 1]!; p++) {
      const doc = groupOf[postingRows[p]!]!;
      if (doc !== last) list[k++] = last = doc;
    }
    lists.set(id, list);
    return list;
  }

  /** Per row→document map: a group of alternatives' key → what it adds to the documents' sums (the most recent GROUP_CACHE groups). */
  private readonly groupLists = new WeakMap<Int32Array, Map<string, GroupDocuments>>();

  /**
   * What a group of alternatives adds to each document's sums, computed by `compute` the first time and kept:
   * the walk reads every posting of the group's terms, which the pruned pass otherwise skips. Keyed by the
   * group's term numbers and IDF shares, so a question's typed slips do not grow it past GROUP_CACHE groups.
   */
  groupDocuments(key: string, groupOf: Int32Array, compute: () => GroupDocuments): GroupDocuments {
    let lists = this.groupLists.get(groupOf);
    if (!lists) this.groupLists.set(groupOf, (lists = new Map()));
    let found = lists.get(key);
    if (found) return found;
    found = compute();
    if (lists.size >= GROUP_CACHE) lists.delete(lists.keys().next().value!);
    lists.set(key, found);
    return found;
  }

  private work = new Float64Array(0);

  /** Lets the scratch go once every common term is prepared (at 1M passages it holds ~1M doubles per side). */
  releaseWorkspace(): void {
    this.work = new Float64Array(0);
  }

  /** Scratch of at least `size` doubles, kept across terms (computing a term's facts is synchronous). */
  private workspace(size: number): Float64Array {
    if (this.work.length < size) this.work = new Float64Array(Math.max(size, 2 * this.work.length));
    return this.work;
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
