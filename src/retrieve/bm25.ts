import { IsnadError } from '../errors.js';
import { topKIndices } from '../store/vector-store.js';

export interface LexicalHit {
  /** Row of the passage in the index (same order as the passages it was built from). */
  row: number;
  score: number;
  /** Share of the query's IDF mass found in this passage (0..1): the evidence the abstention rule reads. */
  coverage: number;
}

export interface Bm25Params {
  k1: number;
  b: number;
}

const DEFAULT_PARAMS: Bm25Params = { k1: 1.2, b: 0.75 };

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

  static build(termLists: string[][], params: Bm25Params = DEFAULT_PARAMS): Bm25Index {
    const postings = new Map<string, Array<[number, number]>>();
    const lengths = new Uint32Array(termLists.length);
    let total = 0;
    termLists.forEach((terms, row) => {
      lengths[row] = terms.length;
      total += terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push([row, Math.min(tf, 0xffff)]);
      }
    });
    const terms = [...postings.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    let count = 0;
    terms.forEach((term, i) => {
      offsets[i] = count;
      count += postings.get(term)!.length;
    });
    offsets[terms.length] = count;
    const rows = new Uint32Array(count);
    const tfs = new Uint16Array(count);
    let k = 0;
    for (const term of terms) {
      for (const [row, tf] of postings.get(term)!) {
        rows[k] = row;
        tfs[k++] = tf;
      }
    }
    const termRow = new Map(terms.map((t, i) => [t, i]));
    return new Bm25Index(termRow, lengths, offsets, rows, tfs, termLists.length ? total / termLists.length : 0, params);
  }

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
    const unique = [...new Set(queryTerms)];
    if (unique.length === 0 || this.documents === 0) return [];
    const { k1, b } = this.params;
    const scores = new Float32Array(this.documents);
    const matchedIdf = new Float32Array(this.documents);
    let idfMass = 0;
    for (const term of unique) {
      const idf = this.idf(term);
      idfMass += idf;
      const t = this.termRow.get(term);
      if (t === undefined) continue;
      for (let p = this.offsets[t]!; p < this.offsets[t + 1]!; p++) {
        const row = this.postingRows[p]!;
        const tf = this.postingTf[p]!;
        const norm = k1 * (1 - b + (b * this.documentLengths[row]!) / (this.averageLength || 1));
        scores[row]! += (idf * tf * (k1 + 1)) / (tf + norm);
        matchedIdf[row]! += idf;
      }
    }
    return topKIndices(scores, topK)
      .filter((hit) => hit.score > 0)
      .map(({ index, score }) => ({ row: index, score, coverage: idfMass > 0 ? matchedIdf[index]! / idfMass : 0 }));
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
