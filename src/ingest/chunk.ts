import { createHash } from 'node:crypto';
import { lineOf, lineStarts } from '../text/lines.js';
import { MAX_PASSAGE_CHARS, type Document, type Passage } from '../types.js';

export interface ChunkOptions {
  /** Passages grow segment by segment up to about this many characters. */
  targetChars: number;
  /** Below this, a passage keeps absorbing segments even across a line break. */
  minChars: number;
  /** Hard ceiling; a longer sentence is cut at a space. */
  maxChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetChars: MAX_PASSAGE_CHARS, minChars: 100, maxChars: MAX_PASSAGE_CHARS };

/** Bumped whenever chunking changes: passages (and their ids) change, so the index must be rebuilt. */
export const CHUNKER_VERSION = 4;

interface Segment {
  start: number;
  end: number;
  /** The break before this segment is a line break or a numbered item ("2 - …"), which we prefer to cut at. */
  afterLineBreak: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', '\u061F', '\u061B', '\u2026']); // . ! ? ؟ ؛ …
const CLOSERS = new Set(['"', "'", '\u201D', '\u2019', ')', ']', '»', '\u00BB']);
const NUMBERED_ITEM = /^\d{1,3} ?[-–.)] /;
const LIST_MARKERS = new Set(['\u2022', '\u25CF', '\u25AA', '-', '*']); // • ● ▪ - *

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/**
 * Positions where a new segment may begin: after sentence ends, after line breaks, and between
 * list items (the Latin ", " that separates items in scraped lists like seed 004, and bullets).
 */
function segmentBoundaries(text: string): Array<{ at: number; lineBreak: boolean }> {
  const cuts: Array<{ at: number; lineBreak: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      cuts.push({ at: i + 1, lineBreak: true });
      continue;
    }
    if (SENTENCE_END.has(ch)) {
      let j = i + 1;
      while (j < text.length && (CLOSERS.has(text[j]!) || text[j] === ',')) j++;
      // "والنظام.والتقى": scraped Arabic often drops the space after a full stop.
      if (j >= text.length || isSpace(text[j]) || (ch === '.' && isLetter(text[j]) && isLetter(text[i - 1]))) {
        cuts.push({ at: j, lineBreak: false });
      }
      continue;
    }
    if (ch === ',' && text[i + 1] === ' ') {
      cuts.push({ at: i + 1, lineBreak: false });
      continue;
    }
    if (LIST_MARKERS.has(ch) && (i === 0 || isSpace(text[i - 1])) && text[i + 1] === ' ') {
      // Cut before the bullet so each item starts with its marker.
      if (ch === '\u2022' || ch === '\u25CF' || ch === '\u25AA') cuts.push({ at: i, lineBreak: false });
    }
  }
  return cuts;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return [start, end];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Splits an over-long range at spaces; a run with no space at all is cut hard, but never inside a surrogate pair. */
function splitLong(text: string, start: number, end: number, maxChars: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  while (end - from > maxChars) {
    let cut = text.lastIndexOf(' ', from + maxChars);
    if (cut <= from + maxChars / 2) {
      // No space in the second half of the window: look a little further, else cut hard.
      const next = text.indexOf(' ', from + maxChars);
      cut = next !== -1 && next < from + maxChars * 1.5 && next < end ? next : from + maxChars;
      if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    }
    const [s, e] = trimRange(text, from, cut);
    if (e > s) pieces.push([s, e]);
    from = cut;
  }
  const [s, e] = trimRange(text, from, end);
  if (e > s) pieces.push([s, e]);
  return pieces;
}

function segments(text: string, maxChars: number): Segment[] {
  const result: Segment[] = [];
  let from = 0;
  let afterLineBreak = true;
  const push = (to: number, nextAfterLineBreak: boolean) => {
    const [s, e] = trimRange(text, from, to);
    if (e > s) {
      // A numbered item heads the bullets that follow it: start a passage there so they stay together.
      const numbered = NUMBERED_ITEM.test(text.slice(s, s + 8));
      splitLong(text, s, e, maxChars).forEach(([ps, pe], k) =>
        result.push({ start: ps, end: pe, afterLineBreak: k === 0 && (afterLineBreak || numbered) }),
      );
      afterLineBreak = nextAfterLineBreak;
    } else {
      afterLineBreak = afterLineBreak || nextAfterLineBreak;
    }
    from = to;
  };
  for (const cut of segmentBoundaries(text)) if (cut.at > from) push(cut.at, cut.lineBreak);
  push(text.length, false);
  return result;
}

export function passageId(source: string, text: string, occurrence: number): string {
  return createHash('sha256').update(`${source}\u0000${text}\u0000${occurrence}`).digest('hex').slice(0, 12);
}

/**
 * Cuts a document into passages at sentence and list-item boundaries. Every non-space character of
 * the document lands in exactly one passage, and `passage.text === document.text.slice(start, end)`.
 */
export function chunkDocument(document: Document, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Passage[] {
  const { text, source, pages } = document;
  const starts = lineStarts(text);
  // A passage never runs from one page into the next: its citation names one page.
  const pageOf = (offset: number) => (pages ? lineOf(pages, offset) : 0);
  const ranges: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  for (const segment of segments(text, options.maxChars)) {
    if (current) {
      const length = current[1] - current[0];
      const merged = segment.end - current[0];
      const preferBreak = segment.afterLineBreak && length >= options.minChars;
      if (pageOf(segment.start) !== pageOf(current[0]) || merged > options.maxChars || preferBreak || (length >= options.minChars && merged > options.targetChars)) {
        ranges.push(current);
        current = null;
      }
    }
    current = current ? [current[0], segment.end] : [segment.start, segment.end];
  }
  if (current) ranges.push(current);

  const seen = new Map<string, number>();
  return ranges.map(([start, end]) => {
    const passageText = text.slice(start, end);
    const occurrence = seen.get(passageText) ?? 0;
    seen.set(passageText, occurrence + 1);
    const line = lineOf(starts, start);
    const page = pageOf(start);
    return {
      id: passageId(source, passageText, occurrence),
      source,
      start,
      end,
      ...(page ? { line: line - lineOf(starts, pages![page - 1]!) + 1, page } : { line }),
      text: passageText,
    };
  });
}
