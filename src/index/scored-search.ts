import { TopK } from './top-k.js';

export interface LexicalHit {
  /** Row of the passage in the index (same order as the passages it was built from). */
  row: number;
  score: number;
  /** Share of the query's IDF mass found in this passage (0..1): the evidence the abstention rule reads. */
  coverage: number;
}

/** What a search says about the query as a whole. */
export interface QueryMass {
  /** One label per distinct query word (group), the coverage mass of each (unknown terms get the highest IDF), and every term a group may match. */
  terms: string[];
  termIdf: number[];
  groupTerms: string[][];
  idfMass: number;
  /** Mass of the query words the collection contains at all. */
  knownMass: number;
}

/**
 * What a search says about rows: for each of `rows` (increasing, distinct), written at `at` onwards,
 * its BM25 score (0 when no query term occurs in it), the IDF of the query terms it contains, and bit k
 * set when it contains terms[k] (the first 32 distinct terms). Read from the postings in one walk of
 * each term's list.
 */
export type EvidenceReader = (rows: Uint32Array, into: RowEvidence, at: number) => void;

/** Per-row evidence in parallel typed arrays: no object per row (a question reads a few hundred). */
export interface RowEvidence {
  score: Float32Array;
  matchedIdf: Float32Array;
  termMask: Uint32Array;
}

/** The groups (documents) a search touched, sorted, with what each holds. */
class GroupValues {
  constructor(
    readonly keys: Uint32Array,
    readonly idf: Float32Array,
    readonly mask: Uint32Array,
  ) {}

  /** Position of `key` in `keys`, −1 when absent. */
  slot(key: number): number {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = this.keys[mid]!;
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

const NO_GROUPS = new GroupValues(new Uint32Array(0), new Float32Array(0), new Uint32Array(0));

/**
 * The top hits of a BM25 search plus what context features need about any row or group (document):
 * its score, matched IDF and the bits of the query terms it holds. A row's evidence is read from the
 * postings when asked for (features read a few hundred rows), a group's was summed by the search for
 * the groups it touched: a question costs what its postings cost, not the size of the collection.
 */
export class ScoredSearch implements QueryMass {
  readonly terms: string[];
  readonly termIdf: number[];
  readonly groupTerms: string[][];
  readonly idfMass: number;
  readonly knownMass: number;
  /** The best rows, best first, with a score above 0. */
  readonly hits: LexicalHit[];
  /** The rows read so far, increasing, and where each one's evidence sits in `read` (typed arrays, not a Map: no entry per row to allocate). */
  private readRows = new Uint32Array(0);
  private readSlots = new Uint32Array(0);
  private readonly read: RowEvidence = { score: new Float32Array(0), matchedIdf: new Float32Array(0), termMask: new Uint32Array(0) };

  constructor(
    ranked: ReadonlyArray<{ index: number; score: number }>,
    mass: QueryMass,
    private readonly evidence: EvidenceReader,
    private readonly groups: GroupValues,
    /** The highest IDF any group (document) contains: 0 without groups. */
    readonly bestGroupIdf: number,
  ) {
    ({ terms: this.terms, termIdf: this.termIdf, groupTerms: this.groupTerms, idfMass: this.idfMass, knownMass: this.knownMass } = mass);
    const hits = ranked.filter((hit) => hit.score > 0);
    this.prefetch(hits.map((hit) => hit.index));
    this.hits = hits.map(({ index, score }) => ({ row: index, score, coverage: mass.idfMass > 0 ? Math.min(1, this.matchedIdfOf(index) / mass.idfMass) : 0 }));
  }

  static empty(mass: QueryMass): ScoredSearch {
    return new ScoredSearch([], mass, () => {}, NO_GROUPS, 0);
  }

  /**
   * Reads the evidence of rows about to be asked for, all in one walk of the postings (negative rows
   * are ignored): a few hundred rows cost a merge, not a binary search per row and term.
   */
  prefetch(rows: ArrayLike<number>): void {
    const wanted = new Uint32Array(rows.length);
    let count = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row >= 0 && this.slotOf(row) < 0) wanted[count++] = row;
    }
    if (count === 0) return;
    wanted.subarray(0, count).sort();
    let distinct = 0;
    for (let i = 0; i < count; i++) if (i === 0 || wanted[i] !== wanted[i - 1]) wanted[distinct++] = wanted[i]!;
    const fresh = wanted.subarray(0, distinct);
    const base = this.readRows.length;
    this.grow(base + distinct);
    this.evidence(fresh, this.read, base);
    // Merge the new rows into the sorted list of rows read.
    const rowsOut = new Uint32Array(base + distinct);
    const slotsOut = new Uint32Array(base + distinct);
    for (let i = 0, j = 0, o = 0; o < rowsOut.length; o++) {
      if (j >= distinct || (i < base && this.readRows[i]! < fresh[j]!)) (rowsOut[o] = this.readRows[i]!), (slotsOut[o] = this.readSlots[i++]!);
      else (rowsOut[o] = fresh[j]!), (slotsOut[o] = base + j++);
    }
    this.readRows = rowsOut;
    this.readSlots = slotsOut;
  }

