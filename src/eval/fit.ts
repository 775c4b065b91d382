import type { CandidateSet } from '../retrieve/features.js';
import { logistic, rankCandidates, resultFeatures, withSquares, type Logistic, type RankerWeights } from '../retrieve/ranker.js';

/**
 * Fits ranker-weights.json by plain gradient descent (Adam), no dependencies:
 * - the ranker: a linear score over candidate features, trained listwise (softmax over a question's
 *   candidates, maximizing the probability of the passages that hold the gold answer);
 * - `answerable`: logistic on the #1 result, answerable questions against questions asked of a
 *   collection that lacks their article; its threshold keeps `keepAnswerable` of answerable ones;
 * - `confidence`: logistic on each of the top results, "does this passage hold the answer".
 */

export interface Example {
  set: CandidateSet;
  /** Per candidate (same order as set.candidates): does it hold a gold answer. All false when unanswerable. */
  hits: boolean[];
  answerable: boolean;
  /** The article the question is about (the cross-validation fold). */
  fold: string;
  /**
   * What the example teaches: `ranking` (an answerable question over the full collection), `refusal`
   * (the same question over a collection missing another article), or both (default). The refusal and
   * confidence models learn from collections that all miss one article, so nothing that merely
   * reflects the collection's size (one article fewer) can tell them which questions are answerable.
   */
  teaches?: 'ranking' | 'refusal';
  /** A refusal negative asked of its own article without the passages holding its answer (answer-removed.ts). */
  answerRemoved?: boolean;
}

export interface FitOptions {
  /** Share of answerable training questions the refusal threshold keeps. */
  keepAnswerable: number;
  /** Results per question the confidence model learns from. */
  depth: number;
  iterations: number;
  /** The refusal's logistic reads twice the features (squares too) and needs more steps to settle. */
  refusalIterations: number;
  l2: number;
  /** The ranker learns from each question's first candidates only (the tail rarely holds the answer). */
  trainCandidates: number;
  /** Whether the refusal learns from answer-removed negatives when the examples hold them. */
  answerRemoved: boolean;
}

export const DEFAULT_FIT: FitOptions = { keepAnswerable: 0.985, depth: 5, iterations: 150, refusalIterations: 300, l2: 1e-3, trainCandidates: 40, answerRemoved: false };

interface Scaling {
  mean: number[];
  scale: number[];
}

function scaling(rows: readonly number[][], width: number): Scaling {
  const mean = new Array<number>(width).fill(0);
  const sq = new Array<number>(width).fill(0);
  for (const r of rows) for (let j = 0; j < width; j++) mean[j]! += r[j]!;
  for (let j = 0; j < width; j++) mean[j]! /= rows.length || 1;
  for (const r of rows) for (let j = 0; j < width; j++) sq[j]! += (r[j]! - mean[j]!) ** 2;
  const scale = sq.map((s) => Math.sqrt(s / (rows.length || 1)) || 1);
  return { mean, scale };
}

