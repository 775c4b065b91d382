import type { IndexSnapshot } from '../index/snapshot.js';
import { snapshotContext } from './features.js';
import { prepareLooseKeys } from './loose-features.js';
import { preparePassageWords } from './passage-words.js';
import { prepareRootLeg } from './root-leg.js';

/**
 * What ranking reads of an index, made before its first question rather than inside it: every vocabulary
 * term's root key (the root leg and features), every passage's words, every term's loose keys and the
 * pruned BM25 pass's facts about common terms (these three in slices that yield to the event loop). The
 * bot runs it after each load; `stopped` ends it early.
 */
export async function prepareRanking(index: IndexSnapshot, stopped: () => boolean = () => false): Promise<void> {
  prepareRootLeg(index.lexical);
  await preparePassageWords(index, stopped);
  await prepareLooseKeys(index, stopped);
  await index.lexical.prepareSearch(snapshotContext(index).docOf, stopped);
}
