import type { Bm25Index } from '../index/bm25.js';
import { perPart } from '../index/snapshot.js';
import { rootKey } from '../text/root-key.js';

/**
 * Every vocabulary term's root key (src/text/root-key.ts), numbered: one pass over the vocabulary per
 * loaded index (~0.3 s per 100k terms), made when the bot prepares an index, so that no question computes
 * a key for a passage word: keys computed on first use cost an unseen question ~1 ms at 100k passages.
 * Shared by the root leg (terms of a key) and the root and loose features (key of a term).
 */
export interface RootKeys {
  /** Term number → key number. */
  keyOf: Int32Array;
  /** Key number → key. */
  keys: string[];
  /** Key → key number (only keys of vocabulary terms). */
  idOf: Map<string, number>;
}

export const rootKeys = perPart((index: Bm25Index): RootKeys => {
  const vocabulary = index.vocabulary();
  const keyOf = new Int32Array(vocabulary.length);
  const keys: string[] = [];
  const idOf = new Map<string, number>();
  for (let term = 0; term < vocabulary.length; term++) {
    const key = rootKey(vocabulary[term]!);
    let id = idOf.get(key);
    if (id === undefined) {
      idOf.set(key, (id = keys.length));
      keys.push(key);
    }
    keyOf[term] = id;
  }
  return { keyOf, keys, idOf };
});
