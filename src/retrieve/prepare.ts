import type { IndexSnapshot } from '../index/snapshot.js';
import { snapshotContext } from './features.js';
import { prepareLooseKeys } from './loose-features.js';
import { preparePassageWords } from './passage-words.js';
import { newsWordGroups } from './query-terms.js';
import { searchDepth } from './answer.js';
import { completeRootKeys } from './term-keys.js';
import { variantMatcherFor } from './variant-leg.js';
import { warmVariantLegs } from './warm-legs.js';

/**
 * What ranking reads of an index, made before its first question rather than inside it: every vocabulary
 * term's root key (the root leg and features), every passage's words, every term's loose keys and the
 * pruned BM25 pass's facts about common terms (these three in slices that yield to the event loop), and the
 * variant leg's spelling matcher (otherwise built inside the first question with an unknown word: ~0.5 s
 * at 100k passages), the news words' groups of alternatives searched once (the pruned pass keeps what each adds to
 * the documents' sums: reading that is every posting of the group's words, ~1 ms at 100k passages, otherwise paid by
 * the first question with the word), then the variant legs' BM25 passes warmed (warm-legs.ts). The bot runs it after each load;
 * `stopped` ends it early.
 */
export async function prepareRanking(index: IndexSnapshot, stopped: () => boolean = () => false): Promise<void> {
  completeRootKeys(index.lexical);
  await preparePassageWords(index, stopped);
  await prepareLooseKeys(index, stopped);
  await index.lexical.prepareSearch(snapshotContext(index).docOf, stopped);
  // One blocking step, after a turn of the event loop so a waiting question goes first.
  await new Promise((resolve) => setImmediate(resolve));
  if (!stopped()) variantMatcherFor(index.lexical);
  const { docOf, docs } = snapshotContext(index);
  for (const group of newsWordGroups(index.lexical)) {
    if (stopped()) return;
    index.lexical.searchScored([group], searchDepth(), docOf, docs);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await warmVariantLegs(index, stopped);
}
