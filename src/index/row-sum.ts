import type { RowEvidence } from './scored-search.js';
import { termWeight } from './term-facts.js';

/**
 * Rounding slack on an upper bound (every pass that skips a row by its bound: pruned, summed, rescored): scores
 * are sums of up to 32 single-precision weights, each step off by at most 2⁻²⁴ of the sum; 10⁻⁵ of it covers that
 * many times over.
 */
export const BOUND_SLACK = 1 + 1e-5;

/** A query term as scored: its number in the index (−1 when absent) and its weighted IDF share. */
export interface ScoredTerm {
  id: number;
  idf: number;
}

/** A query word (group) with its alternatives' terms looked up once. */
export interface ResolvedGroup {
  bit: number;
  /** Terms of each non-empty alternative. */
  alternatives: ScoredTerm[][];
  /** A group of one term (a plain Arabic question word) takes a one-pass path. */
  single: boolean;
}

/**
 * One row's score, matched IDF and term bits from its term frequencies (the t-th term of the query —
 * groups, alternatives, terms in order — at tf[at + t·stride]), summed as the search pass sums them: a
 * group scores its best alternative, groups add up in query order, every sum rounded to single precision.
 * Written to `into` at `slot`. The one place that rounding is spelled out for rows read after a search.
 */
export function sumRow(k1: number, groups: readonly ResolvedGroup[], tf: Uint16Array, at: number, stride: number, norm: number, into: RowEvidence, slot: number): void {
  const f32 = Math.fround;
  let score = 0;
  let idf = 0;
  let mask = 0;
  let t = 0;
  for (const group of groups) {
    let bestScore = 0;
    let bestIdf = 0;
    let holds = false;
    for (const alternative of group.alternatives) {
      let altScore = 0;
      let altIdf = 0;
      for (const term of alternative) {
        const f = tf[at + t++ * stride]!;
        if (f === 0) continue;
        holds = true;
        altScore = f32(altScore + termWeight(k1, term.idf, f, norm));
        altIdf = f32(altIdf + term.idf);
      }
      if (altScore > bestScore) bestScore = altScore;
      if (altIdf > bestIdf) bestIdf = altIdf;
    }
    if (!holds) continue;
    score = f32(score + bestScore);
    idf = f32(idf + bestIdf);
    mask |= group.bit;
  }
  into.score[slot] = score;
  into.matchedIdf[slot] = idf;
  into.termMask[slot] = mask >>> 0;
}

/**
 * A query word as the pruned passes score it: one term (its number among the pass's terms), or a group of
 * alternatives, each alternative the numbers of its terms.
 */
export type PrunedUnit = number | ReadonlyArray<readonly number[]>;

/**
 * A row's score from its term frequencies (tf[i] of the pass's i-th term, 0 when absent) for a query with groups,
 * summed as the exhaustive pass sums it: word by word in query order, a group adding its best alternative, each
 * alternative's weights summed in order, every sum rounded to single precision.
 */
export function groupedScore(k1: number, units: readonly PrunedUnit[], idf: Float64Array, tf: Uint16Array, norm: number): number {
  let score = 0;
  for (const unit of units) {
    if (typeof unit === 'number') {
      if (tf[unit]! === 0) continue;
      const w = Math.fround(termWeight(k1, idf[unit]!, tf[unit]!, norm));
      score = Math.fround(score + (w > 0 ? w : 0));
      continue;
    }
    let best = 0;
    for (const alternative of unit) {
      let sum = 0;
      for (const i of alternative) if (tf[i]! !== 0) sum = Math.fround(sum + termWeight(k1, idf[i]!, tf[i]!, norm));
      if (sum > best) best = sum;
    }
    score = Math.fround(score + best);
  }
  return score;
}
