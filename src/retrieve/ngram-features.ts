import type { IndexSnapshot } from '../index/snapshot.js';
import type { ScoredSearch } from '../index/bm25.js';
import { isArabicWord } from '../text/language.js';
import { rootKey } from '../text/root-key.js';
import { passageWordSpan } from './passage-words.js';
import { keyNumber, keyOfTerm, rootKeys } from './term-keys.js';
import { featureGroup, type FeatureGroup } from './feature-group.js';

/**
 * Character trigram evidence for the question words a passage holds neither as written (stem) nor by
 * root key: another form of the word (الاستقلال / استقلت, a derived pattern or a broken plural the
 * root key does not reach) still shares many of its letter triples with it. Each such word counts with
 * the share of its trigrams (`^word$`, word-bounded) found in the passage's words, times its IDF.
 * Measured on held-out folds (eval/JOURNAL.md); the same with the neighbours, trigram or 4-gram Dice
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

/**
 * A set of integers for one question (open addressing, kept at most half full): entries are stamped
 * with the question's number, so a new question starts empty without clearing.
 */
class QuestionSet {
  private readonly keys: Int32Array;
  private readonly stamps: Uint32Array;
  private readonly shift: number;
  private entries = 0;
  private stamp = 0;
  /** Whether the last `slot` call added its key. */
  added = false;

  constructor(bits: number) {
    this.keys = new Int32Array(1 << bits);
    this.stamps = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** Empties the set for the next question. */
  next(): void {
    if (++this.stamp === 0xffffffff) (this.stamps.fill(0), (this.stamp = 1));
    this.entries = 0;
  }

  /** The key's slot (0 … 2^bits − 1), added when `add` and there is room; −1 otherwise. */
  slot(key: number, add: boolean): number {
    const size = this.keys.length;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    this.added = false;
    while (this.stamps[at] === this.stamp) {
      if (this.keys[at] === key) return at;
      at = (at + 1) & (size - 1);
    }
    if (!add || this.entries >= size / 2) return -1;
    this.entries++;
    this.stamps[at] = this.stamp;
    this.keys[at] = key;
    this.added = true;
    return at;
  }
}

/** The question's trigrams: each entry's question terms (bits) holding it, and the row read last that holds it. */
const grams = new QuestionSet(10);
const termsOf = new Uint32Array(1 << 10);
const seenIn = new Int32Array(1 << 10);

/** The trigram's entry, added when `add` and the table has room; −1 otherwise. */
function entryOf(gram: number, add: boolean): number {
  const at = grams.slot(gram, add);
  if (grams.added) (termsOf[at] = 0), (seenIn[at] = -1);
  return at;
}

/**
 * Passage words already read this question that share no trigram with it: the 40 candidates repeat
 * most of their words, and most words share none.
 */
const foreign = new QuestionSet(13);

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
export function ngramFeatures(index: IndexSnapshot, search: ScoredSearch, rows: readonly number[]): FeatureGroup {
  const lexical = index.lexical;
  const termIdf = search.termIdf;
  const mass = termIdf.reduce((a, b) => a + b, 0) || 1;
  const roots = rootKeys(lexical);
  grams.next();
  foreign.next();
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
  return featureGroup(rows, NGRAM_FEATURES.length, (values, at, row, position) => {
    if (position >= NGRAM_CANDIDATES || count === 0) return;
    // Question words the passage matches as written (the word leg's bits) or, below, by root key.
    let matched = search.termMaskOf(row);
    const { ids, start, end } = passageWordSpan(index, row);
    for (let w = start; w < end; w++) {
      const id = ids[w]!;
      if (id < 0 || foreign.slot(id, false) >= 0) continue;
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
        foreign.slot(id, true);
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
    values[at] = sum / mass;
  });
}
