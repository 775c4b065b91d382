/**
 * Question words as bits, shared by the word and root features: bit k stands for question word k
 * (the first 32 words), so the words a passage, its neighbours or a window of it hold are one number.
 */

/** Words at most this far apart count as near each other (the proximity features). */
export const PROXIMITY_WINDOW = 12;

/** The IDF mass of the question words whose bits `mask` sets. */
export function idfOfBits(termIdf: readonly number[], mask: number): number {
  let sum = 0;
  for (let k = 0; k < Math.min(32, termIdf.length); k++) if (mask & (1 << k)) sum += termIdf[k]!;
  return sum;
}

/** How many question words the bits of `mask` stand for. */
export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m; m &= m - 1) n++;
  return n;
}
