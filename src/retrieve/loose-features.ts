import { perIndex, type IndexSnapshot } from '../index/snapshot.js';
import { isArabicWord } from '../text/language.js';
import { hollowRootKey, rootKey } from '../text/root-key.js';
import { passageWordSpan } from './passage-words.js';
import { idfOfBits } from './term-bits.js';
import { RowMemo } from './row-memo.js';
import { markTerms, termLists, type TermLists } from './term-keys.js';
import { featureGroup, type FeatureGroup } from './feature-group.js';

/**
 * Evidence weaker than a root-key match, for question words a passage holds in none of the forms the
 * word and root features see: a one-letter preposition attached to a bare noun (لعام / عام, بترجمة),
 * a hollow root spelled with another long vowel or hamza seat (فاز / الفائزة / فوز), one word a
 * prefix of the other (نورمان / نورم). Measured on held-out folds (eval/JOURNAL.md); dictionary
 * synonyms read the same way did not help and are not used.
 */
export const LOOSE_FEATURES = [
  'looseCoverage', // share of the query's IDF mass the passage matches only loosely (not as written, not by root key)
  'looseContextCoverage', // … the passage or a neighbour matches only loosely
] as const;

/** Candidates read for loose evidence (in candidate order); later ones read 0. */
const LOOSE_CANDIDATES = 60;
/** Shorter words are not compared by prefix (too many collide). */
const MIN_PREFIX = 4;

/** The root key without long vowels or hamza after its first letter: فاز / فائز / فوز → فز. */
function hollowKey(key: string): string {
  return key.slice(0, 1) + key.slice(1).replace(/[اويء]/g, '');
}

/**
 * The keys a term is loosely known by; the first is its root key. Marked so no key type meets another. An `unknown`
 * question word (the collection never uses it as written) is also known by its hollow root: تعود → عود meets the
 * text's لعودة (لـ off) and العودة. Passage words are not: see hollowRootKey.
 */
function looseKeys(term: string, unknown = false): string[] {
  if (!isArabicWord(term)) return [];
  const key = rootKey(term);
  const keys = [key, `~${hollowKey(key)}`];
  const hollow = unknown ? hollowRootKey(term) : undefined;
  if (term.length >= 4 && /^[لبكف]/.test(term)) keys.push(rootKey(term.slice(1)));
  else if (hollow) keys.push(hollow);
  return keys;
}

/** Slots per term: root key, hollow key, root key without a preposition, opening letters (−1: none). */
const SLOTS = 4;
const UNREAD = -2;
/** Terms whose keys are read per slice of `prepareLooseKeys` before it yields (a few ms of work). */
const PREPARE_SLICE = 2000;

/**
 * Term number → its key numbers, filled when the index is prepared (or on first use): typed arrays rather
 * than per-question maps, which cost more to fill than the matching itself. `bitsOf` / `stampOf`: key
 * number → the question words (root, loose bits) it stands for, valid where `stampOf` holds the current
 * question's stamp (no Map per question); `openingAt`: key → its entry in the question's opening words.
 */
interface KeyTable {
  slots: Int32Array;
  ids: Map<string, number>;
  rootBitsOf: Int32Array;
  looseBitsOf: Int32Array;
  openingAt: Int32Array;
  stampOf: Int32Array;
  stamp: number;
  /** Key number → the vocabulary terms with that key in any slot (built once every term's keys are read). */
  termsOfKey: TermLists | null;
  /** A bit per term: set for the terms of the question's keys (markTerms), cleared as each question starts. */
  marked: Uint32Array;
}
const keyTables = perIndex(
  (index): KeyTable => ({
    slots: new Int32Array(0),
    ids: new Map(),
    rootBitsOf: new Int32Array(0),
    looseBitsOf: new Int32Array(0),
    openingAt: new Int32Array(0),
    stampOf: new Int32Array(0),
    stamp: 0,
    termsOfKey: null,
    marked: new Uint32Array((index.lexical.vocabulary().length + 31) >>> 5),
  }),
);

