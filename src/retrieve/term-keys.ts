import type { Bm25Index } from '../index/bm25.js';
import { perPart } from '../index/snapshot.js';
import { rootKey } from '../text/root-key.js';

/**
 * Vocabulary terms' root keys (src/text/root-key.ts), numbered: read on first use, or all at once when
 * the bot prepares an index (`completeRootKeys`, ~0.3 s per 100k terms), which also lists each key's
 * terms so a question's keys can mark the passage words that may match them. A one-shot terminal
 * question reads only the keys of its candidates' words, as a question always did.
 * Shared by the root leg (terms of a key) and the root and loose features (key of a term).
 */
export interface RootKeys {
  /** Term number → key number; −1 until read. */
  keyOf: Int32Array;
  /** Key number → key. */
  keys: string[];
  /** Key → key number (keys of the terms read so far, and of questions). */
  idOf: Map<string, number>;
  /** Key number → its terms, once every term's key is read (`completeRootKeys`); null until then. */
  termsOfKey: TermLists | null;
}

export const rootKeys = perPart(
  (index: Bm25Index): RootKeys => ({ keyOf: new Int32Array(index.vocabulary().length).fill(-1), keys: [], idOf: new Map(), termsOfKey: null }),
);

/** The number of `key`, numbered now if new. */
export function keyNumber(table: RootKeys, key: string): number {
  let id = table.idOf.get(key);
  if (id === undefined) {
    table.idOf.set(key, (id = table.keys.length));
    table.keys.push(key);
  }
  return id;
}

/** The key number of term `term` (read now if it was not). */
export function keyOfTerm(index: Bm25Index, table: RootKeys, term: number): number {
  let id = table.keyOf[term]!;
  if (id < 0) table.keyOf[term] = id = keyNumber(table, rootKey(index.termAt(term)));
  return id;
}

/** Every term's key read, and each key's terms listed (once per index). */
export function completeRootKeys(index: Bm25Index): RootKeys & { termsOfKey: TermLists } {
  const table = rootKeys(index);
  if (!table.termsOfKey) {
    const terms = table.keyOf.length;
    for (let term = 0; term < terms; term++) keyOfTerm(index, table, term);
    table.termsOfKey = termLists(table.keys.length, terms, (term, add) => add(table.keyOf[term]!));
  }
  return table as RootKeys & { termsOfKey: TermLists };
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

