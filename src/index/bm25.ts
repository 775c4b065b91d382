/*
 * Longer than 250 lines on purpose: the builder, the scoring loop and (de)serialization share one
 * typed-array layout (offsets, posting rows, term frequencies), and splitting them would spread that
 * layout over several files that must change together.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import type { TermGroup } from '../types.js';
import { readIndexBytes, readIndexJson } from './index-file.js';
import { topKIndices } from './vector-store.js';

const HEADER_FILE = 'lexical.json';
const BINARY_FILE = 'lexical.bin';

export interface LexicalHit {
  /** Row of the passage in the index (same order as the passages it was built from). */
  row: number;
  score: number;
  /** Share of the query's IDF mass found in this passage (0..1): the evidence the abstention rule reads. */
  coverage: number;
}

export interface ScoredSearch {
  hits: LexicalHit[];
  /** BM25 score of every row (0 when no query term occurs in it). */
  scores: Float32Array;
  /** IDF of the query terms each row contains. */
  matchedIdf: Float32Array;
  /** IDF of the query terms each group (document) contains anywhere; empty without groups. */
  groupIdf: Float32Array;
  /** Bit k set when the group (document) contains terms[k] anywhere; empty without groups. */
  groupMask: Uint32Array;
  /** Bit k set when the row contains terms[k] (the first 32 distinct terms): context features without re-reading passages. */
  termMask: Uint32Array;
  /** One label per distinct query word (group), the coverage mass of each (unknown terms get the highest IDF), and every term a group may match. */
  terms: string[];
  termIdf: number[];
  groupTerms: string[][];
  idfMass: number;
  /** Mass of the query words the collection contains at all. */
  knownMass: number;
}

/** One way to spell a question word, and how much a match on it counts (1 = the word itself). */
export interface TermAlternative {
  term: string;
  weight: number;
}

export interface Bm25Params {
  k1: number;
  b: number;
}

// b chosen on xquad-dev held-out folds (Arabic + English ranking hit@1 over b ∈ {0.75, 0.5, 0.3}; see README, Measuring).
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
export class Bm25Index {
  private constructor(
    private readonly termRow: Map<string, number>,
    private readonly documentLengths: Uint32Array,
    private readonly offsets: Uint32Array,
    private readonly postingRows: Uint32Array,
    private readonly postingTf: Uint16Array,
    private readonly averageLength: number,
    private readonly params: Bm25Params,
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
    this.termList ??= this.vocabulary();
    return this.termList[id]!;
  }

  private termList?: string[];

  documentFrequency(term: string): number {
    const t = this.termRow.get(term);
    return t === undefined ? 0 : this.offsets[t + 1]! - this.offsets[t]!;
  }

  /** BM25's IDF; a term absent from the collection gets the highest value, so unknown words count against a match. */
  idf(term: string): number {
    const n = this.documents;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  search(queryTerms: string[], topK: number): LexicalHit[] {
    return this.searchScored(queryTerms, topK).hits;
  }

  /**
   * The top hits plus what context features need: every passage's score and matched IDF (so a hit's
   * neighbours can be read without a second pass) and, when `groupOf` maps rows to documents, the
   * IDF each document matches as a whole. One pass over the query's postings.
   *
   * A query is plain terms or groups of alternatives (the translations of one English word, the
   * spellings of one name): a passage scores the best alternative it contains, so a word with many
   * translations never outweighs a word with one. An alternative of several terms (a multi-word
   * translation) scores the mean of its terms. Each group counts once in the coverage, at the mass of
   * its best alternative present in the collection, or `absentMass` (default: an unseen term's IDF).
   */
  searchScored(query: ReadonlyArray<string | TermGroup>, topK: number, groupOf?: Int32Array, groups = 0): ScoredSearch {
    const seen = new Set<string>();
    const queryGroups: TermGroup[] = [];
    for (const q of query) {
      const group = typeof q === 'string' ? { alternatives: [{ terms: [q], weight: 1 }] } : q;
      const key = JSON.stringify(group.alternatives);
      if (group.alternatives.length === 0 || seen.has(key)) continue;
      seen.add(key);
      queryGroups.push(group);
    }
    const scores = new Float32Array(this.documents);
    const matchedIdf = new Float32Array(this.documents);
    const groupIdf = new Float32Array(groupOf ? groups : 0);
    const groupMask = new Uint32Array(groupOf ? groups : 0);
    const termMask = new Uint32Array(this.documents);
    const termIdf: number[] = [];
    const terms = queryGroups.map((g) => g.alternatives[0]!.terms.join(' '));
    const groupTerms = queryGroups.map((g) => [...new Set(g.alternatives.flatMap((a) => a.terms))]);
    let idfMass = 0;
    let knownMass = 0;
    const empty = { hits: [], scores, matchedIdf, groupIdf, groupMask, termMask, termIdf, idfMass, knownMass, terms, groupTerms };
    if (queryGroups.length === 0 || this.documents === 0) return empty;
    const { k1, b } = this.params;
    const stamp = groupOf ? new Int32Array(groups).fill(-1) : null;
    // Per-row best alternative of the current group (scratch, reset through `touched`).
    const bestScore = new Float32Array(this.documents);
    const bestIdf = new Float32Array(this.documents);
    const altScore = new Float32Array(this.documents);
    const altIdf = new Float32Array(this.documents);
    queryGroups.forEach((group, k) => {
      const touched: number[] = [];
      let mass = 0;
      for (const { terms: altTerms, weight } of group.alternatives) {
        if (altTerms.length === 0) continue;
        const altTouched: number[] = [];
        let present = false;
        let altMass = 0;
        for (const term of altTerms) {
          const idf = (weight * this.idf(term)) / altTerms.length;
          altMass += idf;
          const t = this.termRow.get(term);
          if (t === undefined) continue;
          present = true;
          for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) {
            const row = this.postingRows[p]!;
            const tf = this.postingTf[p]!;
            const norm = k1 * (1 - b + (b * this.documentLengths[row]!) / (this.averageLength || 1));
            if (altIdf[row] === 0) altTouched.push(row);
            altScore[row]! += (idf * tf * (k1 + 1)) / (tf + norm);
            altIdf[row]! += idf;
          }
        }
        if (present) mass = Math.max(mass, altMass);
        for (const row of altTouched) {
          if (bestIdf[row] === 0) touched.push(row);
          if (altScore[row]! > bestScore[row]!) bestScore[row] = altScore[row]!;
          if (altIdf[row]! > bestIdf[row]!) bestIdf[row] = altIdf[row]!;
          altScore[row] = 0;
          altIdf[row] = 0;
        }
      }
      const only = group.alternatives.length === 1 && group.alternatives[0]!.terms.length === 1 ? group.alternatives[0]! : null;
      const groupMass = group.mass ?? (mass > 0 ? mass : (group.absentMass ?? (only ? only.weight * this.idf(only.terms[0]!) : this.idf(''))));
      termIdf.push(groupMass);
      idfMass += groupMass;
      if (mass > 0) knownMass += groupMass;
      const bit = k < 32 ? (1 << k) >>> 0 : 0;
      for (const row of touched) {
        scores[row]! += bestScore[row]!;
        matchedIdf[row]! += bestIdf[row]!;
        termMask[row]! |= bit;
        if (stamp) {
          const g = groupOf![row]!;
          if (stamp[g] !== k) {
            stamp[g] = k;
            groupIdf[g]! += bestIdf[row]!;
            groupMask[g]! |= bit;
          }
        }
        bestScore[row] = 0;
        bestIdf[row] = 0;
      }
    });
    const hits = topKIndices(scores, topK)
      .filter((hit) => hit.score > 0)
      .map(({ index, score }) => ({ row: index, score, coverage: idfMass > 0 ? Math.min(1, matchedIdf[index]! / idfMass) : 0 }));
    return { ...empty, hits, idfMass, knownMass };
  }

