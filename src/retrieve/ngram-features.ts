import type { IndexSnapshot } from '../index/snapshot.js';
import type { ScoredSearch } from '../index/bm25.js';
import { isArabicWord } from '../text/language.js';
import { rootKey } from '../text/root-key.js';
import { passageWordSpan } from './passage-words.js';
import { keyNumber, keyOfTerm, rootKeys } from './term-keys.js';

/**
 * Character trigram evidence for the question words a passage holds neither as written (stem) nor by
 * root key: another form of the word (الاستقلال / استقلت, a derived pattern or a broken plural the
 * root key does not reach) still shares many of its letter triples with it. Each such word counts with
 * the share of its trigrams (`^word$`, word-bounded) found in the passage's words, times its IDF.
 * Measured on held-out folds (README, Measuring); the same with the neighbours, trigram or 4-gram Dice
 * of the single best passage word, and a Dice floor measured lower.
 */
export const NGRAM_FEATURES = [
  'ngramCoverage', // Σ over question words the passage does not match: IDF × share of the word's trigrams in the passage, over the query's mass
] as const;

/** Candidates read (in candidate order); later ones read 0. */
const NGRAM_CANDIDATES = 40;
/** Question words shorter than this (after stemming) are not read: their few trigrams are everywhere. */
const MIN_LENGTH = 3;
/** Question terms read (a word may have several, e.g. an English word's translations); each is a bit. */
const MAX_TERMS = 32;
/** Letter codes: ء–ي are 1–42, then the word's start and end. */
const START = 43;
const END = 44;
const ALPHABET = 45;

/** The question's trigrams (open addressing, stamped per question): trigram → the question terms (bits) holding it. */
const TABLE = 1024;
const gramOf = new Int32Array(TABLE);
const questionOf = new Uint32Array(TABLE);
const termsOf = new Uint32Array(TABLE);
/** Per entry: the row read last that holds the trigram. */
const seenIn = new Int32Array(TABLE);
let question = 0;
let entries = 0;

/** The trigram's entry, added when `add` and the table has room (kept at most half full); −1 otherwise. */
function entryOf(gram: number, add: boolean): number {
  let at = Math.imul(gram, 0x9e3779b1) >>> 22; // 10 bits: TABLE entries
  while (questionOf[at] === question) {
    if (gramOf[at] === gram) return at;
    at = (at + 1) & (TABLE - 1);
  }
  if (!add || entries >= TABLE / 2) return -1;
  entries++;
  questionOf[at] = question;
  gramOf[at] = gram;
  termsOf[at] = 0;
  seenIn[at] = -1;
  return at;
}

/**
 * Passage words already read this question that share no trigram with it (stamped per question, open
 * addressing, kept at most half full): the 40 candidates repeat most of their words, and most words share none.
 */
const FOREIGN = 8192;
const foreignId = new Int32Array(FOREIGN);
const foreignQuestion = new Uint32Array(FOREIGN);
let foreignEntries = 0;

/** Whether word `id` is known to share no trigram with the question; when not, and `add`, remembers it. */
function foreign(id: number, add: boolean): boolean {
  let at = Math.imul(id, 0x9e3779b1) >>> 19; // 13 bits: FOREIGN entries
  while (foreignQuestion[at] === question) {
    if (foreignId[at] === id) return true;
    at = (at + 1) & (FOREIGN - 1);
  }
  if (add && foreignEntries < FOREIGN / 2) {
    foreignEntries++;
    foreignQuestion[at] = question;
    foreignId[at] = id;
  }
  return false;
}

let letters = new Int32Array(64);
/** Letter codes of `^term$` into `letters`; their count, or −1 for a term with a letter outside ء–ي. */
function readLetters(term: string): number {
  if (letters.length < term.length + 2) letters = new Int32Array(2 * term.length + 2);
  letters[0] = START;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    if (code < 0x0621 || code > 0x064a) return -1;
    letters[i + 1] = code - 0x0620;
  }
  letters[term.length + 1] = END;
  return term.length + 2;
}
const trigramAt = (i: number) => (letters[i]! * ALPHABET + letters[i + 1]!) * ALPHABET + letters[i + 2]!;

/** `ngramCoverage` of each row (0 past NGRAM_CANDIDATES). */
export function ngramFeatures(index: IndexSnapshot, search: ScoredSearch, rows: readonly number[]): number[][] {
  const lexical = index.lexical;
  const termIdf = search.termIdf;
  const mass = termIdf.reduce((a, b) => a + b, 0) || 1;
  const roots = rootKeys(lexical);
  if (++question === 0xffffffff) (questionOf.fill(0), foreignQuestion.fill(0), (question = 1));
  entries = 0;
  foreignEntries = 0;
  // Term j of the question: its word (bit), root key and trigram entries.
  const wordOf: number[] = [];
  const rootOf: number[] = [];
  const gramsOf: number[][] = [];
  search.groupTerms.slice(0, 32).forEach((terms, k) => {
    for (const term of terms) {
      if (wordOf.length >= MAX_TERMS || term.length < MIN_LENGTH || !isArabicWord(term)) continue;
      const j = wordOf.length;
      const n = readLetters(term);
      const own: number[] = [];
      for (let i = 0; i + 3 <= n; i++) {
        const e = entryOf(trigramAt(i), true);
        if (e < 0 || termsOf[e]! & (1 << j)) continue;
        termsOf[e]! |= 1 << j;
        own.push(e);
      }
      wordOf.push(k);
      rootOf.push(keyNumber(roots, rootKey(term)));
      gramsOf.push(own);
    }
  });
  const count = wordOf.length;
  const best = new Float64Array(32);
  return rows.map((row, position) => {
    if (position >= NGRAM_CANDIDATES || count === 0) return [0];
    // Question words the passage matches as written (the word leg's bits) or, below, by root key.
    let matched = search.termMaskOf(row);
    const { ids, start, end } = passageWordSpan(index, row);
    for (let w = start; w < end; w++) {
      const id = ids[w]!;
      if (id < 0 || foreign(id, false)) continue;
      const n = readLetters(lexical.termAt(id));
      let holds = 0;
      for (let i = 0; i + 3 <= n; i++) {
        const e = entryOf(trigramAt(i), false);
        if (e < 0) continue;
        seenIn[e] = row;
        holds |= termsOf[e]!;
      }
      // A word sharing no trigram with a question term is not its root-key match either (same letters).
      if (holds === 0) {
        foreign(id, true);
        continue;
      }
      const key = keyOfTerm(lexical, roots, id);
      for (let j = 0; j < count; j++) if (holds & (1 << j) && key === rootOf[j]) matched |= 1 << wordOf[j]!;
    }
    // A word with several terms (an English word's translations) counts its best.
    best.fill(0);
    for (let j = 0; j < count; j++) {
      let seen = 0;
      for (const e of gramsOf[j]!) if (seenIn[e] === row) seen++;
      if (gramsOf[j]!.length) best[wordOf[j]!] = Math.max(best[wordOf[j]!]!, seen / gramsOf[j]!.length);
    }
    let sum = 0;
    for (let k = 0; k < Math.min(32, termIdf.length); k++) if (!(matched & (1 << k))) sum += termIdf[k]! * best[k]!;
    return [sum / mass];
  });
}
