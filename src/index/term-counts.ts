import type { Bm25Index } from './bm25.js';
import { perPart } from './snapshot.js';
import { seek } from './term-facts.js';

/**
 * Term frequencies of a few terms in a few rows, read from the postings (one galloping walk of each
 * term's list over the rows asked for): a question's scorers besides BM25 read the candidates' counts
 * without analyzing their text, at a cost of terms × rows × log(postings), not the collection's size.
 */

/** Into `out[i]`, how often term `id` occurs in `rows[i]` (`rows` increasing, distinct; 0 when absent). */
export function termCounts(index: Bm25Index, id: number, rows: Uint32Array, out: Uint16Array | Uint32Array): void {
  out.fill(0, 0, rows.length);
  if (id < 0) return;
  const { offsets, postingRows, postingTf } = index;
  const end = offsets[id + 1]!;
  let at = offsets[id]!;
  for (let i = 0; i < rows.length && at < end; i++) {
    at = seek(postingRows, at, end, rows[i]!);
    if (at < end && postingRows[at] === rows[i]) out[i] = postingTf[at]!;
  }
}

/** Per index, each term's count over the whole collection (NaN until a question uses the term). */
const collectionCounts = perPart((index: Bm25Index) => new Float64Array(index.offsets.length - 1).fill(NaN));

/**
 * How often term `id` occurs in the whole collection (0 when absent). Summed over its postings the
 * first time a question uses the term and kept with the index, like TermFacts' upper bounds: the
 * BM25 pass reads the same postings, so this adds at most one more walk per term and index.
 */
export function collectionCount(index: Bm25Index, id: number): number {
  if (id < 0) return 0;
  const counts = collectionCounts(index);
  const known = counts[id]!;
  if (!Number.isNaN(known)) return known;
  const { offsets, postingTf } = index;
  let sum = 0;
  for (let p = offsets[id]!; p < offsets[id + 1]!; p++) sum += postingTf[p]!;
  return (counts[id] = sum);
}

