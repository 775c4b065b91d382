/*
 * Longer than 250 lines on purpose: the builder and (de)serialization share one typed-array layout
 * (offsets, posting rows, term frequencies), and splitting them would spread that layout over several
 * files that must change together. The scoring pass reads it through `Postings` (bm25-search.ts).
 * The builder adds passages by text or, for a reindex that keeps unchanged files, by the previous
 * index's term numbers: both paths meet in one `addIds`, so they cannot drift apart.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import type { TermGroup } from '../types.js';
import { readIndexBytes, readIndexJson } from './index-file.js';
import { prepareTermFacts, searchPostings, type Bm25Params, type Postings, type SearchScratch } from './bm25-search.js';
import type { LexicalHit, ScoredSearch } from './scored-search.js';

const HEADER_FILE = 'lexical.json';
const BINARY_FILE = 'lexical.bin';

export { ScoredSearch, type LexicalHit } from './scored-search.js';
export type { Bm25Params } from './bm25-search.js';

/** One way to spell a question word, and how much a match on it counts (1 = the word itself). */
export interface TermAlternative {
  term: string;
  weight: number;
}

// b chosen on xquad-dev held-out folds (Arabic + English ranking hit@1 over b ∈ {0.75, 0.5, 0.3}; see eval/JOURNAL.md, ranking changes).
const DEFAULT_PARAMS: Bm25Params = { k1: 1.2, b: 0.3 };

export interface SerializedBm25 {
  header: { version: 1; documents: number; averageLength: number; terms: string[]; postings: number; params: Bm25Params };
  /** documentLengths (u32 × documents) · offsets (u32 × terms+1) · postingRows (u32 × postings) · postingTf (u16 × postings) */
  binary: Buffer;
}

/**
 * Okapi BM25 over an inverted index held in typed arrays. Hand-written rather than a library because
 * the index must load in well under a second at 100k passages (a flat binary file, no tree to rebuild)
 * and the abstention rule needs each passage's matched-IDF share, which libraries do not expose.
 */
export class Bm25Index implements Postings {
  /** Reused by every search of this index (see ScoreAccumulator). */
  private readonly scratch: SearchScratch = {};

  private constructor(
    private readonly termRow: Map<string, number>,
    readonly documentLengths: Uint32Array,
    readonly offsets: Uint32Array,
    readonly postingRows: Uint32Array,
    readonly postingTf: Uint16Array,
    readonly averageLength: number,
    readonly params: Bm25Params,
  ) {}

  get documents(): number {
    return this.documentLengths.length;
  }

  /** @internal Used by Bm25Builder. */
  static fromArrays(
    terms: string[],
    documentLengths: Uint32Array,
    offsets: Uint32Array,
    postingRows: Uint32Array,
    postingTf: Uint16Array,
    averageLength: number,
    params: Bm25Params,
  ): Bm25Index {
    const termRow = new Map<string, number>();
    terms.forEach((term, i) => termRow.set(term, i));
    return new Bm25Index(termRow, documentLengths, offsets, postingRows, postingTf, averageLength, params);
  }

  /** The term's number in this index (−1 when absent): passages held as numbers cost a fraction of their strings. */
  termId(term: string): number {
    return this.termRow.get(term) ?? -1;
  }

  /** The term numbered `id` (the inverse of termId). */
  termAt(id: number): string {
    return this.vocabulary()[id]!;
  }

  private termList?: string[];

  documentFrequency(term: string): number {
    const t = this.termRow.get(term);
    return t === undefined ? 0 : this.documentFrequencyOf(t);
  }

