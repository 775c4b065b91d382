/**
 * Word-level alignment of a quote against a stretch of document: semi-global (every quote word is
 * accounted for, the document side may start and end anywhere), scored like Smith-Waterman so that
 * matching words pull the alignment through small gaps ("… أستانا ، عاصمة كازاخستان ، بالجولة …").
 */

export type StepKind = 'match' | 'join' | 'near' | 'sub' | 'ins' | 'del';

/** One alignment step: quote words [q0, q1) against document words [d0, d1). */
export interface Step {
  kind: StepKind;
  q0: number;
  q1: number;
  d0: number;
  d1: number;
}

export interface Alignment {
  steps: Step[];
  score: number;
  /** DP cells computed (quote words × document words): the work this alignment cost. */
  cells: number;
}

const MATCH = 2;
/** A spelling variant of the same word (أستانا/أستانة, a clitic و): still a change, but it should align. */
const NEAR = 0.5;
const MISMATCH = -1;
/** A gap costs a bit more than a mismatch, so a changed word is reported as replaced, not dropped and added. */
const GAP = -1.2;
/** At the ends, a run of this many mismatches is commentary around the quote, not changed words. */
const EDGE_RUN = 3;

const D_DIAG = 1, D_UP = 2, D_LEFT = 3, D_JOIN = 4, D_SPLIT = 5, D_START = 6;

function levenshteinAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Same word up to one letter (long words) or a one-letter conjunction/preposition prefix. */
export function isNearWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length === short.length + 1 && short.length >= 2 && 'وفبل'.includes(long[0]!) && long.slice(1) === short) return true;
  return short.length >= 4 && levenshteinAtMostOne(a, b) && !/\d/.test(a + b);
}

/**
 * Aligns `quote` (terms) to `doc` (terms). Terms are compared after normalization; `join` covers a
 * space added or removed ("ميستوراعن" / "ميستورا عن").
 */
export function align(quote: string[], doc: string[], sentenceStart: boolean[] = []): Alignment {
  const m = quote.length;
  const n = doc.length;
  const width = n + 1;
  const dir = new Uint8Array((m + 1) * width);
  let prev2 = new Float64Array(width);
  let prev = new Float64Array(width); // row 0: the match may start before any document word, free
  let cur = new Float64Array(width);
  for (let j = 0; j <= n; j++) dir[j] = D_START;
  const near = new Map<string, boolean>();
  const nearWord = (a: string, b: string) => {
    const key = a + '\u0000' + b;
    let value = near.get(key);
    if (value === undefined) near.set(key, (value = isNearWord(a, b)));
    return value;
  };
  for (let i = 1; i <= m; i++) {
    const q = quote[i - 1]!;
    cur[0] = prev[0]! + GAP;
    dir[i * width] = D_UP;
    for (let j = 1; j <= n; j++) {
      const d = doc[j - 1]!;
      const pair = q === d ? MATCH : q.length + d.length > 5 && nearWord(q, d) ? NEAR : MISMATCH;
      let best = prev[j - 1]! + pair;
      let how = D_DIAG;
      const up = prev[j]! + GAP;
      if (up > best) (best = up), (how = D_UP);
      const left = cur[j - 1]! + GAP;
      if (left > best) (best = left), (how = D_LEFT);
      if (i >= 2 && q.length < d.length && quote[i - 2]! + q === d && prev2[j - 1]! + 2 * MATCH > best) (best = prev2[j - 1]! + 2 * MATCH), (how = D_JOIN);
      if (j >= 2 && d.length < q.length && doc[j - 2]! + d === q && prev[j - 2]! + 2 * MATCH > best) (best = prev[j - 2]! + 2 * MATCH), (how = D_SPLIT);
      cur[j] = best;
      dir[i * width + j] = how;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let endJ = 0;
  for (let j = 1; j <= n; j++) if (prev[j]! > prev[endJ]!) endJ = j;
  const score = prev[endJ]!;

  const steps: Step[] = [];
  let i = m;
  let j = endJ;
  while (i > 0) {
    const how = dir[i * width + j];
    if (how === D_DIAG) {
      const kind: StepKind = quote[i - 1] === doc[j - 1] ? 'match' : nearWord(quote[i - 1]!, doc[j - 1]!) ? 'near' : 'sub';
      steps.push({ kind, q0: i - 1, q1: i, d0: j - 1, d1: j });
      i--, j--;
    } else if (how === D_UP) {
      steps.push({ kind: 'ins', q0: i - 1, q1: i, d0: j, d1: j });
      i--;
    } else if (how === D_LEFT) {
      steps.push({ kind: 'del', q0: i, q1: i, d0: j - 1, d1: j });
      j--;
    } else if (how === D_JOIN) {
      steps.push({ kind: 'join', q0: i - 2, q1: i, d0: j - 1, d1: j });
      i -= 2, j--;
    } else {
      steps.push({ kind: 'join', q0: i - 1, q1: i, d0: j - 2, d1: j });
      i--, j -= 2;
    }
  }
  steps.reverse();
  return { steps: trimEdges(steps, sentenceStart), score, cells: m * n };
}

const anchors = (s: Step) => s.kind === 'match' || s.kind === 'join' || s.kind === 'near';

/**
 * Before the first and after the last matching word, a long run of mismatches is text around the
 * quote (commentary) lined up against unrelated document words: count it as added, not replaced.
 */
function trimEdges(steps: Step[], sentenceStart: boolean[]): Step[] {
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
