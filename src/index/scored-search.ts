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

/** Sorted keys with values beside them: what a search found, held for the rows and groups it touched only. */
class SparseValues {
  constructor(
    readonly keys: Uint32Array,
    readonly idf: Float32Array,
    readonly mask: Uint32Array,
    readonly score: Float32Array | null,
  ) {}

  /** Position of `key` in `keys`, −1 when absent (binary search: a search touches thousands of rows, features read a few hundred). */
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

/**
 * The top hits of a BM25 search plus what context features need about any row or group (document):
 * its score, matched IDF and the bits of the query terms it holds. Only the rows and groups a query
 * term occurs in are kept (every other row scores 0 and holds no term), so a question costs what its
 * postings cost, not the size of the collection.
 */
export class ScoredSearch implements QueryMass {
  readonly terms: string[];
  readonly termIdf: number[];
  readonly groupTerms: string[][];
  readonly idfMass: number;
  readonly knownMass: number;

  constructor(
    readonly hits: LexicalHit[],
    mass: QueryMass,
    private readonly rows: SparseValues,
    private readonly groups: SparseValues,
    /** The highest IDF any group (document) contains: 0 without groups. */
    readonly bestGroupIdf: number,
  ) {
    ({ terms: this.terms, termIdf: this.termIdf, groupTerms: this.groupTerms, idfMass: this.idfMass, knownMass: this.knownMass } = mass);
  }

  static empty(mass: QueryMass): ScoredSearch {
    const none = new SparseValues(new Uint32Array(0), new Float32Array(0), new Uint32Array(0), new Float32Array(0));
    return new ScoredSearch([], mass, none, none, 0);
  }

  /** BM25 score of a row (0 when no query term occurs in it). */
  scoreOf(row: number): number {
    const at = this.rows.slot(row);
    return at < 0 ? 0 : this.rows.score![at]!;
  }

  /** IDF of the query terms the row contains. */
  matchedIdfOf(row: number): number {
    const at = this.rows.slot(row);
    return at < 0 ? 0 : this.rows.idf[at]!;
  }

  /** Bit k set when the row contains terms[k] (the first 32 distinct terms): context features without re-reading passages. */
  termMaskOf(row: number): number {
    const at = this.rows.slot(row);
    return at < 0 ? 0 : this.rows.mask[at]!;
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

/**
 * Per-row and per-group sums of one search, in typed arrays reused by every search of an index
 * (searches are synchronous, so one runs at a time) and returned to zero by `finish`, which reads only
 * the rows and groups a bit marks as touched. Allocating and scanning arrays the size of the
 * collection for every question was most of a search's cost at 100k passages.
 */
export class ScoreAccumulator {
  readonly score: Float32Array;
  readonly idf: Float32Array;
  readonly mask: Uint32Array;
  private readonly touched: Uint32Array;
  groupIdf = new Float32Array(0);
  groupMask = new Uint32Array(0);
  /** The query group (its index) that last counted each group: a document counts once per query word. */
  groupStamp = new Int32Array(0);
  private groupTouched = new Uint32Array(0);

  constructor(readonly rows: number) {
    this.score = new Float32Array(rows);
    this.idf = new Float32Array(rows);
    this.mask = new Uint32Array(rows);
    this.touched = new Uint32Array((rows + 31) >>> 5);
  }

  /** Makes room for `groups` groups (documents); the arrays are kept for the next search. */
  useGroups(groups: number): void {
    if (this.groupIdf.length === groups) return;
    this.groupIdf = new Float32Array(groups);
    this.groupMask = new Uint32Array(groups);
    this.groupStamp = new Int32Array(groups).fill(-1);
    this.groupTouched = new Uint32Array((groups + 31) >>> 5);
  }

  /** Row `row` holds a term of query group `k`, contributing `score` and `idf` (single-precision sums, in query order). */
  addRow(row: number, score: number, idf: number, bit: number): void {
    this.score[row]! += score;
    this.idf[row]! += idf;
    this.mask[row]! |= bit;
    this.touched[row >>> 5]! |= 1 << (row & 31);
  }

  /** Group `group` holds a term of query group `k`; only its first row in the search's order counts. */
  addGroup(group: number, k: number, idf: number, bit: number): void {
    if (this.groupStamp[group] === k) return;
    this.groupStamp[group] = k;
    this.groupIdf[group]! += idf;
    this.groupMask[group]! |= bit;
    this.groupTouched[group >>> 5]! |= 1 << (group & 31);
  }

  /**
   * The hits and sparse values of the search, leaving every array at zero. The top `topK` are what a
   * heap over every row in order keeps: the first rows as they are (a heap fills with whatever comes
   * first), then only the touched rows, in order, since an untouched row scores 0 and cannot enter.
   */
  finish(topK: number, mass: QueryMass): ScoredSearch {
    const heap = new TopK(Math.min(topK, this.rows));
    for (let row = 0; row < heap.limit; row++) heap.push(row, this.score[row]!);
    const count = countBits(this.touched);
    const rows = new SparseValues(new Uint32Array(count), new Float32Array(count), new Uint32Array(count), new Float32Array(count));
    let at = 0;
    // Set bits in increasing order (lowest first), clearing them as they are read.
    for (let w = 0; w < this.touched.length; w++) {
      let word = this.touched[w]!;
      if (word === 0) continue;
      this.touched[w] = 0;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const row = w * 32 + 31 - Math.clz32(low);
        const score = this.score[row]!;
        if (row >= heap.limit) heap.push(row, score);
        rows.keys[at] = row;
        rows.score![at] = score;
        rows.idf[at] = this.idf[row]!;
        rows.mask[at++] = this.mask[row]!;
        this.score[row] = 0;
        this.idf[row] = 0;
        this.mask[row] = 0;
      }
    }
    const groupCount = countBits(this.groupTouched);
    const groups = new SparseValues(new Uint32Array(groupCount), new Float32Array(groupCount), new Uint32Array(groupCount), null);
    let best = 0;
    at = 0;
    for (let w = 0; w < this.groupTouched.length; w++) {
      let word = this.groupTouched[w]!;
      if (word === 0) continue;
      this.groupTouched[w] = 0;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const group = w * 32 + 31 - Math.clz32(low);
        groups.keys[at] = group;
        groups.idf[at] = this.groupIdf[group]!;
        groups.mask[at++] = this.groupMask[group]!;
        best = Math.max(best, this.groupIdf[group]!);
        this.groupIdf[group] = 0;
        this.groupMask[group] = 0;
        this.groupStamp[group] = -1;
      }
    }
    const hits = heap
      .sorted()
      .filter((hit) => hit.score > 0)
      .map(({ index, score }) => ({ row: index, score, coverage: mass.idfMass > 0 ? Math.min(1, rows.idf[rows.slot(index)]! / mass.idfMass) : 0 }));
    return new ScoredSearch(hits, mass, rows, groups, best);
  }
}
