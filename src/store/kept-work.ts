import path from 'node:path';
import type { Bm25Index } from '../index/bm25.js';
import { indexCorrupt } from '../index/index-file.js';
import type { IndexSnapshot, KeptWork, PassageWordIds } from '../index/snapshot.js';
import { readExtracted, readExtractedPages } from './extracted-files.js';
import { WORDS_FILE } from './word-files.js';

/**
 * A generation's per-file work, from its passages, lexical index and words (already read). Each
 * passage's words must be as many as the lexical index counted for it, every one a term of it: words
 * of another index would be indexed under the wrong terms (INDEX_CORRUPT, and everything is analyzed).
 */
export async function keptWork(dir: string, passages: IndexSnapshot['passages'], lexical: Bm25Index, words: PassageWordIds): Promise<KeptWork> {
  const { offsets, ids } = words;
  const lengths = lexical.documentLengths;
  let ok = offsets.length === lengths.length + 1;
  for (let row = 0; ok && row < lengths.length; row++) ok = offsets[row + 1]! - offsets[row]! === lengths[row];
  for (let i = 0; ok && i < ids.length; i++) ok = ids[i]! >= 0;
  if (!ok) throw indexCorrupt(path.join(dir, WORDS_FILE), 'disagrees with the lexical index');
  return { passages, vocabulary: lexical.vocabulary(), words, pages: await readExtractedPages(dir), generation: dir, texts: () => readExtracted(dir) };
}
