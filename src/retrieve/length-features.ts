import type { IndexSnapshot } from '../index/snapshot.js';

/**
 * The passage's length as evidence of its own. BM25's b 0.3 (chosen on held-out folds) leaves most of
 * the length normalization out, so a short passage that names the question's words once in passing
 * (a caption, a one-sentence aside) could outrank the full paragraph that answers; with its length
 * the ranker learns the prior itself (README, Measuring: +3 −0 held-out questions at hit@1, Arabic).
 * (Tried beside it and dropped, no held-out gain: the question's first content word or its rarest word
 * in the passage itself rather than with its neighbours, the passage's matched IDF over its best
 * neighbour's, and the share of matched question-word pairs in the question's order.)
 */
export const LENGTH_FEATURES = [
  'passageLength', // the passage's characters over LONGEST_PASSAGE (at most 1)
] as const;

/** The chunker's longest passage (src/ingest/chunk.ts, maxChars; retrieve does not import ingest). */
const LONGEST_PASSAGE = 600;

export function lengthFeatures(index: IndexSnapshot, rows: readonly number[]): number[][] {
  return rows.map((row) => [Math.min(1, index.passages[row]!.text.length / LONGEST_PASSAGE)]);
}
