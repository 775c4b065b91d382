/*
 * The BM25 index as searched and stored: its vocabulary and posting arrays, the search API (the passes
 * live in bm25-search.ts and the modules it names), and its file (header + one binary of the arrays in a
 * fixed order, read back without copying). Built by Bm25Builder (bm25-builder.ts).
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
