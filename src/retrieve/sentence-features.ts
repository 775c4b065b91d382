import { perIndex, type IndexSnapshot } from '../index/snapshot.js';
import type { ScoredSearch } from '../index/bm25.js';
import { analyze } from '../text/analyze.js';
import { passageWords } from './passage-words.js';
import { idfOfBits } from './term-bits.js';

/**
 * Sentence-level evidence inside a passage. A passage holds a few sentences (up to 600 characters) and
 * a question is usually written from one of them, so the sentence holding most of the question can tell
 * a passage from its neighbour where the passage's bag of words cannot.
 * (Tried and dropped, no held-out gain: the best sentence's share of the passage's match, the best two
 * consecutive sentences, an asked-type word in the best sentence, the question's first content word in
 * it, the shortest span holding every matched word, clauses cut at commas, root-key matches per sentence.)
 */
export const SENTENCE_FEATURES = [
  'sentenceCoverage', // share of the query's IDF mass in the passage's best sentence (first SENTENCE_CANDIDATES candidates)
] as const;

/** Candidates (in candidate order) whose sentences are read; later ones read 0. */
const SENTENCE_CANDIDATES = 40;

const SENTENCE_END = /(?<=[.!?؟؛])\s+|\n+/u;

/**
 * Per row, where each sentence ends in the passage's words (cumulative counts), computed on first use and
 * kept, packed into one growing array: a long-running bot touches most passages in time, and one small
 * array per passage would cost ~10× the numbers. A passage whose sentences do not add up to its words
 * (an analyzer edge case) counts as one sentence.
 */
interface SentenceEnds {
  /** Per row: where its sentence count, then its ends, start in `pool` (−1: not read yet). */
  at: Int32Array;
  pool: Int32Array;
  fill: number;
}

const sentenceEndsOf = perIndex((index): SentenceEnds => ({ at: new Int32Array(index.passages.length).fill(-1), pool: new Int32Array(1024), fill: 0 }));

function sentenceEnds(index: IndexSnapshot, row: number, words: number): Int32Array {
  const cache = sentenceEndsOf(index);
  if (cache.at[row]! < 0) {
    const ends: number[] = [];
    let total = 0;
    for (const sentence of index.passages[row]!.text.split(SENTENCE_END)) {
      const n = analyze(sentence).length;
      if (n === 0) continue;
      total += n;
      ends.push(total);
    }
    const kept = total === words && ends.length > 0 ? ends : [words];
    if (cache.fill + kept.length + 1 > cache.pool.length) {
      const grown = new Int32Array(2 * (cache.pool.length + kept.length + 1));
      grown.set(cache.pool.subarray(0, cache.fill));
      cache.pool = grown;
    }
    cache.at[row] = cache.fill;
    cache.pool[cache.fill] = kept.length;
    cache.pool.set(kept, cache.fill + 1);
    cache.fill += kept.length + 1;
  }
  const at = cache.at[row]!;
  return cache.pool.subarray(at + 1, at + 1 + cache.pool[at]!);
}

export function sentenceFeatures(index: IndexSnapshot, search: ScoredSearch, rows: readonly number[]): number[][] {
  const mass = search.idfMass || 1;
  // Term number → the question words (bits) it may match.
  const bitsOf = new Map<number, number>();
  search.groupTerms.slice(0, 32).forEach((terms, k) => {
    for (const term of terms) {
      const id = index.lexical.termId(term);
      if (id >= 0) bitsOf.set(id, (bitsOf.get(id) ?? 0) | ((1 << k) >>> 0));
    }
  });
  return rows.map((row, position) => {
    if (position >= SENTENCE_CANDIDATES || bitsOf.size === 0) return [0];
    const words = passageWords(index, row);
    const ends = sentenceEnds(index, row, words.length);
    let best = 0;
    for (let s = 0, from = 0; s < ends.length; from = ends[s]!, s++) {
      let mask = 0;
      for (let i = from; i < ends[s]!; i++) mask |= bitsOf.get(words[i]!) ?? 0;
      best = Math.max(best, idfOfBits(search.termIdf, mask));
    }
    return [best / mass];
  });
}
