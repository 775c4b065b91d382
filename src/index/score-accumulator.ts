import { GroupValues, heapTrace, NO_GROUPS, ScoredSearch, type EvidenceReader, type HeapTrace, type QueryMass } from './scored-search.js';
import { REST_BLOCK } from './summed-rest.js';
import { TopK } from './top-k.js';

function countBits(bits: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) for (let word = bits[w]!; word !== 0; word &= word - 1) n++;
  return n;
}

/** Writes each set bit's index into `into`, lowest first, clearing the bits as they are read. */
function takeSetBits(bits: Uint32Array, into: Uint32Array): void {
  let at = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    if (word === 0) continue;
    bits[w] = 0;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      into[at++] = w * 32 + 31 - Math.clz32(low);
    }
  }
}

/**
 * Per-row scores and per-group sums of one search, in typed arrays reused by every search of an
 * index (searches are synchronous, so one runs at a time) and returned to zero by `finish`, which
 * reads only the rows and groups a bit marks as touched. Allocating and scanning arrays the size of
 * the collection for every question was most of a search's cost at 100k passages.
 */
export class ScoreAccumulator {
  private readonly score: Float32Array;
  private readonly touched: Uint32Array;
  private groupIdf = new Float32Array(0);
  private groupMask = new Uint32Array(0);
  /** The query group (its index) that last counted each group: a document counts once per query word. */
  private groupStamp = new Int32Array(0);
  private groupTouched = new Uint32Array(0);

  private bounds: Float64Array | null = null;

  /** A bound per row of one block of summedRest (summed-rest.ts): made on first use, zero between searches. */
  restBounds(): Float64Array {
    return (this.bounds ??= new Float64Array(Math.min(this.rows, REST_BLOCK)));
  }

  constructor(readonly rows: number) {
    this.score = new Float32Array(rows);
    this.touched = new Uint32Array((rows + 31) >>> 5);
  }

  /** Makes room for `groups` groups (documents); the arrays are kept (and only grow), so searches with and without groups share them. */
  useGroups(groups: number): void {
    if (this.groupIdf.length >= groups) return;
    this.groupIdf = new Float32Array(groups);
    this.groupMask = new Uint32Array(groups);
    this.groupStamp = new Int32Array(groups).fill(-1);
    this.groupTouched = new Uint32Array((groups + 31) >>> 5);
  }

  /** Adds a query word's score to a row holding it (single-precision sums, in query order). */
  addRow(row: number, score: number): void {
    this.score[row]! += score;
    this.touched[row >>> 5]! |= 1 << (row & 31);
  }

  /** Group `group` holds a term of query word `k`; only its first row in the search's order counts. */
  addGroup(group: number, k: number, idf: number, bit: number): void {
    if (this.groupStamp[group] === k) return;
    this.groupStamp[group] = k;
    this.groupIdf[group]! += idf;
    this.groupMask[group]! |= bit;
    this.groupTouched[group >>> 5]! |= 1 << (group & 31);
  }

  /**
   * `addGroup` for each group of a list (one query word's documents): one call per word, not per
   * document, since a call not inlined boxes the IDF it is passed (~100 KB per question at 100k).
   */
  addGroups(groups: Uint32Array, k: number, idf: number, bit: number): void {
    for (let at = 0; at < groups.length; at++) this.addGroup(groups[at]!, k, idf, bit);
  }

  /** `addGroups` for a group of alternatives: each document at its own IDF. */
  addGroupsAt(groups: Uint32Array, idf: Float32Array, k: number, bit: number): void {
    for (let at = 0; at < groups.length; at++) this.addGroup(groups[at]!, k, idf[at]!, bit);
  }

  /**
   * The hits and group sums of the search, leaving every array at zero. The top `topK` are what a
   * heap over every row in order keeps: the first rows as they are (a heap fills with whatever comes
   * first), then only the touched rows, in order, since an untouched row scores 0 and cannot enter.
   */
  finish(topK: number, mass: QueryMass, evidence: EvidenceReader, trace?: Omit<HeapTrace, 'rows' | 'floor'>): ScoredSearch {
    const heap = new TopK(Math.min(topK, this.rows), trace !== undefined);
    for (let row = 0; row < heap.limit; row++) heap.push(row, this.score[row]!);
    this.pushTouched(heap);
    return this.finishGroups(heap.sorted(), mass, evidence, trace && heapTrace(trace, heap.trace()));
  }

  /**
   * Pushes the touched rows from `heap.limit` on into `heap`, in row order, leaving their sums at zero
   * (the first rows are the caller's: a heap over every row takes them as they come).
   */
  pushTouched(heap: TopK): void {
    // Read and cleared word by word, and `admits` before a push: a call not inlined boxes the score
    // it is passed (tens of kilobytes per search).
    const { score, touched } = this;
    for (let w = 0; w < touched.length; w++) {
      let word = touched[w]!;
      if (word === 0) continue;
      touched[w] = 0;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const row = w * 32 + 31 - Math.clz32(low);
        const value = score[row]!;
        if (row >= heap.limit && heap.admits(value)) heap.push(row, value);
        score[row] = 0;
      }
    }
  }

  /** The search with hits ranked elsewhere (the pruned pass, which adds no rows here) and the group sums, leaving them at zero. */
  finishGroups(ranked: ReadonlyArray<{ index: number; score: number }>, mass: QueryMass, evidence: EvidenceReader, trace?: HeapTrace): ScoredSearch {
    const count = countBits(this.groupTouched);
    const groups = count ? new GroupValues(new Uint32Array(count), new Float32Array(count), new Uint32Array(count)) : NO_GROUPS;
    // Plain loops, no callbacks: a double a callback writes to its closure is boxed on every write.
    takeSetBits(this.groupTouched, groups.keys);
    let best = 0;
    for (let at = 0; at < count; at++) {
      const group = groups.keys[at]!;
      groups.idf[at] = this.groupIdf[group]!;
      groups.mask[at] = this.groupMask[group]!;
      best = Math.max(best, this.groupIdf[group]!);
      this.groupIdf[group] = 0;
      this.groupMask[group] = 0;
      this.groupStamp[group] = -1;
    }
    return new ScoredSearch(ranked, mass, evidence, groups, best, trace ?? null);
  }
}
