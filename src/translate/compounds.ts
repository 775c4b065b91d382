import type { DictdDictionary } from './dictd.js';
import { lemmaCandidates } from './lemma.js';

export interface Word {
  text: string;
  /** Capitalized somewhere other than the start of the question: probably a name. */
  capitalized: boolean;
  /** Shaped as a verb (isVerbShape): its translations are also asked in the present tense. */
  verb?: boolean;
}

/** Shortest part of a compound looked up on its own. */
const MIN_COMPOUND_PART = 3;

/**
 * A lower-case word the dictionary lacks, read as two words it knows (rainforest → rain forest,
 * seawater → sea water): the halves are asked as two words, the way Arabic writes them. Names are
 * left whole. The split with the longer shorter half wins (fishbowl → fish bowl, not fi shbowl).
 */
export function compoundParts(word: Word, dictionary: DictdDictionary): [Word, Word] | undefined {
  const text = word.text.toLowerCase();
  if (word.capitalized || text.length < 2 * MIN_COMPOUND_PART + 1 || !/^[a-z]+$/.test(text)) return undefined;
  const known = (w: string) => lemmaCandidates(w).some((f) => dictionary.has(f));
  if (known(text)) return undefined;
  let best: [Word, Word] | undefined;
  let bestShorter = 0;
  for (let cut = MIN_COMPOUND_PART; cut <= text.length - MIN_COMPOUND_PART; cut++) {
    const shorter = Math.min(cut, text.length - cut);
    if (shorter <= bestShorter || !dictionary.has(text.slice(0, cut)) || !known(text.slice(cut))) continue;
    best = [{ text: text.slice(0, cut), capitalized: false }, { text: text.slice(cut), capitalized: false }];
    bestShorter = shorter;
  }
  return best;
}