  /** `documentFrequency` of the term numbered `id` (a passage's words are numbers: no string look-up). */
  documentFrequencyOf(id: number): number {
    return this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** BM25's IDF; a term absent from the collection gets the highest value, so unknown words count against a match. */
  idf(term: string): number {
    return this.idfOfFrequency(this.documentFrequency(term));
  }

  /** `idf` of the term numbered `id`. */
  idfOf(id: number): number {
    return this.idfOfFrequency(this.documentFrequencyOf(id));
  }

  private idfOfFrequency(df: number): number {
    const n = this.documents;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(queryTerms: string[], topK: number): LexicalHit[] {
    return this.searchScored(queryTerms, topK).hits;
  }

  /**
   * The top hits plus what context features need: any passage's score and matched IDF (so a hit's
   * neighbours can be read without a second pass) and, when `groupOf` maps rows to documents, the
   * IDF each document matches as a whole. One pass over the query's postings: the cost of a question
   * is the length of its terms' posting lists, not the size of the collection.
   *
   * A query is plain terms or groups of alternatives (the translations of one English word, the
   * spellings of one name): a passage scores the best alternative it contains, so a word with many
   * translations never outweighs a word with one. An alternative of several terms (a multi-word
   * translation) scores the mean of its terms. Each group counts once in the coverage, at the mass of
   * its best alternative present in the collection, or `absentMass` (default: an unseen term's IDF).
   */
  searchScored(query: ReadonlyArray<string | TermGroup>, topK: number, groupOf?: Int32Array, groups = 0, after?: ScoredSearch): ScoredSearch {
    return searchPostings(this, this.scratch, query, topK, groupOf, groups, after?.trace);
  }

  /** Makes the pruned pass's facts about common terms before questions need them (`groupOf` as searches pass it); `stopped` ends it early. */
  prepareSearch(groupOf: Int32Array, stopped: () => boolean = () => false): Promise<void> {
    return prepareTermFacts(this, this.scratch, groupOf, stopped);
  }

  /**
   * Like search, but each question word may be spelled several ways: a passage scores the best
   * alternative it contains, times its weight, and the word counts once in the coverage (at the
   * highest IDF among its alternatives, so a word matched only by a weak variant covers less).
   * `after`, the search of the same words as written (each alone) at the same depth, lets it read only
   * the rows that could differ from that search's (same results; rescored-search.ts).
   */
  searchAlternatives(words: TermAlternative[][], topK: number, after?: ScoredSearch): LexicalHit[] {
    return this.searchScored(
      words.map((alternatives) => ({
        alternatives: alternatives.map(({ term, weight }) => ({ terms: [term], weight })),
        mass: alternatives.reduce((max, a) => Math.max(max, this.idf(a.term)), 0),
      })),
      topK,
      undefined,
      0,
      after,
    ).hits;
  }

  /** The rows holding any of `terms`: what a search of them finds at any depth, without ranking every row. */
  rowsHolding(terms: readonly string[]): Set<number> {
    const rows = new Set<number>();
    for (const term of terms) {
      const id = this.termId(term);
      if (id >= 0) for (let p = this.offsets[id]!; p < this.offsets[id + 1]!; p++) rows.add(this.postingRows[p]!);
    }
    return rows;
  }

  /** Every term the index knows (in term-number order), for matchers that look for spelling variants among them. */
  vocabulary(): readonly string[] {
    if (!this.termList) {
      this.termList = new Array<string>(this.termRow.size);
      for (const [term, i] of this.termRow) this.termList[i] = term;
    }
    return this.termList;
  }

  serialize(): SerializedBm25 {
    const { header, parts } = this.serializedParts();
    return { header, binary: Buffer.concat(parts) };
  }

  /** The header and the binary file's parts, in order, as views of the index's own arrays (no copy). */
  private serializedParts(): { header: SerializedBm25['header']; parts: Buffer[] } {
    const parts = [this.documentLengths, this.offsets, this.postingRows, this.postingTf].map((a) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    );
    const terms = new Array<string>(this.termRow.size);
    for (const [term, i] of this.termRow) terms[i] = term;
    const header = {
      version: 1 as const,
      documents: this.documents,
      averageLength: this.averageLength,
      terms,
      postings: this.postingRows.length,
      params: this.params,
    };
    return { header, parts };
  }

  /** Writes the index into an index generation folder, like `VectorStore.save`: the arrays one after the other, not first copied into one buffer (256 MB at 1M passages). */
  async save(dir: string): Promise<void> {
    const { header, parts } = this.serializedParts();
    await fs.writeFile(path.join(dir, HEADER_FILE), JSON.stringify(header));
    await fs.writeFile(path.join(dir, BINARY_FILE), parts);
  }

  static async load(dir: string): Promise<Bm25Index> {
    const header = (await readIndexJson(path.join(dir, HEADER_FILE))) as SerializedBm25['header'];
    const file = Bm25Index.fileIn(dir);
    return Bm25Index.deserialize({ header, binary: await readIndexBytes(file) }, file);
  }

  /** The file named in errors about a generation's lexical index. */
  static fileIn(dir: string): string {
    return path.join(dir, BINARY_FILE);
  }

  static deserialize({ header, binary }: SerializedBm25, file = 'lexical index'): Bm25Index {
    const n = header.documents;
    const t = header.terms?.length ?? -1;
    const p = header.postings;
    const expected = 4 * n + 4 * (t + 1) + 4 * p + 2 * p;
    if (header.version !== 1 || t < 0 || binary.length !== expected) {
      throw new IsnadError('INDEX_CORRUPT', `${file} is truncated or from another version (expected ${expected} bytes, found ${binary.length}).`, { file });
    }
    // Typed-array views need 4-byte alignment: a file read whole usually has it (its own allocation), and
    // is used as is (no second copy of 25 MB at 100k passages); a small buffer in Node's pool is copied.
    const aligned = binary.byteOffset % 4 === 0 ? binary : new Uint8Array(expected + 4);
    if (aligned !== binary) aligned.set(binary);
    let at = aligned.byteOffset;
    const take = <T>(make: (buf: ArrayBuffer, off: number, len: number) => T, count: number, size: number): T => {
      const view = make(aligned.buffer as ArrayBuffer, at, count);
      at += count * size;
      return view;
    };
    const lengths = take((b, o, l) => new Uint32Array(b, o, l), n, 4);
    const offsets = take((b, o, l) => new Uint32Array(b, o, l), t + 1, 4);
    const rows = take((b, o, l) => new Uint32Array(b, o, l), p, 4);
    const tfs = take((b, o, l) => new Uint16Array(b, o, l), p, 2);
    if (offsets[t] !== p) throw new IsnadError('INDEX_CORRUPT', `${file} has inconsistent postings.`, { file });
    const termRow = new Map<string, number>();
    header.terms.forEach((term, i) => termRow.set(term, i));
    return new Bm25Index(termRow, lengths, offsets, rows, tfs, header.averageLength, header.params);
  }
}

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
