/**
 * The word features' proximity: the most question IDF mass inside any PROXIMITY_WINDOW consecutive words
 * of a passage (its words as term numbers), each question word counted once per window.
 */
import { PROXIMITY_WINDOW } from './term-bits.js';

/** The words already counted in the current window (at most PROXIMITY_WINDOW): a scan, no set per window. */
const windowSeen = new Int32Array(PROXIMITY_WINDOW);

export function bestWindowIdf(words: Int32Array, idfOf: Map<number, number>): number {
  let best = 0;
  for (let i = 0; i < words.length; i++) {
    if (!idfOf.has(words[i]!)) continue;
    let seen = 0;
    let mass = 0;
    for (let j = i; j < Math.min(words.length, i + PROXIMITY_WINDOW); j++) {
      const word = words[j]!;
      const idf = idfOf.get(word);
      if (idf === undefined) continue;
      let counted = false;
      for (let s = 0; s < seen && !counted; s++) counted = windowSeen[s] === word;
      if (counted) continue;
      windowSeen[seen++] = word;
      mass += idf;
    }
    best = Math.max(best, mass);
  }
  return best;
}
