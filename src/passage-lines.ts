import type { Passage } from './types.js';

/** The 1-based line of the last character of `text` (a slice starting on `line`); trailing breaks do not count. */
export function endLine(slice: Pick<Passage, 'line' | 'text'>): number {
  return slice.line + (slice.text.trimEnd().match(/\n/g)?.length ?? 0);
}

/** "line 9", or "lines 9–10" when the slice spans several lines: people look the answer up by it. */
export function lineLabel(slice: Pick<Passage, 'line' | 'text'>): string {
  const last = endLine(slice);
  return last > slice.line ? `lines ${slice.line}–${last}` : `line ${slice.line}`;
}