function keyId(table: KeyTable, key: string): number {
  let id = table.ids.get(key);
  if (id === undefined) table.ids.set(key, (id = table.ids.size));
  return id;
}

/** The term's keys (SLOTS numbers) in `out`; the opening is the first MIN_PREFIX letters. */
function readKeys(table: KeyTable, term: string, out: Int32Array, at: number, unknown = false): void {
  const keys = looseKeys(term, unknown);
  out[at] = keys[0] === undefined ? -1 : keyId(table, keys[0]);
  out[at + 1] = keys[1] === undefined ? -1 : keyId(table, keys[1]);
  out[at + 2] = keys[2] === undefined ? -1 : keyId(table, keys[2]);
  out[at + 3] = keys.length && term.length >= MIN_PREFIX ? keyId(table, `^${term.slice(0, MIN_PREFIX)}`) : -1;
}

function slotsOf(index: IndexSnapshot, table: KeyTable, term: number): number {
  if ((term + 1) * SLOTS > table.slots.length) {
    const grown = new Int32Array(Math.max(4096, 2 * (term + 1) * SLOTS)).fill(UNREAD);
    grown.set(table.slots);
    table.slots = grown;
  }
  const at = term * SLOTS;
  if (table.slots[at] === UNREAD) readKeys(table, index.lexical.termAt(term), table.slots, at);
  return at;
}

/**
 * Reads every vocabulary term's keys once, in slices that yield to the event loop, so that no question
 * computes keys for its candidates' words (~1 ms of an unseen question at 100k passages). The bot runs it
 * when it prepares an index; `stopped` ends it early.
 */
export async function prepareLooseKeys(index: IndexSnapshot, stopped: () => boolean = () => false): Promise<void> {
  const table = keyTables(index);
  const terms = index.lexical.vocabulary().length;
  for (let from = terms - 1; from >= 0 && !stopped(); from -= PREPARE_SLICE) {
    // Highest first: the slots grow to their full size once.
    for (let term = from; term > from - PREPARE_SLICE && term >= 0; term--) slotsOf(index, table, term);
    if (from >= PREPARE_SLICE) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!stopped()) keyLists(index, table);
}

/** Each key's terms, once every term's keys are read (any left are read now). */
function keyLists(index: IndexSnapshot, table: KeyTable): TermLists {
  if (table.termsOfKey) return table.termsOfKey;
  const terms = index.lexical.vocabulary().length;
  for (let term = terms - 1; term >= 0; term--) slotsOf(index, table, term);
  const slots = table.slots;
  table.termsOfKey = termLists(table.ids.size, terms, (term, add) => {
    for (let j = 0; j < SLOTS; j++) if (slots[term * SLOTS + j]! >= 0) add(slots[term * SLOTS + j]!);
  });
  return table.termsOfKey;
}

/** Makes the per-key arrays cover every key numbered so far (they only grow). */
function growKeys(table: KeyTable): void {
  const size = table.ids.size;
  if (table.stampOf.length >= size) return;
  const length = Math.max(4096, 2 * size);
  const grow = (from: Int32Array) => {
    const grown = new Int32Array(length);
    grown.set(from);
    return grown;
  };
  table.rootBitsOf = grow(table.rootBitsOf);
  table.looseBitsOf = grow(table.looseBitsOf);
  table.openingAt = grow(table.openingAt);
  table.stampOf = grow(table.stampOf);
}

/** Each row's masks for the question being read (questions are read one at a time). */
const memo = new RowMemo();

