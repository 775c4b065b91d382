/**
 * Word-level alignment of a quote against a stretch of document: semi-global (every quote word is
 * accounted for, the document side may start and end anywhere), scored like Smith-Waterman so that
 * matching words pull the alignment through small gaps ("… أستانا ، عاصمة كازاخستان ، بالجولة …").
 */

import type { Band } from './band.js';
import { trimEdges } from './edges.js';
import { isNearWord } from './near.js';
import type { Step, StepKind } from './steps.js';

export { bandFor, type Band } from './band.js';

export type { Step, StepKind } from './steps.js';

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

// Traceback states: M ends in a word pair, X in a quote word the document lacks, Y in a document word the quote lacks.
const M = 0, X = 1, Y = 2, START = 3;
const DIAG = 0, JOIN = 4, SPLIT = 8;
const NONE = -Infinity;


interface Rows {
  m: Float64Array;
  x: Float64Array;
  y: Float64Array;
  /** The best of the three at each column, and which state it is. */
  best: Float64Array;
  state: Uint8Array;
}

function rows(width: number): Rows {
  return { m: new Float64Array(width), x: new Float64Array(width), y: new Float64Array(width), best: new Float64Array(width), state: new Uint8Array(width) };
}

function settle(r: Rows, j: number): void {
  let state = M;
  let score = r.m[j]!;
  if (r.x[j]! > score) (state = X), (score = r.x[j]!);
  if (r.y[j]! > score) (state = Y), (score = r.y[j]!);
  r.best[j] = score;
  r.state[j] = state;
}

/** `whole` is `a` followed by `b` (a space dropped between two words). */
const joins = (a: string, b: string, whole: string) => a.length + b.length === whole.length && whole.startsWith(a) && whole.endsWith(b);

/**
 * Aligns `quote` (terms) to `doc` (terms) with affine gaps (Gotoh). Terms are compared after
 * normalization; a `join` covers a space added or removed ("ميستوراعن" / "ميستورا عن").
 * `sentenceStart[j]`: document word j begins a sentence (used to trim the ends).
 */
