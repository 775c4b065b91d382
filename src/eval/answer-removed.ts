import type { Passage } from '../types.js';
import type { GoldQuestion } from './gold.js';
import { isHit } from './metrics.js';

/**
 * A second kind of negative for the refusal (issue 9): an answerable question asked of its own article
 * with the passages holding its gold span removed (`passage`), or those and their neighbours in the same
 * file (`neighbours`). The article and its topical words stay, the answer goes: the shape of the on-topic
 * questions users ask that the collection does not answer, which questions asked without their whole
 * article never show the refusal.
 */
export const ANSWER_REMOVED = ['off', 'passage', 'neighbours'] as const;
export type AnswerRemoved = (typeof ANSWER_REMOVED)[number];
/** What `npm run fit` trains on, and the eval's cross-validation with it. */
export const DEFAULT_ANSWER_REMOVED: AnswerRemoved = 'off';

/**
 * Rows of the passages to remove for `question`, or null when no passage holds its gold text. Every
 * passage of the article holding the gold text goes, not only the one the span was taken from: an answer
 * restated elsewhere in the article would make the negative's label wrong.
 */
export function answerPassages(passages: readonly Passage[], question: GoldQuestion, how: Exclude<AnswerRemoved, 'off'>): Set<number> | null {
  const removed = new Set<number>();
  passages.forEach((p, i) => {
    if (isHit(p, question.gold)) removed.add(i);
  });
  if (removed.size === 0) return null;
  if (how === 'neighbours') {
    for (const i of [...removed]) {
      for (const j of [i - 1, i + 1]) if (passages[j]?.source === passages[i]!.source) removed.add(j);
    }
  }
  return removed;
}
