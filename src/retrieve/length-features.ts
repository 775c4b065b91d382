import type { IndexSnapshot } from '../index/snapshot.js';
import { MAX_PASSAGE_CHARS } from '../types.js';
import { featureGroup, type FeatureGroup } from './feature-group.js';

/**
 * The passage's length as evidence of its own. BM25's b 0.3 (chosen on held-out folds) leaves most of
 * the length normalization out, so a short passage that names the question's words once in passing
 * (a caption, a one-sentence aside) could outrank the full paragraph that answers; with its length
 * the ranker learns the prior itself (eval/JOURNAL.md, ranking changes: +3 −0 held-out questions at hit@1, Arabic;
 * the features tried beside it and dropped are listed there).
 */
export const LENGTH_FEATURES = [
  'passageLength', // the passage's characters over MAX_PASSAGE_CHARS (at most 1)
] as const;

/**
 * A passage's text is its source's characters start…end (the citation contract, checked at load), so
 * its length is the span's: a served passage's `text` is a disk read and a string per candidate.
 */
export function lengthFeatures(index: IndexSnapshot, rows: readonly number[]): FeatureGroup {
  return featureGroup(rows, LENGTH_FEATURES.length, (values, at, row) => {
    const passage = index.passages[row]!;
    values[at] = Math.min(1, (passage.end - passage.start) / MAX_PASSAGE_CHARS);
  });
}
