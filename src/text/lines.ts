/** Offsets where the lines of `text` start (line 1 starts at 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Index of the last of the ascending `starts` at or before `offset` (0 when none is): a binary search. */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The 1-based line holding `offset`, given the text's `lineStarts` (chunking asks once per passage). */
export function lineOf(starts: readonly number[], offset: number): number {
  return lastStartAtOrBefore(starts, offset) + 1;
}

/** The 1-based line of `offset` in `text`, for a one-off lookup. */
export function lineAt(text: string, offset: number): number {
  return lineOf(lineStarts(text), offset);
}

/**
 * The 1-based line of the last character of `slice.text` (which starts on `slice.line`); trailing breaks
 * do not count. A passage loaded from an index carries it as `lastLine`, recorded when it was written:
 * its text is read from disk only when shown, and ranking asks this of hundreds of passages per question.
 */
export function endLine(slice: { line: number; text: string; readonly lastLine?: number }): number {
  return slice.lastLine ?? slice.line + (slice.text.trimEnd().match(/\n/g)?.length ?? 0);
}

/** "line 9", or "lines 9–10" when the slice spans several lines, with "page 4 · " first for a paged document (PDF): people look the answer up by it. */
export function lineLabel(slice: { line: number; text: string; page?: number }): string {
  const last = endLine(slice);
  const lines = last > slice.line ? `lines ${slice.line}–${last}` : `line ${slice.line}`;
  return slice.page ? `page ${slice.page} · ${lines}` : lines;
}