/** Adam over a weight vector, given a function that returns the gradient of the loss. */
function adam(width: number, iterations: number, gradient: (w: number[]) => number[], rate = 0.05): number[] {
  const w = new Array<number>(width).fill(0);
  const m = new Array<number>(width).fill(0);
  const v = new Array<number>(width).fill(0);
  for (let t = 1; t <= iterations; t++) {
    const g = gradient(w);
    for (let j = 0; j < width; j++) {
      m[j] = 0.9 * m[j]! + 0.1 * g[j]!;
      v[j] = 0.999 * v[j]! + 0.001 * g[j]! ** 2;
      w[j]! -= (rate * (m[j]! / (1 - 0.9 ** t))) / (Math.sqrt(v[j]! / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  return w;
}

/** Rows standardized into one flat array (fast inner loops), plus a constant 1 column when `bias`. */
function flatten(rows: readonly (readonly number[])[], width: number, s: Scaling, bias: boolean): Float64Array {
  const stride = width + (bias ? 1 : 0);
  const x = new Float64Array(rows.length * stride);
  rows.forEach((r, i) => {
    for (let j = 0; j < width; j++) x[i * stride + j] = (r[j]! - s.mean[j]!) / s.scale[j]!;
    if (bias) x[i * stride + width] = 1;
  });
  return x;
}

export function fitRanker(examples: readonly Example[], options: FitOptions = DEFAULT_FIT): Record<string, number> {
  const usable = examples
    .map((e) => ({ ...e, set: { ...e.set, candidates: e.set.candidates.slice(0, options.trainCandidates) }, hits: e.hits.slice(0, options.trainCandidates) }))
    .filter((e) => e.hits.some(Boolean) && e.hits.some((h) => !h));
  if (usable.length === 0) return {};
  const names = usable[0]!.set.names;
  const width = names.length;
  const rows = usable.flatMap((e) => e.set.candidates.map((c) => c.values));
  const s = scaling(rows, width);
  const x = flatten(rows, width, s, false);
  const hit = Uint8Array.from(usable.flatMap((e) => e.hits.map((h) => (h ? 1 : 0))));
  const starts = [0];
  for (const e of usable) starts.push(starts.at(-1)! + e.set.candidates.length);
  const scores = new Float64Array(rows.length);
  const w = adam(width, options.iterations, (w) => {
    const g = w.map((wj) => options.l2 * wj);
    for (let i = 0; i < rows.length; i++) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += x[i * width + j]! * w[j]!;
      scores[i] = sum;
    }
    for (let l = 0; l < usable.length; l++) {
      const from = starts[l]!;
      const to = starts[l + 1]!;
      let max = -Infinity;
      for (let i = from; i < to; i++) max = Math.max(max, scores[i]!);
      let total = 0;
      let positive = 0;
      for (let i = from; i < to; i++) {
        const e = Math.exp(scores[i]! - max);
        scores[i] = e;
        total += e;
        if (hit[i]) positive += e;
      }
      // d(−log Σ_pos p)/d score_i = p_i − [hit_i]·e_i/Σ_pos e
      for (let i = from; i < to; i++) {
        const c = (scores[i]! / total - (hit[i] ? scores[i]! / positive : 0)) / usable.length;
        for (let j = 0; j < width; j++) g[j]! += c * x[i * width + j]!;
      }
    }
    return g;
  });
  return Object.fromEntries(names.map((n, j) => [n, w[j]! / s.scale[j]!]));
}

export function fitLogistic(names: readonly string[], rows: readonly number[][], labels: readonly boolean[], options: FitOptions = DEFAULT_FIT): Logistic {
  const width = names.length;
  const stride = width + 1;
  const s = scaling(rows, width);
  const x = flatten(rows, width, s, true);
  const w = adam(stride, options.iterations, (w) => {
    const g = w.map((wj, j) => (j < width ? options.l2 * wj : 0));
    for (let i = 0; i < rows.length; i++) {
      let z = 0;
      for (let j = 0; j < stride; j++) z += x[i * stride + j]! * w[j]!;
      const error = (1 / (1 + Math.exp(-z)) - (labels[i] ? 1 : 0)) / rows.length;
      for (let j = 0; j < stride; j++) g[j]! += error * x[i * stride + j]!;
    }
    return g;
  });
  const weights = Object.fromEntries(names.map((n, j) => [n, w[j]! / s.scale[j]!]));
  const bias = w[width]! - names.reduce((sum, _, j) => sum + (w[j]! * s.mean[j]!) / s.scale[j]!, 0);
  return { bias, weights };
}

/** The top `depth` candidates of an example under a ranker, each with the evidence the logistic models read. */
function topResults(example: Example, ranker: Record<string, number>, depth: number) {
  const ranked = rankCandidates(example.set, ranker);
  const hitOf = new Map(example.set.candidates.map((c, i) => [c.row, example.hits[i]!]));
  return ranked.slice(0, depth).map((c, i) => ({ ...resultFeatures(example.set, ranked, i), hit: hitOf.get(c.row) ?? false }));
}

/**
 * Examples whose legs differ (an English question has no variant leg, an Arabic one no translation leg)
 * on one list of feature names: a leg a question lacks reads 0, as its weight counts 0 when answering.
 */
export function alignFeatures(examples: readonly Example[]): Example[] {
  const names = [...new Set(examples.flatMap((e) => e.set.names))];
  return examples.map((e) => {
    if (e.set.names.length === names.length && e.set.names.every((n, i) => n === names[i])) return e;
    const at = new Map(e.set.names.map((n, i) => [n, i]));
    const from = names.map((n) => at.get(n));
    const candidates = e.set.candidates.map((c) => ({ ...c, values: from.map((i) => (i === undefined ? 0 : c.values[i]!)) }));
    return { ...e, set: { ...e.set, names, candidates } };
  });
}

/** Folds of the threshold's inner cross-validation: enough to be honest, few enough to stay quick. */
const INNER_FOLDS = 6;

/**
 * The refusal threshold: the highest that still answers `keepAnswerable` of answerable questions the
 * model has NOT seen. Chosen on out-of-fold probabilities (inner cross-validation by article): on the
 * questions it was fitted to, a model is surer than on new ones, and a threshold chosen there answers
 * fewer new questions than promised.
 */
export function refusalThreshold(rows: ReadonlyArray<{ fold: string; answerable: boolean; values: number[] }>, names: readonly string[], options: FitOptions): number {
  const folds = [...new Set(rows.map((r) => r.fold))].sort();
  const group = new Map(folds.map((f, i) => [f, i % Math.min(INNER_FOLDS, folds.length)]));
  const p: number[] = [];
  for (let g = 0; g < Math.min(INNER_FOLDS, folds.length); g++) {
    const train = rows.filter((r) => group.get(r.fold) !== g || folds.length === 1);
    const model = fitLogistic(names, train.map((r) => r.values), train.map((r) => r.answerable), options);
    for (const r of rows) if (group.get(r.fold) === g && r.answerable) p.push(logistic(model, names, r.values));
  }
  p.sort((a, b) => a - b);
  return p.length ? p[Math.floor((1 - options.keepAnswerable) * p.length)]! : 0.5;
}

export function fitWeights(unaligned: readonly Example[], fittedOn: string, options: FitOptions = DEFAULT_FIT): RankerWeights {
  const examples = alignFeatures(options.answerRemoved ? unaligned : unaligned.filter((e) => !e.answerRemoved));
  const ranker = fitRanker(examples.filter((e) => e.answerable && e.teaches !== 'refusal'), options);
  const firsts = examples.filter((e) => e.teaches !== 'ranking').map((e) => ({ e, results: topResults(e, ranker, options.depth) })).filter((x) => x.results.length > 0);
  const names = firsts[0]?.results[0]?.names ?? [];
  const refusalRows = firsts.map((x) => ({ fold: x.e.fold, answerable: x.e.answerable, ...withSquares(names, x.results[0]!.values) }));
  const refusalNames = refusalRows[0]?.names ?? [];
  const refusalOptions = { ...options, iterations: options.refusalIterations };
  const answerable = fitLogistic(
    refusalNames,
    refusalRows.map((r) => r.values),
    refusalRows.map((r) => r.answerable),
    refusalOptions,
  );
  const confidence = fitLogistic(
    names,
    firsts.flatMap((x) => x.results.map((r) => r.values)),
    firsts.flatMap((x) => x.results.map((r) => r.hit)),
    options,
  );
  const threshold = refusalThreshold(refusalRows, refusalNames, refusalOptions);
  return { version: 2, fittedOn, ranker, answerable: { ...answerable, threshold, squares: true }, confidence };
}