/** `groupTerms[k]` are the terms question word k may match, `termIdf[k]` its mass. */
export function looseFeatures(index: IndexSnapshot, rows: readonly number[], groupTerms: readonly string[][], termIdf: readonly number[], docOf: Int32Array): FeatureGroup {
  const table = keyTables(index);
  // With every term's keys listed (a prepared index), the question's keys mark the words that can match.
  const lists = table.termsOfKey;
  const mass = termIdf.reduce((a, b) => a + b, 0) || 1;
  const bit = (k: number) => (1 << k) >>> 0;
  const questionKeys: number[] = [];
  // Key number → the question words (bits) it stands for: root keys, loose keys, openings apart.
  const openingWords: Array<Array<{ k: number; term: string }>> = [];
  const own = new Int32Array(SLOTS);
  let arabic = 0;
  groupTerms.slice(0, 32).forEach((terms, k) => {
    for (const term of terms) {
      readKeys(table, term, own, 0, index.lexical.documentFrequency(term) === 0);
      if (own[0]! < 0) continue;
      arabic++;
      questionKeys.push(...own);
      growKeys(table);
      const stamp = table.stamp + 1;
      const mark = (key: number) => {
        if (table.stampOf[key] === stamp) return;
        table.stampOf[key] = stamp;
        table.rootBitsOf[key] = 0;
        table.looseBitsOf[key] = 0;
        table.openingAt[key] = -1;
      };
      mark(own[0]!);
      table.rootBitsOf[own[0]!]! |= bit(k);
      for (let j = 0; j < 3; j++) if (own[j]! >= 0) (mark(own[j]!), (table.looseBitsOf[own[j]!]! |= bit(k)));
      if (own[3]! >= 0) {
        mark(own[3]!);
        if (table.openingAt[own[3]!]! < 0) table.openingAt[own[3]!] = openingWords.push([]) - 1;
        openingWords[table.openingAt[own[3]!]!]!.push({ k, term });
      }
    }
  });
  const stamp = ++table.stamp;
  // Keys numbered after the question's (first met in a passage) are none of them: `known` bounds the stamp reads.
  const known = table.ids.size;
  const { rootBitsOf, looseBitsOf, openingAt, stampOf, marked } = table;
  marked.fill(0);
  if (lists) markTerms(lists, questionKeys, marked);
  const looseOf = (key: number) => (key >= 0 && key < known && stampOf[key] === stamp ? looseBitsOf[key]! : 0);
  const masks = memo;
  masks.clear();
  /** The row's root and loose masks, read once per question: then `masks.first()` and `masks.second()`. */
  const masksOf = (row: number): void => {
    if (masks.has(row)) return;
    let root = 0;
    let loose = 0;
    const { ids, start, end } = passageWordSpan(index, row);
    for (let i = start; i < end; i++) {
      const id = ids[i]!;
      // Only a marked term has one of the question's keys (unprepared: every term is looked at).
      if (id < 0 || (lists && !(marked[id >>> 5]! & (1 << (id & 31))))) continue;
      const at = slotsOf(index, table, id);
      const s = table.slots;
      const key = s[at]!;
      if (key < 0) continue;
      if (key < known && stampOf[key] === stamp) {
        root |= rootBitsOf[key]!;
        loose |= looseBitsOf[key]!;
      }
      loose |= looseOf(s[at + 1]!) | looseOf(s[at + 2]!);
      // One word a prefix of the other (نورمان / نورم): they share their opening letters.
      const opening = s[at + 3]!;
      if (opening >= 0 && opening < known && stampOf[opening] === stamp && openingAt[opening]! >= 0) {
        const word = index.lexical.termAt(id);
        for (const { k, term } of openingWords[openingAt[opening]!]!) if (word !== term && (word.startsWith(term) || term.startsWith(word))) loose |= bit(k);
      }
    }
    masks.set(row, root, loose);
  };
  return featureGroup(rows, LOOSE_FEATURES.length, (values, at, row, position) => {
    if (position >= LOOSE_CANDIDATES || arabic === 0) return;
    masksOf(row);
    const root = masks.first();
    const loose = masks.second();
    let contextRoot = root;
    let contextLoose = loose;
    for (let other = row - 1; other <= row + 1; other += 2) {
      if (other < 0 || other >= docOf.length || docOf[other] !== docOf[row]) continue;
      masksOf(other);
      contextRoot |= masks.first();
      contextLoose |= masks.second();
    }
    values[at] = idfOfBits(termIdf, loose & ~root) / mass;
    values[at + 1] = idfOfBits(termIdf, contextLoose & ~contextRoot) / mass;
  });
}
