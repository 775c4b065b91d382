import { normalizeWithMap, originalSpan, tokenize } from '../text/normalize.js';
import type { Passage } from '../types.js';

export interface Word {
  term: string;
  start: number;
  end: number;
}

export function words(text: string): Word[] {
  const { text: normalized, map } = normalizeWithMap(text);
  return tokenize(normalized).map((t) => {
    const [start, end] = originalSpan(map, t.start, t.end);
    return { term: t.term, start, end };
  });
}

/** Consecutive passages of one document, as one stretch of its text. */
export interface Region {
  source: string;
  /** File offset of `text`. */
  start: number;
  line: number;
  text: string;
  passages: Passage[];
}

