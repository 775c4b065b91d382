/**
 * Building a BM25 index passage by passage (bm25.ts holds the index it finishes into). The builder adds
 * passages by text or, for a reindex that keeps unchanged files, by the previous index's term numbers:
 * both paths meet in one `addWords`, so they cannot drift apart.
 */
import { Bm25Index, type Bm25Params } from './bm25.js';

// b chosen on xquad-dev held-out folds (Arabic + English ranking hit@1 over b ∈ {0.75, 0.5, 0.3}; see eval/JOURNAL.md, ranking changes).
const DEFAULT_PARAMS: Bm25Params = { k1: 1.2, b: 0.3 };

/** Grows a typed array by doubling, so 100k passages do not allocate millions of small arrays. */
class GrowableUint32 {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Room for `more` values past `length`: a caller writing many at once writes into `data` directly. */
  reserve(more: number): Uint32Array {
    if (this.length + more > this.data.length) {
      const bigger = new Uint32Array(Math.max(this.length + more, this.data.length * 2));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    return this.data;
  }
}

/**
 * Builds a Bm25Index one passage at a time, interning terms and keeping only (term, tf) pairs in
 * typed arrays: term lists of a 100k-passage collection never need to be held all at once. Each
 * passage's words (its terms in order, as term numbers) are kept too, for ranking (`words()`).
 * A passage analyzed for another index (an unchanged file on reindex) is added by that index's term
 * numbers (`addNumbered`): the result is the same index, byte for byte, as analyzing its text again.
 */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly pairs = new GrowableUint32(); // termId, tf, termId, tf, … in passage order
  private readonly pairsPerDocument = new GrowableUint32();
  private readonly lengths = new GrowableUint32();
  /** Every passage's term numbers, in order, one after the other (`lengths` says where each ends). */
  private readonly wordIds = new GrowableUint32();
  private total = 0;
  /** Per term number, its count in the passage being added (all zero between passages). */
  private tfOf = new Uint32Array(1024);
  private readonly distinct: number[] = [];

  constructor(private readonly params: Bm25Params = DEFAULT_PARAMS) {}

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** Adds a passage's terms (as `analyze` gives them). */
  add(terms: readonly string[]): void {
    const start = this.wordIds.length;
    for (const term of terms) this.wordIds.push(this.intern(term));
    this.addWords(start);
  }

  /**
   * Adds a passage given as another index's term numbers, `words[from … to]`, numbered in
   * `vocabulary`; `renumber` maps that index's term numbers to this builder's (−1 until met; one
   * array per other index, filled as it goes).
   */
  addNumbered(words: Int32Array, from: number, to: number, vocabulary: readonly string[], renumber: Int32Array): void {
    const start = this.wordIds.length;
    // Written straight into the array (a reindex that keeps 1M passages renumbers ~46M words here).
    const ids = this.wordIds.reserve(to - from);
    let at = start;
    for (let i = from; i < to; i++) {
      const old = words[i]!;
      let id = renumber[old]!;
      if (id < 0) renumber[old] = id = this.intern(vocabulary[old]!);
      ids[at++] = id;
    }
    this.wordIds.length = at;
    this.addWords(start);
  }

  /** Records the passage whose words start at `start`: its (term, tf) pairs in the order terms first occur, its length. */
  private addWords(start: number): void {
    if (this.tfOf.length < this.terms.length) {
      const bigger = new Uint32Array(Math.max(this.terms.length, this.tfOf.length * 2));
      bigger.set(this.tfOf);
      this.tfOf = bigger;
    }
    const { tfOf, distinct } = this;
    const ids = this.wordIds.data;
    const end = this.wordIds.length;
    for (let i = start; i < end; i++) {
      const id = ids[i]!;
      if (tfOf[id] === 0) distinct.push(id);
      tfOf[id]!++;
    }
    const pairs = this.pairs.reserve(2 * distinct.length);
    let at = this.pairs.length;
    for (const id of distinct) {
      pairs[at++] = id;
      pairs[at++] = Math.min(tfOf[id]!, 0xffff);
      tfOf[id] = 0;
    }
    this.pairs.length = at;
    this.pairsPerDocument.push(distinct.length);
    distinct.length = 0;
    this.lengths.push(end - start);
    this.total += end - start;
  }

  /** Every passage's terms in order, as the finished index's term numbers (a snapshot's `PassageWordIds`, for ranking). */
  words(): { offsets: Uint32Array; ids: Int32Array } {
    const documents = this.lengths.length;
    const offsets = new Uint32Array(documents + 1);
    for (let row = 0; row < documents; row++) offsets[row + 1] = offsets[row]! + this.lengths.data[row]!;
    return { offsets, ids: new Int32Array(this.wordIds.data.buffer, 0, this.wordIds.length).slice() };
  }

  finish(): Bm25Index {
    const documents = this.lengths.length;
    const termCount = this.terms.length;
    const pairs = this.pairs.data;
    const offsets = new Uint32Array(termCount + 1);
    for (let p = 0; p < this.pairs.length; p += 2) offsets[pairs[p]! + 1]!++;
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const postings = this.pairs.length / 2;
    const rows = new Uint32Array(postings);
    const tfs = new Uint16Array(postings);
    const cursor = offsets.slice(0, termCount);
    let p = 0;
    for (let row = 0; row < documents; row++) {
      for (let k = 0; k < this.pairsPerDocument.data[row]!; k++, p += 2) {
        const at = cursor[pairs[p]!]!++;
        rows[at] = row;
        tfs[at] = pairs[p + 1]!;
      }
    }
    const lengths = this.lengths.data.slice(0, documents);
    return Bm25Index.fromArrays(this.terms, lengths, offsets, rows, tfs, documents ? this.total / documents : 0, this.params);
  }
}
