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

/** What a search says about one row. */
export interface RowEvidence {
  /** BM25 score (0 when no query term occurs in the row). */
  score: number;
  /** IDF of the query terms the row contains. */
  matchedIdf: number;
  /** Bit k set when the row contains terms[k] (the first 32 distinct terms). */
  termMask: number;
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
const NOTHING: RowEvidence = { score: 0, matchedIdf: 0, termMask: 0 };

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
  private readonly rows = new Map<number, RowEvidence>();

  constructor(
    ranked: ReadonlyArray<{ index: number; score: number }>,
    mass: QueryMass,
    private readonly evidence: (row: number) => RowEvidence,
    private readonly groups: GroupValues,
    /** The highest IDF any group (document) contains: 0 without groups. */
    readonly bestGroupIdf: number,
  ) {
    ({ terms: this.terms, termIdf: this.termIdf, groupTerms: this.groupTerms, idfMass: this.idfMass, knownMass: this.knownMass } = mass);
    this.hits = ranked
      .filter((hit) => hit.score > 0)
      .map(({ index, score }) => ({ row: index, score, coverage: mass.idfMass > 0 ? Math.min(1, this.matchedIdfOf(index) / mass.idfMass) : 0 }));
  }

  static empty(mass: QueryMass): ScoredSearch {
    return new ScoredSearch([], mass, () => NOTHING, NO_GROUPS, 0);
  }

  /** Score, matched IDF and term bits of a row (computed once per row and kept). */
  row(row: number): RowEvidence {
    let found = this.rows.get(row);
    if (!found) this.rows.set(row, (found = this.evidence(row)));
    return found;
  }

  /** BM25 score of a row (0 when no query term occurs in it). */
  scoreOf(row: number): number {
    return this.row(row).score;
  }

  /** IDF of the query terms the row contains. */
  matchedIdfOf(row: number): number {
    return this.row(row).matchedIdf;
  }

  /** Bit k set when the row contains terms[k] (the first 32 distinct terms): context features without re-reading passages. */
  termMaskOf(row: number): number {
    return this.row(row).termMask;
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
  finish(topK: number, mass: QueryMass, evidence: (row: number) => RowEvidence): ScoredSearch {
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
  finishGroups(ranked: ReadonlyArray<{ index: number; score: number }>, mass: QueryMass, evidence: (row: number) => RowEvidence): ScoredSearch {
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
