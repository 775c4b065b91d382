import { BOUND_SLACK } from './row-sum.js';
import { scoreAlternatives, scoreSingle, type AlternativeScratch } from './exhaustive-pass.js';
import { groupedScore, type PrunedUnit } from './row-sum.js';
import type { ScoreAccumulator } from './score-accumulator.js';
import { summedRest } from './summed-rest.js';
import { seek, termWeight, type PostingLists, type TermFacts } from './term-facts.js';
import { TopK } from './top-k.js';

/** A query word of one term: its number in the index (−1 when absent) and its (query-weighted) IDF. */
export interface PrunedTerm {
  id: number;
  idf: number;
}

/** Past the last posting of a list. */
const DONE = 0xffffffff;

/** What pruning saves is weighed once per this share of the rows. */
const WINDOWS = 16;
/**
 * A visited row or a look-up costs about this many postings of the exhaustive pass (a merge step,
 * bounds, a galloping seek: ~45–60 ns against ~15–20 ns per posting added over the 100k bench's
 * questions; of 1.5, 2, 2.5, 3 and 4, 2 gave the least BM25 time in sum and at p95).
 */
const POSTINGS_PER_VISIT = 2;
/**
 * The rows left at a hand-over are summed first (summedRest) when they hold at least this many postings per row
 * left, else added as the exhaustive pass adds them: the summing pass walks every row left, so it pays only where
 * the postings are dense. Over the 100k bench's word-leg searches (min of 9 each, bench/README.md round 13) sum /
 * p95 of 0.25, 0.5, 0.75: 168.3 / 1.44, 168.0 / 1.44, 172.1 / 1.48 ms against 177 / 1.72–1.79 without; 0: p50 0.67 → 0.79.
 */
const DENSE_REST = 0.5;

/**
 * The top `topK` rows of a query of terms (`units` null: each term a word) or of words and groups of
 * alternatives (`units`: a group scores its best alternative, groupedScore), exactly as the exhaustive pass ranks them (a
 * heap fed rows 0…topK−1, then every row holding a term, in row order), but reading only what can
 * change that heap (MaxScore, Turtle & Flood 1995, over impact tiers). Rows are visited in row order
 * through each term's "essential" list: all its postings, one of its tiers (its postings of the
 * highest weights, term-facts.ts), or none. A term whose essential list lacks a row may still hold it
 * with a weight up to its `rest` bound (0 for the whole list, IDF × the largest factor a tier leaves
 * out for a tier, its largest weight for none); lists are narrowed while the rests together cannot beat
 * the heap's worst kept score, so a row in no essential list could not enter. A visited row's missing terms are looked
 * up, strongest rest first, only while its bound can still enter. A row is skipped only when its score's
 * upper bound is at most that worst score: its push would have changed nothing, so the heap, ties
 * included, ends exactly as it does after the full pass. Scores are summed in query order with
 * single-precision rounding, as there. A group's terms are pruned as words are: its score is at most its
 * terms' weights summed, so every term's weight or rest summed still bounds a row. Where pruning does not pay (a window of rows cost more visits and
 * look-ups than it had postings) the rest of the rows are scored by the exhaustive pass into the same heap.
 */