  /**
   * Like search, but each question word may be spelled several ways: a passage scores the best
   * alternative it contains, times its weight, and the word counts once in the coverage (at the
   * highest IDF among its alternatives, so a word matched only by a weak variant covers less).
   */
  searchAlternatives(words: TermAlternative[][], topK: number): LexicalHit[] {
    return this.searchScored(
      words.map((alternatives) => ({
        alternatives: alternatives.map(({ term, weight }) => ({ terms: [term], weight })),
        mass: alternatives.reduce((max, a) => Math.max(max, this.idf(a.term)), 0),
      })),
      topK,
    ).hits;
  }

  /** Every term the index knows (in term-number order), for matchers that look for spelling variants among them. */
  vocabulary(): string[] {
    const terms = new Array<string>(this.termRow.size);
    for (const [term, i] of this.termRow) terms[i] = term;
    return terms;
  }

  serialize(): SerializedBm25 {
    const terms = new Array<string>(this.termRow.size);
    for (const [term, i] of this.termRow) terms[i] = term;
    const parts = [this.documentLengths, this.offsets, this.postingRows, this.postingTf].map((a) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    );
    return {
      header: {
        version: 1,
        documents: this.documents,
        averageLength: this.averageLength,
        terms,
        postings: this.postingRows.length,
        params: this.params,
      },
      binary: Buffer.concat(parts),
    };
  }

  /** Writes the index into an index generation folder, like `VectorStore.save`. */
  async save(dir: string): Promise<void> {
    const { header, binary } = this.serialize();
    await fs.writeFile(path.join(dir, HEADER_FILE), JSON.stringify(header));
    await fs.writeFile(path.join(dir, BINARY_FILE), binary);
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
    // Copy into one aligned buffer; typed-array views need 4-byte alignment.
    const aligned = new Uint8Array(expected + 4);
    aligned.set(binary);
    let at = 0;
    const take = <T>(make: (buf: ArrayBuffer, off: number, len: number) => T, count: number, size: number): T => {
      const view = make(aligned.buffer, at, count);
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
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Builds a Bm25Index one passage at a time, interning terms and keeping only (term, tf) pairs in
 * typed arrays: term lists of a 100k-passage collection never need to be held all at once.
 */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly pairs = new GrowableUint32(); // termId, tf, termId, tf, … in passage order
  private readonly pairsPerDocument = new GrowableUint32();
  private readonly lengths = new GrowableUint32();
  private total = 0;

  constructor(private readonly params: Bm25Params = DEFAULT_PARAMS) {}

  /** Adds a passage's terms; returns them as the finished index's term numbers (its words for ranking). */
  add(terms: string[]): Int32Array {
    const counts = new Map<number, number>();
    const ids = new Int32Array(terms.length);
    for (const [i, term] of terms.entries()) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
      }
      ids[i] = id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const [id, tf] of counts) {
      this.pairs.push(id);
      this.pairs.push(Math.min(tf, 0xffff));
    }
    this.pairsPerDocument.push(counts.size);
    this.lengths.push(terms.length);
    this.total += terms.length;
    return ids;
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
