/** Reciprocal-rank fusion (Cormack et al. 2009): robust to the legs' incomparable score scales. */
export const RRF_K = 60;

export interface Ranked {
  row: number;
}

export interface Fused {
  row: number;
  /** Normalized to 0..1: 1 means ranked first by every leg that ran. */
  score: number;
  ranks: Array<number | null>;
}

export function reciprocalRankFusion(lists: Ranked[][], k = RRF_K): Fused[] {
  const legs = lists.filter((list) => list.length > 0).length || 1;
  const best = legs / (k + 1);
  const byRow = new Map<number, Fused>();
  lists.forEach((list, leg) => {
    list.forEach(({ row }, rank) => {
      let entry = byRow.get(row);
      if (!entry) byRow.set(row, (entry = { row, score: 0, ranks: lists.map(() => null) }));
      if (entry.ranks[leg] !== null) return;
      entry.ranks[leg] = rank + 1;
      entry.score += 1 / (k + rank + 1) / best;
    });
  });
  return [...byRow.values()].sort((a, b) => b.score - a.score || a.row - b.row);
}

/** Jaccard similarity of two term sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Keeps the first of any group of near-identical passages (the same wire story copied into two files),
 * so the answer shows distinct evidence rather than the same sentence three times.
 */
export function collapseNearDuplicates<T>(items: T[], termsOf: (item: T) => Set<string>, threshold = 0.8): T[] {
  const kept: Array<{ item: T; terms: Set<string> }> = [];
  for (const item of items) {
    const terms = termsOf(item);
    if (kept.some((k) => jaccard(k.terms, terms) >= threshold)) continue;
    kept.push({ item, terms });
  }
  return kept.map((k) => k.item);
}
