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
/**
 * A gap costs a bit more than a mismatch, so a changed word is reported as replaced, not dropped and
 * added. Document words the quote skips are an affine gap (each further word costs little), so a
 * quote that drops a whole clause still lines up with its sentence; words the quote adds cost the
 * full price each, so changed words at its ends stay replacements.
 */
const GAP_OPEN = -1.2;
const GAP_EXTEND = -0.4;
const QUOTE_GAP = -1.2;
/** At the ends, a run of this many mismatches is commentary around the quote, not changed words. */
const EDGE_RUN = 4;

// Traceback states: M ends in a word pair, X in a quote word the document lacks, Y in a document word the quote lacks.
const M = 0, X = 1, Y = 2, START = 3;
const DIAG = 0, JOIN = 4, SPLIT = 8;
const NONE = -Infinity;

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

interface Rows {
  m: Float64Array;
  x: Float64Array;
  y: Float64Array;
}

const rows = (width: number): Rows => ({ m: new Float64Array(width).fill(NONE), x: new Float64Array(width).fill(NONE), y: new Float64Array(width).fill(NONE) });

/** The best state at column j of a row, and its score. */
function best(r: Rows, j: number): [number, number] {
  let state = M;
  let score = r.m[j]!;
  if (r.x[j]! > score) (state = X), (score = r.x[j]!);
  if (r.y[j]! > score) (state = Y), (score = r.y[j]!);
  return [state, score];
}

/**
 * Aligns `quote` (terms) to `doc` (terms) with affine gaps (Gotoh). Terms are compared after
 * normalization; a `join` covers a space added or removed ("ميستوراعن" / "ميستورا عن").
 * `sentenceStart[j]`: document word j begins a sentence (used to trim the ends).
 */
export function align(quote: string[], doc: string[], sentenceStart: boolean[] = []): Alignment {
  const m = quote.length;
  const n = doc.length;
  const width = n + 1;
  const dirM = new Uint8Array((m + 1) * width);
  const dirX = new Uint8Array((m + 1) * width);
  const dirY = new Uint8Array((m + 1) * width);
  let prev2 = rows(width);
  let prev = rows(width);
  let cur = rows(width);
  // Row 0: the match may start before any document word, at no cost.
  prev.m.fill(0);
  const near = new Map<string, boolean>();
  const nearWord = (a: string, b: string) => {
    const key = a + '\u0000' + b;
    let value = near.get(key);
    if (value === undefined) near.set(key, (value = isNearWord(a, b)));
    return value;
  };
  for (let i = 1; i <= m; i++) {
    const q = quote[i - 1]!;
    cur.m.fill(NONE);
    cur.y.fill(NONE);
    // Column 0: every quote word so far is missing from the document.
    const [fromState, fromScore] = i === 1 ? [START, 0] : [X, prev.x[0]!];
    cur.x[0] = fromScore + QUOTE_GAP;
    dirX[i * width] = fromState;
    for (let j = 1; j <= n; j++) {
      const d = doc[j - 1]!;
      const at = i * width + j;
      // M: a word pair (or a joined pair).
      const pair = q === d ? MATCH : q.length + d.length > 5 && nearWord(q, d) ? NEAR : MISMATCH;
      let [state, score] = i === 1 ? [START, 0] : best(prev, j - 1);
      let mScore = score + pair;
      let mDir = DIAG | state;
      if (i >= 2 && q.length < d.length && quote[i - 2]! + q === d) {
        [state, score] = i === 2 ? [START, 0] : best(prev2, j - 1);
        if (score + 2 * MATCH > mScore) (mScore = score + 2 * MATCH), (mDir = JOIN | state);
      }
      if (j >= 2 && d.length < q.length && doc[j - 2]! + d === q) {
        [state, score] = i === 1 ? [START, 0] : best(prev, j - 2);
        if (score + 2 * MATCH > mScore) (mScore = score + 2 * MATCH), (mDir = SPLIT | state);
      }
      cur.m[j] = mScore;
      dirM[at] = mDir;
      // X: quote word i has no counterpart (open from the best state above, or extend).
      [state, score] = i === 1 ? [START, 0] : best(prev, j);
      const xScore = score + QUOTE_GAP;
      const xDir = state;
      cur.x[j] = xScore;
      dirX[at] = xDir;
      // Y: document word j has no counterpart in the quote.
      const left = best(cur, j - 1);
      let yScore = left[1] + GAP_OPEN;
      let yDir = left[0];
      if (cur.y[j - 1]! + GAP_EXTEND > yScore) (yScore = cur.y[j - 1]! + GAP_EXTEND), (yDir = Y);
      cur.y[j] = yScore;
      dirY[at] = yDir;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  // The quote ends in a word pair or a quote word; a trailing document gap would only lower the score.
  let endJ = 0;
  let [endState, score] = m === 0 ? [START, 0] : best(prev, 0);
  for (let j = 1; j <= n; j++) {
    const [state, s] = best(prev, j);
    if (s > score) (score = s), (endJ = j), (endState = state);
  }

  const steps: Step[] = [];
  let i = m;
  let j = endJ;
  let state = endState;
  while (i > 0 && state !== START) {
    const at = i * width + j;
    if (state === M) {
      const code = dirM[at]!;
      const how = code & 12;
      if (how === JOIN) {
        steps.push({ kind: 'join', q0: i - 2, q1: i, d0: j - 1, d1: j });
        i -= 2, j--;
      } else if (how === SPLIT) {
        steps.push({ kind: 'join', q0: i - 1, q1: i, d0: j - 2, d1: j });
        i--, j -= 2;
      } else {
        const kind: StepKind = quote[i - 1] === doc[j - 1] ? 'match' : nearWord(quote[i - 1]!, doc[j - 1]!) ? 'near' : 'sub';
        steps.push({ kind, q0: i - 1, q1: i, d0: j - 1, d1: j });
        i--, j--;
      }
      state = code & 3;
    } else if (state === X) {
      steps.push({ kind: 'ins', q0: i - 1, q1: i, d0: j, d1: j });
      state = dirX[at]!;
      i--;
    } else {
      steps.push({ kind: 'del', q0: i, q1: i, d0: j - 1, d1: j });
      state = dirY[at]!;
      j--;
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
