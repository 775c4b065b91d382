/**
 * Chat English misspells the long words of a news question (recieve, goverment, negotations, seperate): one letter
 * dropped, doubled, swapped with its neighbour or mistyped. Such a word has no dictionary entry, so it was searched
 * only as written and its meaning was lost. Read as the one headword a single such edit reaches, when exactly one
 * does: two candidates (sheep / sheet) are a guess, not a correction. Short words are left alone (too many words lie
 * one letter apart), and so are capitalized ones (names: the collection's spelling of them is matched instead).
 */

/** Shortest word read as a misspelling: under this, one edit reaches too many other words. */
export const MIN_MISSPELT_LENGTH = 6;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The headword one edit away from `word` when exactly one is; undefined otherwise (or when the word is not lower-case Latin). */
export function correctedHeadword(word: string, has: (headword: string) => boolean): string | undefined {
  if (word.length < MIN_MISSPELT_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  const found = new Set<string>();
  for (const candidate of oneEditAway(word)) if (candidate !== word && has(candidate)) found.add(candidate);
  return found.size === 1 ? [...found][0] : undefined;
}

/** Every string one deletion, adjacent swap, substitution or insertion away from `word`. */
function* oneEditAway(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail.length > 0) yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const letter of LETTERS) {
      if (tail.length > 0) yield head + letter + tail.slice(1);
      yield head + letter + tail;
    }
  }
}
