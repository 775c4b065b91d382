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
  /** Key number → its terms: termsOfKey.terms[offsets[key] … offsets[key + 1]). */
  termsOfKey: TermLists;
}

/** Lists of term numbers in one array (CSR): list k is terms[offsets[k] … offsets[k + 1]). */
export interface TermLists {
  offsets: Uint32Array;
  terms: Uint32Array;
}

/** The terms of each key, from each term's keys (`keysOf(term, add)` calls `add` once per key of the term). */
export function termLists(keys: number, terms: number, keysOf: (term: number, add: (key: number) => void) => void): TermLists {
  const offsets = new Uint32Array(keys + 1);
  for (let term = 0; term < terms; term++) keysOf(term, (key) => offsets[key + 1]!++);
  for (let key = 0; key < keys; key++) offsets[key + 1]! += offsets[key]!;
  const cursor = offsets.slice(0, keys);
  const list = new Uint32Array(offsets[keys]!);
  for (let term = 0; term < terms; term++) keysOf(term, (key) => (list[cursor[key]!++] = term));
  return { offsets, terms: list };
}

/**
 * Marks, in `marked` (a bit per term, cleared by the caller), every term of each key of `keys` (keys
 * numbered past the lists have no term): a question's keys mark the few passage words that can match
 * them, so a passage's other words are skipped on one bit read instead of a few table reads far apart
 * in memory (~1 µs of cache misses per word on a busy machine).
 */
export function markTerms(lists: TermLists, keys: Iterable<number>, marked: Uint32Array): void {
  for (const key of keys) {
    if (key < 0 || key + 1 >= lists.offsets.length) continue;
    for (let at = lists.offsets[key]!; at < lists.offsets[key + 1]!; at++) {
      const term = lists.terms[at]!;
      marked[term >>> 5]! |= 1 << (term & 31);
    }
  }
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
  const termsOfKey = termLists(keys.length, vocabulary.length, (term, add) => add(keyOf[term]!));
  return { keyOf, keys, idOf, termsOfKey };
});
