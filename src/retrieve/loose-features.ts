import { perIndex, type IndexSnapshot } from '../index/snapshot.js';
import { isArabicWord } from '../text/language.js';
import { rootKey } from '../text/root-key.js';
import { passageWords } from './passage-words.js';
import { idfOfBits } from './term-bits.js';

/**
 * Evidence weaker than a root-key match, for question words a passage holds in none of the forms the
 * word and root features see: a one-letter preposition attached to a bare noun (لعام / عام, بترجمة),
 * a hollow root spelled with another long vowel or hamza seat (فاز / الفائزة / فوز), one word a
 * prefix of the other (نورمان / نورم). Measured on held-out folds (README, Measuring); dictionary
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

/** The keys a term is loosely known by; the first is its root key. Marked so no key type meets another. */
function looseKeys(term: string): string[] {
  if (!isArabicWord(term)) return [];
  const key = rootKey(term);
  const keys = [key, `~${hollowKey(key)}`];
  if (term.length >= 4 && /^[لبكف]/.test(term)) keys.push(rootKey(term.slice(1)));
  return keys;
}

/** Slots per term: root key, hollow key, root key without a preposition, opening letters (−1: none). */
const SLOTS = 4;
const UNREAD = -2;

/**
 * Term number → its key numbers, filled on first use (a question reads a few thousand terms): typed
 * arrays rather than per-question maps, which cost more to fill than the matching itself.
 */
interface KeyTable {
  slots: Int32Array;
  ids: Map<string, number>;
}
const keyTables = perIndex((): KeyTable => ({ slots: new Int32Array(0), ids: new Map() }));

function keyId(table: KeyTable, key: string): number {
  let id = table.ids.get(key);
  if (id === undefined) table.ids.set(key, (id = table.ids.size));
  return id;
}

/** The term's keys (SLOTS numbers) in `out`; the opening is the first MIN_PREFIX letters. */
function readKeys(table: KeyTable, term: string, out: Int32Array, at: number): void {
  const keys = looseKeys(term);
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

/** `groupTerms[k]` are the terms question word k may match, `termIdf[k]` its mass. */
export function looseFeatures(index: IndexSnapshot, rows: readonly number[], groupTerms: readonly string[][], termIdf: readonly number[], docOf: Int32Array): number[][] {
  const table = keyTables(index);
  const mass = termIdf.reduce((a, b) => a + b, 0) || 1;
  const bit = (k: number) => (1 << k) >>> 0;
  // Key number → the question words (bits) it stands for: root keys, loose keys, openings apart.
  const rootBits = new Map<number, number>();
  const looseBits = new Map<number, number>();
  const openingWords = new Map<number, Array<{ k: number; term: string }>>();
  const own = new Int32Array(SLOTS);
  let arabic = 0;
  groupTerms.slice(0, 32).forEach((terms, k) => {
    for (const term of terms) {
      readKeys(table, term, own, 0);
      if (own[0]! < 0) continue;
      arabic++;
      rootBits.set(own[0]!, (rootBits.get(own[0]!) ?? 0) | bit(k));
      for (let j = 0; j < 3; j++) if (own[j]! >= 0) looseBits.set(own[j]!, (looseBits.get(own[j]!) ?? 0) | bit(k));
      if (own[3]! >= 0) {
        const list = openingWords.get(own[3]!);
        if (list) list.push({ k, term });
        else openingWords.set(own[3]!, [{ k, term }]);
      }
    }
  });
  const masks = new Map<number, [number, number]>();
  const masksOf = (row: number): [number, number] => {
    let found = masks.get(row);
    if (found) return found;
    let root = 0;
    let loose = 0;
    for (const id of passageWords(index, row)) {
      if (id < 0) continue;
      const at = slotsOf(index, table, id);
      const s = table.slots;
      if (s[at]! < 0) continue;
      root |= rootBits.get(s[at]!) ?? 0;
      loose |= (looseBits.get(s[at]!) ?? 0) | (looseBits.get(s[at + 1]!) ?? 0) | (s[at + 2]! >= 0 ? (looseBits.get(s[at + 2]!) ?? 0) : 0);
      // One word a prefix of the other (نورمان / نورم): they share their opening letters.
      const sharing = s[at + 3]! >= 0 ? openingWords.get(s[at + 3]!) : undefined;
      if (sharing) {
        const word = index.lexical.termAt(id);
        for (const { k, term } of sharing) if (word !== term && (word.startsWith(term) || term.startsWith(word))) loose |= bit(k);
      }
    }
    masks.set(row, (found = [root, loose]));
    return found;
  };
  return rows.map((row, position) => {
    if (position >= LOOSE_CANDIDATES || arabic === 0) return [0, 0];
    const [root, loose] = masksOf(row);
    let contextRoot = root;
    let contextLoose = loose;
    for (let other = row - 1; other <= row + 1; other += 2) {
      if (other < 0 || other >= docOf.length || docOf[other] !== docOf[row]) continue;
      const [r, l] = masksOf(other);
      contextRoot |= r;
      contextLoose |= l;
    }
    return [idfOfBits(termIdf, loose & ~root) / mass, idfOfBits(termIdf, contextLoose & ~contextRoot) / mass];
  });
}
