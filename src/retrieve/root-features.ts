import { perIndex, type IndexSnapshot } from '../index/snapshot.js';
import { rootKey } from '../text/root-key.js';
import { passageWordSpan } from './passage-words.js';
import { PROXIMITY_WINDOW, idfOfBits } from './term-bits.js';
import { RowMemo } from './row-memo.js';
import { keyNumber, keyOfTerm, markTerms, rootKeys } from './term-keys.js';
import { featureGroup, type FeatureGroup } from './feature-group.js';

/**
 * Root-level evidence (src/text/root-key.ts): the question's words matched through their root key,
 * so a passage that says the noun where the question says the verb (بالسفر / يسافر) gets credit the
 * word leg cannot give. Read from the candidates' words only (bounded work per question); the
 * collection's index is unchanged.
 */
export const ROOT_FEATURES = [
  'rootCoverage', // share of the question's IDF mass whose root key is in the passage
  'rootContextCoverage', // … in the passage or a neighbour
  'rootProximity', // the most root-matched IDF mass inside any 12 consecutive words, over the query's mass
] as const;

/** Candidates read for root evidence (in candidate order); later ones read 0. */
const ROOT_CANDIDATES = 60;

/**
 * Key number → the question words it stands for, valid where `stampOfKey` holds the current question's
 * stamp (no clearing, no Map per question). Keys are numbered in term-keys.ts.
 */
interface KeyStamps {
  bitsOfKey: Int32Array;
  stampOfKey: Int32Array;
  stamp: number;
  /** A bit per term: set for the terms of the question's keys (markTerms), cleared as each question starts. */
  marked: Uint32Array;
}

const keyStamps = perIndex((index): KeyStamps => {
  const terms = index.lexical.vocabulary().length;
  return { bitsOfKey: new Int32Array(0), stampOfKey: new Int32Array(0), stamp: 0, marked: new Uint32Array((terms + 31) >>> 5) };
});

/** Makes the per-key arrays cover `size` keys (they only grow; the keys of terms read lazily keep coming). */
function growKeys(table: KeyStamps, size: number): void {
  if (table.stampOfKey.length >= size) return;
  const length = Math.max(1024, 2 * size);
  const bits = new Int32Array(length);
  const stamps = new Int32Array(length);
  bits.set(table.bitsOfKey);
  stamps.set(table.stampOfKey);
  table.bitsOfKey = bits;
  table.stampOfKey = stamps;
}

/** Each row's mask for the question being read (questions are read one at a time). */
const memo = new RowMemo();

/**
 * Root features of each row in `rows` (0 past ROOT_CANDIDATES). `groupTerms[k]` are the terms question
 * word k may match, `termIdf[k]` its mass; `docOf` keeps neighbours within the passage's document.
 */
export function rootFeatures(
  index: IndexSnapshot,
  rows: readonly number[],
  groupTerms: readonly string[][],
  termIdf: readonly number[],
  docOf: Int32Array,
): FeatureGroup {
  const keys = rootKeys(index.lexical);
  const table = keyStamps(index);
  const questionKeyIds: number[] = [];
  const mass = termIdf.reduce((a, b) => a + b, 0) || 1;
  // Key number → the question words (bits) it stands for.
  const stamp = ++table.stamp;
  let questionKeys = 0;
  groupTerms.slice(0, 32).forEach((terms, k) => {
    for (const term of terms) {
      const id = keyNumber(keys, rootKey(term));
      growKeys(table, id + 1);
      if (table.stampOfKey[id] !== stamp) (table.stampOfKey[id] = stamp), (table.bitsOfKey[id] = 0), questionKeys++, questionKeyIds.push(id);
      table.bitsOfKey[id]! |= 1 << k;
    }
  });
  const { marked } = table;
  // With every term's key listed (a prepared index), the question's keys mark the words that can match.
  const lists = keys.termsOfKey;
  marked.fill(0);
  if (lists) markTerms(lists, questionKeyIds, marked);
  let bits = new Int32Array(256);
  /** Words of the row `readRow` read last. */
  let readLength = 0;
  /** Fills `bits` with the question words each of the row's words stands for; returns their OR. */
  const readRow = (row: number): number => {
    const { ids, start, end } = passageWordSpan(index, row);
    readLength = end - start;
    if (bits.length < readLength) bits = new Int32Array(readLength);
    let mask = 0;
    for (let i = start; i < end; i++) {
      const term = ids[i]!;
      // Only a marked term has one of the question's keys (unprepared: every term is looked at).
      const key = term < 0 || (lists && !(marked[term >>> 5]! & (1 << (term & 31)))) ? -1 : keyOfTerm(index.lexical, keys, term);
      // A key numbered after the question's (first met in this passage) is none of them.
      const b = key >= 0 && key < table.stampOfKey.length && table.stampOfKey[key] === stamp ? table.bitsOfKey[key]! : 0;
      bits[i - start] = b;
      mask |= b;
    }
    return mask;
  };
  const maskOf = memo;
  maskOf.clear();
  const rowMask = (row: number): number => {
    if (maskOf.has(row)) return maskOf.first();
    const mask = readRow(row);
    maskOf.set(row, mask);
    return mask;
  };
  return featureGroup(rows, ROOT_FEATURES.length, (values, at, row, position) => {
    if (position >= ROOT_CANDIDATES || questionKeys === 0) return;
    const own = readRow(row);
    maskOf.set(row, own);
    let best = 0;
    const length = readLength;
    for (let i = 0; own && i < length; i++) {
      if (!bits[i]) continue;
      let window = 0;
      for (let j = i; j < Math.min(length, i + PROXIMITY_WINDOW); j++) window |= bits[j]!;
      best = Math.max(best, idfOfBits(termIdf, window));
    }
    let context = own;
    for (let other = row - 1; other <= row + 1; other += 2) if (other >= 0 && other < docOf.length && docOf[other] === docOf[row]) context |= rowMask(other);
    values[at] = idfOfBits(termIdf, own) / mass;
    values[at + 1] = idfOfBits(termIdf, context) / mass;
    values[at + 2] = best / mass;
  });
}