export function align(quote: string[], doc: string[], sentenceStart: boolean[] = []): Alignment {
  const run = alignInSlices(quote, doc, sentenceStart, Infinity);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/** DP cells per slice of `alignInSlices`: a few milliseconds of work. */
export const SLICE_CELLS = 20_000;

/**
 * `align`, pausing (yield) after about `sliceCells` DP cells, so that a caller can let other work
 * run between slices of one long alignment.
 */
export function* alignInSlices(
  quote: string[],
  doc: string[],
  sentenceStart: boolean[] = [],
  sliceCells = SLICE_CELLS,
  band: Band | null = null,
): Generator<void, Alignment> {
  const m = quote.length;
  const n = doc.length;
  const width = n + 1;
  const dirM = new Uint8Array((m + 1) * width);
  const dirX = new Uint8Array((m + 1) * width);
  const dirY = new Uint8Array((m + 1) * width);
  // Row 0 (and the rows before it, for joins): the match may start before any document word, at no cost.
  const start = rows(width);
  start.state.fill(START);
  const pool = [rows(width), rows(width), rows(width)];
  let sinceYield = 0;
  let cells = 0;
  let prev2 = start;
  let prev = start;
  // Word pairs are scored once per distinct pair (quotes repeat words, documents more so).
  const ids = new Map<string, number>();
  const id = (term: string) => {
    let value = ids.get(term);
    if (value === undefined) ids.set(term, (value = ids.size));
    return value;
  };
  const qIds = quote.map(id);
  const distinctQuote = ids.size;
  const dIds = doc.map(id);
  const distinct = ids.size;
  const terms = [...ids.keys()];
  const pairCode = new Uint8Array(distinctQuote * distinct); // 0 unknown, 1 match, 2 near, 3 mismatch
  const pairScore = (qi: number, dj: number) => {
    const at = qi * distinct + dj;
    let code = pairCode[at]!;
    if (code === 0) {
      const a = terms[qi]!;
      const b = terms[dj]!;
      code = qi === dj ? 1 : Math.abs(a.length - b.length) <= 1 && a.length + b.length > 5 && isNearWord(a, b) ? 2 : 3;
      pairCode[at] = code;
    }
    return code === 1 ? MATCH : code === 2 ? NEAR : MISMATCH;
  };
  const nearWord = (a: string, b: string) => pairScore(ids.get(a)!, ids.get(b)!) === NEAR;
  for (let i = 1; i <= m; i++) {
    const cur = pool[i % 3]!;
    const q = quote[i - 1]!;
    const qi = qIds[i - 1]!;
    const before = i >= 2 ? quote[i - 2]! : '';
    // Column 0: every quote word so far is missing from the document.
    cur.m[0] = NONE;
    cur.y[0] = NONE;
    cur.x[0] = prev.best[0]! + QUOTE_GAP;
    dirX[i * width] = prev.state[0]!;
    settle(cur, 0);
    const lo = band ? Math.max(1, i + band.offset - band.radius) : 1;
    const hi = band ? Math.min(n, i + band.offset + band.radius) : n;
    if (band) {
      // Cells just outside the band are read by this row and the next two: mark them unreachable.
      if (lo > hi) cur.best.fill(NONE, 1);
      for (const j of [lo - 2, lo - 1, hi + 1, hi + 2]) {
        if (j < 1 || j > n) continue;
        cur.m[j] = cur.x[j] = cur.y[j] = cur.best[j] = NONE;
      }
    }
    for (let j = lo; j <= hi; j++) {
      const d = doc[j - 1]!;
      const at = i * width + j;
      // M: a word pair (or a joined pair).
      const pair = pairScore(qi, dIds[j - 1]!);
      let mScore = prev.best[j - 1]! + pair;
      let mDir = DIAG | prev.state[j - 1]!;
      if (i >= 2 && joins(before, q, d) && prev2.best[j - 1]! + 2 * MATCH > mScore) {
        mScore = prev2.best[j - 1]! + 2 * MATCH;
        mDir = JOIN | prev2.state[j - 1]!;
      }
      if (j >= 2 && joins(doc[j - 2]!, d, q) && prev.best[j - 2]! + 2 * MATCH > mScore) {
        mScore = prev.best[j - 2]! + 2 * MATCH;
        mDir = SPLIT | prev.state[j - 2]!;
      }
      cur.m[j] = mScore;
      dirM[at] = mDir;
      // X: quote word i has no counterpart in the document.
      cur.x[j] = prev.best[j]! + QUOTE_GAP;
      dirX[at] = prev.state[j]!;
      // Y: document word j has no counterpart in the quote (open, or extend a run).
      let yScore = cur.best[j - 1]! + GAP_OPEN;
      let yDir = cur.state[j - 1]!;
      if (cur.y[j - 1]! + GAP_EXTEND > yScore) (yScore = cur.y[j - 1]! + GAP_EXTEND), (yDir = Y);
      cur.y[j] = yScore;
      dirY[at] = yDir;
      settle(cur, j);
    }
    prev2 = prev;
    prev = cur;
    sinceYield += Math.max(0, hi - lo + 1);
    cells += Math.max(0, hi - lo + 1);
    if (sinceYield >= sliceCells) {
      sinceYield = 0;
      yield;
    }
  }
  // The quote ends in a word pair or a quote word; a trailing document gap would only lower the score.
  let endJ = 0;
  let score = m === 0 ? 0 : prev.best[0]!;
  let endState = m === 0 ? START : prev.state[0]!;
  const endLo = band ? Math.max(1, m + band.offset - band.radius) : 1;
  const endHi = band ? Math.min(n, m + band.offset + band.radius) : n;
  for (let j = endLo; j <= endHi; j++) {
    if (prev.best[j]! > score) (score = prev.best[j]!), (endJ = j), (endState = prev.state[j]!);
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
  return { steps: trimEdges(steps, sentenceStart), score, cells };
}
