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

/**
 * How a search's top-k heap filled (a heap fed rows 0…limit−1, then every row holding a query word, in
 * row order): the rows whose push changed it, increasing, and its worst kept score just after each, with
 * the query's words as scored. A later search of the same words, some of them searched by other
 * spellings too, starts from this (rescored-search.ts): a row it did not admit scored at most the floor.
 */
export interface HeapTrace {
  /** The postings searched (a trace says nothing about another index). */
  source: object;
  limit: number;
  rows: Uint32Array;
  floor: Float32Array;
  /** Per query word (group), in query order: its one term as scored (id −1 when absent), or null for a group of alternatives. */
  words: ReadonlyArray<{ id: number; idf: number } | null>;
}

/**
 * A search's trace with its heap's record, built in this one place, in one field order: the search that
 * reads it back (summed-rescore.ts) then meets one object shape, not one per spread site (each a cause
 * of its optimized code being thrown away and compiled again while a bot serves).
 */
export function heapTrace(search: Omit<HeapTrace, 'rows' | 'floor'>, heap: { rows: Uint32Array; floor: Float32Array }): HeapTrace {
  return { source: search.source, limit: search.limit, rows: heap.rows, floor: heap.floor, words: search.words };
}

/** The groups (documents) a search touched, sorted, with what each holds (filled by ScoreAccumulator). */
export class GroupValues {
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

export const NO_GROUPS = new GroupValues(new Uint32Array(0), new Float32Array(0), new Uint32Array(0));

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
    /** How its heap filled, for a search of the same words spelled other ways (null when not recorded). */
    readonly trace: HeapTrace | null = null,
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
