import { BOUND_SLACK, groupedScore, type PrunedUnit, type ScoredTerm } from './row-sum.js';
import { seek, termWeight, type PostingLists } from './term-facts.js';
import type { TopK } from './top-k.js';

/**
 * Rows summed and walked per block: their bounds (doubles) fit the first-level cache. Summing each term's
 * postings over all the rows left first swept a bound array of every row once per term (800 KB at 100k
 * passages, out of that cache), then once more to walk it.
 */
export const REST_BLOCK = 4096;

/**
 * The rest of a query of single-term words, from row `from` on (each term's postings from `at[i]`, its first
 * posting at or past `from`), into `heap`, as the exhaustive pass would push it: block by block of rows, each
 * row's weights are first added up in doubles over every posting (no rounding, no touched bits: ~4 ns a posting
 * against ~17 for the exhaustive pass), term by term in query order, into `bounds` (one block's rows long at
 * least, zero between searches, left so); then the block's rows are taken in order and a row is looked
 * up in every term and scored as the exhaustive pass sums it only where the heap admits its bound. A row the
 * heap would not take changes nothing, so the heap, ties included, ends the same. With `units` (a query with
 * groups of alternatives) a row's bound is still every term's weight summed (a group scores one alternative),
 * and the row is scored as groupedScore sums it.
 */
export function summedRest(index: PostingLists, norms: Float64Array, terms: readonly ScoredTerm[], at: Uint32Array, from: number, heap: TopK, bounds: Float64Array, units: readonly PrunedUnit[] | null = null): void {
  const { offsets, postingRows, postingTf } = index;
  const { k1 } = index.params;
  const documents = index.documentLengths.length;
  const n = terms.length;
  const pos = at.slice(); // look-ups of admitted rows
  const next = at.slice(); // the next posting to add to a bound
  const end = Uint32Array.from(terms, ({ id }) => offsets[id + 1]!);
  const f32 = Math.fround;
  const idf = Float64Array.from(terms, (t) => t.idf);
  const tf = new Uint16Array(n);
  // Most rows are passed over (a few hundred of ~90k enter at 100k passages): the worst kept score is read
  // again only after a push.
  let floor = heap.floor();
  for (let start = from; start < documents; start += REST_BLOCK) {
    const stop = Math.min(documents, start + REST_BLOCK);
    for (let i = 0; i < n; i++) {
      const weight = idf[i]!;
      let p = next[i]!;
      for (const last = end[i]!; p < last; p++) {
        const row = postingRows[p]!;
        if (row >= stop) break;
        const w = termWeight(k1, weight, postingTf[p]!, norms[row]!);
        bounds[row - start] = bounds[row - start]! + (w > 0 ? w : 0);
      }
      next[i] = p;
    }
    for (let row = start; row < stop; row++) {
      const bound = bounds[row - start]!;
      if (!(bound * BOUND_SLACK > floor)) continue;
      let score = 0;
      for (let i = 0; i < n; i++) {
        const p = (pos[i] = seek(postingRows, pos[i]!, end[i]!, row));
        tf[i] = p < end[i]! && postingRows[p] === row ? postingTf[p]! : 0;
        if (units || tf[i] === 0) continue;
        const w = f32(termWeight(k1, idf[i]!, tf[i]!, norms[row]!));
        score = f32(score + (w > 0 ? w : 0));
      }
      heap.push(row, units ? groupedScore(k1, units, idf, tf, norms[row]!) : score);
      floor = heap.floor();
    }
    bounds.fill(0, 0, stop - start);
  }
}
