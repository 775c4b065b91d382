import type { Step } from './steps.js';

/** At the ends, a run of this many mismatches is commentary around the quote, not changed words. */
const EDGE_RUN = 4;

const anchors = (s: Step) => s.kind === 'match' || s.kind === 'join' || s.kind === 'near';

/**
 * Before the first and after the last matching word, a long run of mismatches is text around the
 * quote (commentary) lined up against unrelated document words: count it as added, not replaced.
 */
export function trimEdges(steps: Step[], sentenceStart: boolean[]): Step[] {
  const first = steps.findIndex(anchors);
  if (first < 0) return steps;
  let last = steps.length - 1;
  while (!anchors(steps[last]!)) last--;
  const from = steps[first]!.d0;
  const to = steps[last]!.d1;
  // A replaced word is never taken from another sentence: "…لمدة يومين. في" is not where "ثلاثة أيام" came from.
  let headLimit = -1;
  for (let j = from; j > 0 && headLimit < 0; j--) if (sentenceStart[j]) headLimit = j;
  let tailLimit = Infinity;
  for (let j = to; j < sentenceStart.length && tailLimit === Infinity; j++) if (sentenceStart[j]) tailLimit = j;
  // Commentary words become insertions at the span's edge (before the first / after the last match).
  const edge = (part: Step[], at: number, outside: (s: Step) => boolean) => {
    const whole = part.filter((s) => s.kind === 'sub').length >= EDGE_RUN;
    return part
      .filter((s) => !(s.kind === 'del' && (whole || outside(s))))
      .map((s) => (s.kind === 'sub' && (whole || outside(s)) ? { ...s, kind: 'ins' as const, d0: at, d1: at } : s));
  };
  const head = edge(steps.slice(0, first), from, (s) => s.d0 < headLimit);
  const tail = edge(steps.slice(last + 1), to, (s) => s.d0 >= tailLimit);
  return [...head, ...steps.slice(first, last + 1), ...tail];
}
