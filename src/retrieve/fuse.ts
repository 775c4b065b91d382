/** The distinct values of `words`, increasing: a passage's word set, as `jaccard` reads it. */
function wordSet(words: ArrayLike<number>): Int32Array {
  const sorted = Int32Array.from(words).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.subarray(0, distinct);
}

/** Jaccard similarity of two word sets (from `wordSet`): one merge, no hash set per passage. */
export function jaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! === b[j]!) (shared++, i++, j++);
    else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Keeps the first of any group of near-identical passages (the same wire story copied into two files),
 * so the answer shows distinct evidence rather than the same sentence three times. Stops at `limit`
 * kept: whether a later item is kept depends only on those before it, so the first `limit` are the same.
 */
export function collapseNearDuplicates<T>(items: T[], wordsOf: (item: T) => Int32Array, threshold = 0.8, limit = Infinity): T[] {
  const kept: Array<{ item: T; words: Int32Array }> = [];
  for (const item of items) {
    if (kept.length >= limit) break;
    const words = wordSet(wordsOf(item));
    if (kept.some((k) => jaccard(k.words, words) >= threshold)) continue;
    kept.push({ item, words });
  }
  const out: T[] = [];
  for (const k of kept) out.push(k.item);
  return out;
}