  private grow(size: number): void {
    const { read } = this;
    const score = new Float32Array(size);
    const matchedIdf = new Float32Array(size);
    const termMask = new Uint32Array(size);
    score.set(read.score);
    matchedIdf.set(read.matchedIdf);
    termMask.set(read.termMask);
    Object.assign(read, { score, matchedIdf, termMask });
  }

  /** Where the row's evidence sits in `read`, −1 when not read yet. */
  private slotOf(row: number): number {
    const rows = this.readRows;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = rows[mid]!;
      if (r === row) return this.readSlots[mid]!;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The row's slot in the evidence read (read now when it was not yet). */
  private slot(row: number): number {
    let at = this.slotOf(row);
    if (at < 0) {
      this.prefetch([row]);
      at = this.slotOf(row);
    }
    return at;
  }

  /** BM25 score of a row (0 when no query term occurs in it). */
  scoreOf(row: number): number {
    const at = this.slot(row); // first: reading a row may replace the arrays
    return this.read.score[at]!;
  }

  /** IDF of the query terms the row contains. */
  matchedIdfOf(row: number): number {
    const at = this.slot(row); // first: reading a row may replace the arrays
    return this.read.matchedIdf[at]!;
  }

  /** Bit k set when the row contains terms[k] (the first 32 distinct terms): context features without re-reading passages. */
  termMaskOf(row: number): number {
    const at = this.slot(row); // first: reading a row may replace the arrays
    return this.read.termMask[at]!;
  }

  /** IDF of the query terms the group (document) contains anywhere; 0 when searched without groups. */
  groupIdfOf(group: number): number {
    const at = this.groups.slot(group);
    return at < 0 ? 0 : this.groups.idf[at]!;
  }

  /** Bit k set when the group (document) contains terms[k] anywhere; 0 when searched without groups. */
  groupMaskOf(group: number): number {
    const at = this.groups.slot(group);
    return at < 0 ? 0 : this.groups.mask[at]!;
  }
}

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

  /**
   * The hits and group sums of the search, leaving every array at zero. The top `topK` are what a
   * heap over every row in order keeps: the first rows as they are (a heap fills with whatever comes
   * first), then only the touched rows, in order, since an untouched row scores 0 and cannot enter.
   */
  finish(topK: number, mass: QueryMass, evidence: EvidenceReader): ScoredSearch {
    const heap = new TopK(Math.min(topK, this.rows));
    for (let row = 0; row < heap.limit; row++) heap.push(row, this.score[row]!);
    // The touched rows in order, read and cleared word by word, and `admits` before a push: a call
    // not inlined boxes the score it is passed (tens of kilobytes per search).
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
    return this.finishGroups(heap.sorted(), mass, evidence);
  }

  /** The search with hits ranked elsewhere (the pruned pass, which adds no rows here) and the group sums, leaving them at zero. */
  finishGroups(ranked: ReadonlyArray<{ index: number; score: number }>, mass: QueryMass, evidence: EvidenceReader): ScoredSearch {
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
    return new ScoredSearch(ranked, mass, evidence, groups, best);
  }
}
