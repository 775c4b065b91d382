import { BOUND_SLACK, groupedScore, type PrunedUnit, type ScoredTerm } from './row-sum.js';
import { seek, termWeight, type PostingLists } from './term-facts.js';
import type { TopK } from './top-k.js';

/**
 * The rest of a query of single-term words, from row `from` on (each term's postings from `at[i]`, its first
 * posting at or past `from`), into `heap`, as the exhaustive pass would push it: each row's weights are
 * first added up in doubles over every posting (no rounding, no touched bits: ~4 ns a posting against ~17 for
 * the exhaustive pass), into `bounds` (zero between searches, left so); then the rows are taken in order and
 * a row is looked up in every term and scored as the exhaustive pass sums it only where the heap admits its
 * bound. A row the heap would not take changes nothing, so the heap, ties included, ends the same. With `units`
 * (a query with groups of alternatives) a row's bound is still every term's weight summed (a group scores one
 * alternative), and the row is scored as groupedScore sums it.
 */
export function summedRest(index: PostingLists, norms: Float64Array, terms: readonly ScoredTerm[], at: Uint32Array, from: number, heap: TopK, bounds: Float64Array, units: readonly PrunedUnit[] | null = null): void {
  const { offsets, postingRows, postingTf } = index;
  const { k1 } = index.params;
  const documents = index.documentLengths.length;
  const n = terms.length;
  const pos = at.slice();
  const end = Uint32Array.from(terms, ({ id }) => offsets[id + 1]!);
  for (let i = 0; i < n; i++) {
    const idf = terms[i]!.idf;
    for (let p = pos[i]!, stop = end[i]!; p < stop; p++) {
      const row = postingRows[p]!;
      const w = termWeight(k1, idf, postingTf[p]!, norms[row]!);
      bounds[row] = bounds[row]! + (w > 0 ? w : 0);
    }
  }
  const f32 = Math.fround;
  const idf = Float64Array.from(terms, (t) => t.idf);
  const tf = new Uint16Array(n);
  for (let row = from; row < documents; row++) {
    const bound = bounds[row]!;
    bounds[row] = 0;
    if (!heap.admits(bound * BOUND_SLACK)) continue;
    let score = 0;
    for (let i = 0; i < n; i++) {
      const p = (pos[i] = seek(postingRows, pos[i]!, end[i]!, row));
      tf[i] = p < end[i]! && postingRows[p] === row ? postingTf[p]! : 0;
      if (units || tf[i] === 0) continue;
      const w = f32(termWeight(k1, idf[i]!, tf[i]!, norms[row]!));
      score = f32(score + (w > 0 ? w : 0));
    }
    heap.push(row, units ? groupedScore(k1, units, idf, tf, norms[row]!) : score);
  }
}