export function prunedTopRows(
  index: PostingLists,
  norms: Float64Array,
  terms: readonly PrunedTerm[],
  facts: TermFacts,
  topK: number,
  sums: ScoreAccumulator,
  units: readonly PrunedUnit[] | null,
  scratch: { alternatives?: AlternativeScratch },
): TopK {
  const { k1 } = index.params;
  const heap = new TopK(Math.min(topK, index.documentLengths.length), true);
  if (heap.limit === 0) return heap;
  const { offsets, postingRows, postingTf } = index;
  const n = terms.length;
  const pos = new Uint32Array(n); // each term's place in its whole posting list (essential at level 0, else for look-ups)
  const end = new Uint32Array(n);
  const idf = Float64Array.from(terms, (t) => t.idf);
  const tfAt = new Uint16Array(n);
  terms.forEach((t, i) => {
    pos[i] = offsets[t.id]!;
    end[i] = offsets[t.id + 1]!;
  });
  /** The row's score from `tfAt`, in query order, as the exhaustive pass sums it. */
  const exact = (row: number): number => {
    let score = 0;
    for (let i = 0; i < n; i++) {
      const tf = tfAt[i]!;
      if (tf === 0) continue;
      const w = Math.fround(termWeight(k1, idf[i]!, tf, norms[row]!));
      score = Math.fround(score + (w > 0 ? w : 0));
    }
    return score;
  };
  // The first rows enter as they are, whatever they score (as a heap over every row would take them).
  for (let row = 0; row < heap.limit; row++) {
    for (let i = 0; i < n; i++) {
      pos[i] = seek(postingRows, pos[i]!, end[i]!, row);
      tfAt[i] = pos[i]! < end[i]! && postingRows[pos[i]!] === row ? postingTf[pos[i]!]! : 0;
    }
    heap.push(row, units ? groupedScore(k1, units, idf, tfAt, norms[row]!) : exact(row));
  }
  for (let i = 0; i < n; i++) pos[i] = seek(postingRows, pos[i]!, end[i]!, heap.limit);
  // Each list's place at the last weighing, and the rows visited and look-ups made since.
  const weighed = pos.slice();
  const window = Math.max(1, Math.ceil(index.documentLengths.length / WINDOWS));
  let nextWeighing = heap.limit + window;
  let work = 0;

  // Level of each term: 0 = every posting essential, 1…tiers = that tier essential, tiers + 1 = none.
  const tiers = terms.map((t) => facts.tiers(t.id));
  const level = new Uint8Array(n);
  const rest = new Float64Array(n);
  const tierAt = new Uint32Array(n); // place in the essential tier's list
  const rowAt = new Uint32Array(n); // row at the essential list's place (DONE when past its end, or no list)
  for (let i = 0; i < n; i++) rowAt[i] = pos[i]! < end[i]! ? postingRows[pos[i]!]! : DONE;
  const restOf = (i: number, l: number): number => (l === 0 ? 0 : l <= tiers[i]!.rows.length ? idf[i]! * tiers[i]!.below[l - 1]! : idf[i]! * facts.maxFactor(terms[i]!.id));
  const sizeOf = (i: number, l: number): number => (l === 0 ? end[i]! - offsets[terms[i]!.id]! : l <= tiers[i]!.rows.length ? tiers[i]!.rows[l - 1]!.length : 0);
  // Terms to look up for a visited row, strongest rest first.
  const lookupOrder = Array.from({ length: n }, (_, i) => i);
  let restSum = 0;
  /** Narrows the lists (a term a level at a time, most postings saved per bound spent) while the rests together cannot enter; lists resume after row `from`. */
  const narrow = (from: number): void => {
    for (let changed = false; ; changed = true) {
      let best = -1;
      let bestRate = -1;
      for (let i = 0; i < n; i++) {
        const l = level[i]!;
        if (l > tiers[i]!.rows.length) continue;
        const spent = restOf(i, l + 1) - rest[i]!;
        if (heap.admits((restSum + spent) * BOUND_SLACK)) continue;
        const rate = (sizeOf(i, l) - sizeOf(i, l + 1)) / Math.max(spent, Number.MIN_VALUE);
        if (rate > bestRate) (best = i), (bestRate = rate);
      }
      if (best < 0) {
        if (changed) lookupOrder.sort((a, b) => rest[b]! - rest[a]! || a - b);
        return;
      }
      const l = ++level[best]!;
      restSum += restOf(best, l) - rest[best]!;
      rest[best] = restOf(best, l);
      if (l > tiers[best]!.rows.length) {
        rowAt[best] = DONE;
        continue;
      }
      const list = tiers[best]!.rows[l - 1]!;
      const at = seek(list, 0, list.length, from + 1);
      tierAt[best] = at;
      rowAt[best] = at < list.length ? list[at]! : DONE;
    }
  };
  narrow(heap.limit - 1);
  for (;;) {
    let row = DONE;
    for (let i = 0; i < n; i++) if (rowAt[i]! < row) row = rowAt[i]!;
    if (row === DONE) break;
    if (row >= nextWeighing) {
      // Rows below `row` are done. With flat weights (no rare word to lift the floor, common words alike)
      // pruning visits most rows and looks each up in the other lists, slower than adding every posting:
      // once a window would have cost less that way, the rest of the rows are scored so, in row order,
      // into the same heap (the exhaustive pass's pushes from here on: the heap ends the same).
      let postings = 0;
      for (let i = 0; i < n; i++) {
        const at = seek(postingRows, weighed[i]!, end[i]!, row);
        postings += at - weighed[i]!;
        weighed[i] = at;
      }
      if (work * POSTINGS_PER_VISIT > postings) {
        let left = 0;
        for (let i = 0; i < n; i++) left += end[i]! - weighed[i]!;
        if (left >= DENSE_REST * (index.documentLengths.length - row)) summedRest(index, norms, terms, weighed, row, heap, sums.restBounds(), units);
        else if (units) {
          // A group's rows score its best alternative: the exhaustive pass sums them so, word by word in query order.
          units.forEach((unit, k) => {
            if (typeof unit === 'number') scoreSingle(index, norms, terms[unit]!, k, 0, sums, undefined, weighed[unit]!);
            else scoreAlternatives(index, norms, { bit: 0, alternatives: unit.map((a) => a.map((i) => terms[i]!)), single: false }, k, sums, scratch, undefined, Uint32Array.from(unit.flat(), (i) => weighed[i]!));
          });
          sums.pushTouched(heap);
        } else {
          for (let i = 0; i < n; i++) scoreSingle(index, norms, terms[i]!, i, 0, sums, undefined, weighed[i]!);
          sums.pushTouched(heap);
        }
        return heap;
      }
      work = 0;
      nextWeighing = row + window;
    }
    work++;
    let upper = 0;
    for (let i = 0; i < n; i++) {
      if (rowAt[i] !== row) {
        tfAt[i] = 0;
        upper += rest[i]!;
        continue;
      }
      const l = level[i]!;
      if (l === 0) {
        tfAt[i] = postingTf[pos[i]!++]!;
        rowAt[i] = pos[i]! < end[i]! ? postingRows[pos[i]!]! : DONE;
      } else {
        const at = tierAt[i]!++;
        const list = tiers[i]!.rows[l - 1]!;
        tfAt[i] = tiers[i]!.tf[l - 1]![at]!;
        rowAt[i] = at + 1 < list.length ? list[at + 1]! : DONE;
      }
      upper += termWeight(k1, idf[i]!, tfAt[i]!, norms[row]!);
    }
    if (!heap.admits(upper * BOUND_SLACK)) continue;
    // The missing terms, strongest rest first, each rest replaced by the row's real weight: most rows
    // are ruled out before every term is looked up.
    let admitted = true;
    for (let j = 0; j < n && admitted; j++) {
      const i = lookupOrder[j]!;
      if (tfAt[i] !== 0 || rest[i] === 0) continue;
      work++;
      pos[i] = seek(postingRows, pos[i]!, end[i]!, row);
      tfAt[i] = pos[i]! < end[i]! && postingRows[pos[i]!] === row ? postingTf[pos[i]!]! : 0;
      upper += (tfAt[i] ? termWeight(k1, idf[i]!, tfAt[i]!, norms[row]!) : 0) - rest[i]!;
      admitted = heap.admits(upper * BOUND_SLACK);
    }
    if (!admitted) continue;
    heap.push(row, units ? groupedScore(k1, units, idf, tfAt, norms[row]!) : exact(row));
    narrow(row);
  }
  return heap;
}
