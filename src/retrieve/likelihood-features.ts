import type { IndexSnapshot } from '../index/snapshot.js';
import type { ScoredSearch } from '../index/bm25.js';
import { collectionCount, termCounts } from '../index/term-counts.js';

/**
 * Query likelihood beside BM25 (k1 1.2, b 0.3): a language model of each passage, smoothed by the
 * collection's (Dirichlet), weighs a repeated word and the passage's length in its own way. Computed
 * for the candidates only, from their postings (term-counts.ts); a question's word group scores its
 * best alternative. (Tried beside it and dropped, README Measuring: BM25 b 0.75, the paragraph as one
 * text by likelihood or BM25, the passage smoothed by its document first.)
 */
export const LIKELIHOOD_FEATURES = [
  'likelihood', // Dirichlet query likelihood (μ = the mean passage length) in its rank-equivalent form, per question word
] as const;

export function likelihoodFeatures(index: IndexSnapshot, search: ScoredSearch, rows: readonly number[]): number[][] {
  const lexical = index.lexical;
  const groups = search.groupTerms.map((terms) => terms.map((t) => lexical.termId(t)).filter((id) => id >= 0));
  if (groups.length === 0 || rows.length === 0) return rows.map(() => [0]);
  // termCounts reads rows in increasing order: `order[i]` is the candidate at place i of `read`.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]! - rows[b]!);
  const read = Uint32Array.from(order, (i) => rows[i]!);
  const ids = [...new Set(groups.flat())];
  const counts = ids.map(() => new Uint32Array(read.length));
  ids.forEach((id, t) => termCounts(lexical, id, read, counts[t]!));
  const termSlot = new Map(ids.map((id, t) => [id, t]));
  const mu = lexical.averageLength || 1;
  const tokens = lexical.averageLength * lexical.documents || 1;
  const smoothing = ids.map((id) => mu * (collectionCount(lexical, id) / tokens));

  const values = rows.map(() => [0]);
  order.forEach((candidate, slot) => {
    // log P(q | passage) less what every passage shares: Σ log(1 + tf / (μ p(w))) + |q| log(μ / (length + μ)).
    let likelihood = groups.length * Math.log(mu / (lexical.documentLengths[rows[candidate]!]! + mu));
    for (const group of groups) {
      let best = 0;
      for (const id of group) {
        const t = termSlot.get(id)!;
        const tf = counts[t]![slot]!;
        if (tf > 0) best = Math.max(best, Math.log(1 + tf / smoothing[t]!));
      }
      likelihood += best;
    }
    values[candidate]![0] = likelihood / groups.length;
  });
  return values;
}
