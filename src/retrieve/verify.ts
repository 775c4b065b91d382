import { analyze } from '../text/analyze.js';
import { lineAt } from '../text/lines.js';
import { normalizeWithMap, originalSpan, tokenize } from '../text/normalize.js';
import type { IndexSnapshot } from '../index/snapshot.js';
import type { Passage } from '../types.js';

export interface QuoteMatch {
  /** The real text of the source at the matched location (a slice of the file). */
  source: string;
  start: number;
  end: number;
  line: number;
  text: string;
}

export interface VerifyResult {
  verdict: 'verbatim' | 'close' | 'not_found';
  /** The passage containing the match (for its id), when found. */
  passage: Passage | null;
  match: QuoteMatch | null;
  /** 0..1 similarity of the quoted text to `match.text` after normalization. */
  similarity: number;
}

/** At or above this, a quote that is not verbatim is reported as a close paraphrase of the source. */
export const CLOSE_SIMILARITY = 0.75;
const CANDIDATES = 20;

interface Word {
  term: string;
  /** Offsets in the passage's original text. */
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const { text: normalized, map } = normalizeWithMap(text);
  return tokenize(normalized).map((t) => {
    const [start, end] = originalSpan(map, t.start, t.end);
    return { term: t.term, start, end };
  });
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** A misspelt word (one or two letters off) costs half an edit; a different word costs one. */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  const longest = Math.max(a.length, b.length);
  return longest >= 4 && levenshtein(a, b) / longest <= 0.25 ? 0.5 : 1;
}

/**
 * Best approximate occurrence of `quote` inside `text` (Sellers' algorithm over words: the match may
 * start anywhere). Returns the edit cost and the matched word range.
 */
function bestWindow(quote: string[], text: Word[]): { cost: number; first: number; last: number } | null {
  if (text.length === 0) return null;
  const n = quote.length;
  // Row 0: an empty quote matches before any text word at no cost, which lets the match start anywhere.
  let previous = Array.from({ length: text.length + 1 }, (_, j) => ({ cost: 0, start: j }));
  for (let i = 1; i <= n; i++) {
    const current = [{ cost: i, start: 0 }];
    for (let j = 1; j <= text.length; j++) {
      const substitute = { cost: previous[j - 1]!.cost + substitutionCost(quote[i - 1]!, text[j - 1]!.term), start: previous[j - 1]!.start };
      const skipQuoteWord = { cost: previous[j]!.cost + 1, start: previous[j]!.start };
      const skipTextWord = { cost: current[j - 1]!.cost + 1, start: current[j - 1]!.start };
      let best = substitute;
      if (skipQuoteWord.cost < best.cost) best = skipQuoteWord;
      if (skipTextWord.cost < best.cost) best = skipTextWord;
      current.push(best);
    }
    previous = current;
  }
  let bestJ = 1;
  for (let j = 1; j <= text.length; j++) if (previous[j]!.cost < previous[bestJ]!.cost) bestJ = j;
  const first = Math.min(previous[bestJ]!.start, bestJ - 1);
  return { cost: previous[bestJ]!.cost, first, last: bestJ - 1 };
}

/** The words exactly as written (diacritics, hamza forms and all), ignoring spacing and punctuation. */
const writtenWords = (s: string) => (s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ');

/**
 * Finds where a quoted message comes from, despite diacritics, hamza/alef forms, spacing and small
 * edits. The match is always reported as the real text of the source passage.
 */
export function verifyQuote(snapshot: IndexSnapshot, quoted: string): VerifyResult {
  const quoteTerms = tokenize(normalizeWithMap(quoted).text).map((t) => t.term);
  const notFound: VerifyResult = { verdict: 'not_found', passage: null, match: null, similarity: 0 };
  if (quoteTerms.length === 0) return notFound;

  const rows = snapshot.lexical.search(analyze(quoted), CANDIDATES).map((h) => h.row);
  let best: { passage: Passage; cost: number; start: number; end: number } | null = null;
  for (const row of rows) {
    const passage = snapshot.passages[row]!;
    const passageWords = words(passage.text);
    const window = bestWindow(quoteTerms, passageWords);
    if (!window) continue;
    if (!best || window.cost < best.cost) {
      best = { passage, cost: window.cost, start: passageWords[window.first]!.start, end: passageWords[window.last]!.end };
    }
    if (best.cost === 0) break;
  }
  if (!best) return notFound;
  const similarity = Math.max(0, 1 - best.cost / quoteTerms.length);
  const { passage } = best;
  const matchText = passage.text.slice(best.start, best.end);
  const match = {
    source: passage.source,
    start: passage.start + best.start,
    end: passage.start + best.end,
    line: passage.line + lineAt(passage.text, best.start) - 1,
    text: matchText,
  };
  if (writtenWords(matchText) === writtenWords(quoted)) return { verdict: 'verbatim', passage, match, similarity: 1 };
  if (similarity >= CLOSE_SIMILARITY) return { verdict: 'close', passage, match, similarity: Math.round(similarity * 100) / 100 };
  return { ...notFound, similarity: Math.round(similarity * 100) / 100 };
}
