import { BOUND_SLACK, sumRow, type ResolvedGroup, type ScoredTerm } from './row-sum.js';
import type { HeapTrace, RowEvidence } from './scored-search.js';
import { seek, termWeight, type PostingLists } from './term-facts.js';
import { TopK } from './top-k.js';

/** Not a candidate row: so far below any sum of weights that adding one leaves it as it is (no branch per posting). */
const NONE = -1e300;

/**
 * rescoredTopRows (rescored-search.ts) when the respelled words are too common to bound their rows one
 * look-up at a time (a look-up costs ~50 ns, a posting summed ~5): every row holding a respelled term gets
 * an upper bound, the weights of all its terms added up (a group's alternatives summed, not its best), in
 * one pass over each term's postings into `scratch.rowBounds` (NONE: not such a row; left so after).
 * The rows that entered the earlier search (`base`) get such a bound too, from their kept words alone when
 * they hold no respelled term. Then these rows are taken in row order: one whose bound the heap admits is
 * looked up in every term and summed as the full pass sums it; the rest score what they scored in the
 * earlier search, where they did not enter, or cannot enter the new heap. So the heap,
 * ties included, ends as the full pass leaves it. `terms`: the query's terms in order (groups,
 * alternatives, terms); `respelled`: the positions among them of the respelled words' terms.
 */
export function summedTopRows(
  index: PostingLists,
  norms: Float64Array,
  groups: readonly ResolvedGroup[],
  terms: readonly ScoredTerm[],
  respelled: readonly number[],
  base: HeapTrace,
  limit: number,
  scratch: { rowBounds?: Float64Array },
): Array<{ index: number; score: number }> {
  const { offsets, postingRows, postingTf } = index;
  const { k1 } = index.params;
  const documents = index.documentLengths.length;
  // Taken from the scratch while in use: a search that throws leaves none behind half-filled.
  const bounds = scratch.rowBounds ?? new Float64Array(documents).fill(NONE);
  scratch.rowBounds = undefined;
  // The rows to visit, one bit each: walked in row order without a pass over every row.
  const marked = new Uint32Array((documents + 31) >>> 5);
  const isRespelled = new Uint8Array(terms.length);
  for (const i of respelled) isRespelled[i] = 1;
  for (const i of respelled) {
    const { id, idf } = terms[i]!;
    if (id < 0) continue;
    for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p++) {
      const row = postingRows[p]!;
      const s = bounds[row]!;
      bounds[row] = (s < 0 ? 0 : s) + termWeight(k1, idf, postingTf[p]!, norms[row]!);
      marked[row >>> 5] = marked[row >>> 5]! | (1 << (row & 31));
    }
  }
  // The rows that entered the earlier search are bounded as the others are (a row holding no respelled term by
  // its kept words' weights alone), so one that the new heap has risen past is skipped, not looked up and summed:
  // of ~670 rows summed a search, ~150 (bench/README.md round 29).
  const entered = base.rows;
  for (const row of entered) {
    if (bounds[row]! < 0) bounds[row] = 0;
    marked[row >>> 5] = marked[row >>> 5]! | (1 << (row & 31));
  }
  for (let i = 0; i < terms.length; i++) {
    const { id, idf } = terms[i]!;
    if (id < 0 || isRespelled[i]) continue;
    // Only a row holding a respelled term has a bound to raise; the others stay NONE, adding to it changes
    // nothing. Added without a test: which rows hold one is random along the list (a quarter to a half of
    // them here), and the branch that skipped the others' weights cost more in mispredictions than the
    // weights it spared (the variant legs of common respellings −15 to −25 %, bench/README.md round 27).
    for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p++) {
      const row = postingRows[p]!;
      bounds[row] = bounds[row]! + termWeight(k1, idf, postingTf[p]!, norms[row]!);
    }
  }
  const n = terms.length;
  const pos = new Uint32Array(n);
  const end = new Uint32Array(n);
  terms.forEach(({ id }, i) => {
    if (id < 0) return;
    pos[i] = offsets[id]!;
    end[i] = offsets[id + 1]!;
  });
  const tf = new Uint16Array(n);
  const heap = new TopK(limit);
  const sum: RowEvidence = { score: new Float32Array(1), matchedIdf: new Float32Array(1), termMask: new Uint32Array(1) };
  for (let w = 0; w < marked.length; w++) {
    for (let bits = marked[w]!; bits !== 0; bits &= bits - 1) {
      const row = (w << 5) | (31 - Math.clz32(bits & -bits));
      const bound = bounds[row]!;
      if (bound >= 0) bounds[row] = NONE;
      if (!heap.admits(bound * BOUND_SLACK)) continue;
      for (let i = 0; i < n; i++) {
        if (pos[i]! >= end[i]!) {
          tf[i] = 0;
          continue;
        }
        pos[i] = seek(postingRows, pos[i]!, end[i]!, row);
        tf[i] = pos[i]! < end[i]! && postingRows[pos[i]!] === row ? postingTf[pos[i]!]! : 0;
      }
      sumRow(k1, groups, tf, 0, 1, norms[row]!, sum, 0);
      heap.push(row, sum.score[0]!);
    }
  }
  scratch.rowBounds = bounds;
  return heap.sorted();
}
