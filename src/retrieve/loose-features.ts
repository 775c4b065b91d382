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

/** Term number → its loose keys as numbers (string keys cost a hash per word read), filled on first use. */
interface KeyTable {
  keysOfTerm: Map<number, Int32Array>;
  ids: Map<string, number>;
}
const keyTables = perIndex((): KeyTable => ({ keysOfTerm: new Map(), ids: new Map() }));

function keyIds(table: KeyTable, term: string): Int32Array {
  return Int32Array.from(looseKeys(term), (key) => {
    let id = table.ids.get(key);
    if (id === undefined) table.ids.set(key, (id = table.ids.size));
    return id;
  });
}

/** `groupTerms[k]` are the terms question word k may match, `termIdf[k]` its mass. */
export function looseFeatures(index: IndexSnapshot, rows: readonly number[], groupTerms: readonly string[][], termIdf: readonly number[], docOf: Int32Array): number[][] {
  const table = keyTables(index);
  const mass = termIdf.reduce((a, b) => a + b, 0) || 1;
  const bit = (k: number) => (1 << k) >>> 0;
  const rootBits = new Map<number, number>();
  const looseBits = new Map<number, number>();
  const arabic: Array<{ k: number; term: string }> = [];
  groupTerms.slice(0, 32).forEach((terms, k) => {
    for (const term of terms) {
      const keys = keyIds(table, term);
      if (keys.length === 0) continue;
      arabic.push({ k, term });
      rootBits.set(keys[0]!, (rootBits.get(keys[0]!) ?? 0) | bit(k));
      for (const key of keys) looseBits.set(key, (looseBits.get(key) ?? 0) | bit(k));
    }
  });
  // Question words each term of the collection extends or shortens (نورمان / نورم), once per term per question.
  const prefixBitsOf = new Map<number, number>();
  const prefixBits = (id: number): number => {
    let bits = prefixBitsOf.get(id);
    if (bits === undefined) {
      bits = 0;
      const word = index.lexical.termAt(id);
      if (word.length >= MIN_PREFIX) {
        for (const { k, term } of arabic) if (term.length >= MIN_PREFIX && word !== term && (word.startsWith(term) || term.startsWith(word))) bits |= bit(k);
      }
      prefixBitsOf.set(id, bits);
    }
    return bits;
  };
  const masks = new Map<number, [number, number]>();
  const masksOf = (row: number): [number, number] => {
    let found = masks.get(row);
    if (found) return found;
    let root = 0;
    let loose = 0;
    for (const id of passageWords(index, row)) {
      if (id < 0) continue;
      let keys = table.keysOfTerm.get(id);
      if (!keys) table.keysOfTerm.set(id, (keys = keyIds(table, index.lexical.termAt(id))));
      if (keys.length === 0) continue;
      root |= rootBits.get(keys[0]!) ?? 0;
      for (const key of keys) loose |= looseBits.get(key) ?? 0;
      loose |= prefixBits(id);
    }
    masks.set(row, (found = [root, loose]));
    return found;
  };
  return rows.map((row, position) => {
    if (position >= LOOSE_CANDIDATES || arabic.length === 0) return [0, 0];
    const [root, loose] = masksOf(row);
    let contextRoot = root;
    let contextLoose = loose;
    for (const other of [row - 1, row + 1]) {
      if (other < 0 || other >= docOf.length || docOf[other] !== docOf[row]) continue;
      const [r, l] = masksOf(other);
      contextRoot |= r;
      contextLoose |= l;
    }
    return [idfOfBits(termIdf, loose & ~root) / mass, idfOfBits(termIdf, contextLoose & ~contextRoot) / mass];
  });
}
