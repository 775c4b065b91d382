/** Jaccard similarity of two term sets. */
export function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Keeps the first of any group of near-identical passages (the same wire story copied into two files),
 * so the answer shows distinct evidence rather than the same sentence three times.
 */
export function collapseNearDuplicates<T, W>(items: T[], termsOf: (item: T) => Set<W>, threshold = 0.8): T[] {
  const kept: Array<{ item: T; terms: Set<W> }> = [];
  for (const item of items) {
    const terms = termsOf(item);
    if (kept.some((k) => jaccard(k.terms, terms) >= threshold)) continue;
    kept.push({ item, terms });
  }
  return kept.map((k) => k.item);
}
