import fs from 'node:fs';
import { z } from 'zod';
import { IsnadError } from '../errors.js';
import type { CandidateSet } from './features.js';

/**
 * The learned part of answering: a linear ranker over candidate features, and two logistic models
 * over the results — `answerable` (read on #1: refuse below its threshold) and `confidence` (the
 * chance that a result answers, shown to users for each). Fitted by `npm run fit` (src/eval/fit.ts); the weights
 * live in ranker-weights.json next to this file, versioned, so anyone can refit on their own gold file.
 */
const logisticSchema = z.object({ bias: z.number(), weights: z.record(z.string(), z.number()) });

const weightsSchema = z.object({
  version: z.literal(2),
  fittedOn: z.string(),
  ranker: z.record(z.string(), z.number()),
  answerable: logisticSchema.extend({ threshold: z.number(), squares: z.boolean() }),
  confidence: logisticSchema,
});

export type Logistic = z.infer<typeof logisticSchema>;
export type RankerWeights = z.infer<typeof weightsSchema>;

export const WEIGHTS_FILE = new URL('./ranker-weights.json', import.meta.url);

let shipped: RankerWeights | null = null;

function parseWeights(value: unknown, file: string): RankerWeights {
  const parsed = weightsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new IsnadError('CONFIG_INVALID', `${file} is not a ranker weights file: ${issue.path.join('.') || 'root'} ${issue.message}. Refit with npm run fit.`, { file });
  }
  return parsed.data;
}

/** The weights shipped in the repo (read once). */
export function shippedWeights(): RankerWeights {
  if (!shipped) shipped = parseWeights(JSON.parse(fs.readFileSync(WEIGHTS_FILE, 'utf8')), WEIGHTS_FILE.pathname);
  return shipped;
}

export function dot(names: readonly string[], values: readonly number[], weights: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (let i = 0; i < names.length; i++) sum += (weights[names[i]!] ?? 0) * values[i]!;
  return sum;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export interface RankedCandidate {
  row: number;
  doc: number;
  score: number;
  values: number[];
}

export function rankCandidates(set: CandidateSet, weights: Readonly<Record<string, number>>): RankedCandidate[] {
  // Each name's weight looked up once per question, not once per candidate (the sum is `dot`'s, term for term).
  // Typed and pushed, not mapped: a `.map` result read back changes kind once this is optimized (feature-group.ts).
  const w = new Float64Array(set.names.length);
  for (let i = 0; i < w.length; i++) w[i] = weights[set.names[i]!] ?? 0;
  const score = (values: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < w.length; i++) sum += w[i]! * values[i]!;
    return sum;
  };
  const ranked: RankedCandidate[] = [];
  for (const c of set.candidates) ranked.push({ row: c.row, doc: c.doc, values: c.values, score: score(c.values) });
  return ranked.sort((a, b) => b.score - a.score || a.row - b.row);
}

/**
 * Evidence the two logistic models read for the result at `position`: its features, its ranker score,
 * how far it sits below #1 and ahead of the next, and how much of the question the collection knows at
 * all (`ما عاصمة فرنسا؟` shares one common word with the seeds).
 */
export function resultFeatures(
  set: CandidateSet,
  ranked: readonly RankedCandidate[],
  position: number,
  everyCandidate: readonly RankedCandidate[] = ranked,
): { names: string[]; values: number[] } {
  const q = set.query;
  const queryNames = ['knownShare', 'unknownTerms', 'questionTerms'];
  const query = [q.knownShare, Math.min(3, q.unknownTerms) / 3, Math.min(8, q.terms) / 8];
  const names = [...set.names, 'score', 'belowFirst', 'aheadOfNext', 'aheadOfOtherDocument', 'first', ...queryNames];
  const c = ranked[position];
  if (!c) return { names, values: [...names.slice(0, -query.length).map(() => 0), ...query] };
  const next = ranked[position + 1]?.score ?? c.score - 3;
  // How far it leads the best passage of another document: a question another article answers is close-run.
  const other = everyCandidate.find((r) => r.doc !== c.doc)?.score;
  const ahead = Math.max(-3, Math.min(3, c.score - (other ?? c.score - 3)));
  return {
    names,
    values: [...c.values, c.score, ranked[0]!.score - c.score, Math.min(3, c.score - next), ahead, position === 0 ? 1 : 0, ...query],
  };
}

export function logistic(model: Logistic, names: readonly string[], values: readonly number[]): number {
  return sigmoid(model.bias + dot(names, values, model.weights));
}

/**
 * Each feature and its square: the refusal reads evidence whose meaning changes at the extremes (one
 * matched word; a question the collection barely knows) without a second kind of model. Squares won
 * on held-out folds (refused at 98 % kept, pooled: 0.541 → 0.580); trees did not (0.50).
 */
export function withSquares(names: readonly string[], values: readonly number[]): { names: string[]; values: number[] } {
  // Pushed, not spread from a `.map`: once this is optimized, its inlined `.map` makes a holey array where the
  // builtin made a packed one, and the spread reading it threw the optimized code away ('wrong map').
  const squaredNames: string[] = [...names];
  const squared: number[] = [...values];
  for (const n of names) squaredNames.push(`${n}^2`);
  for (const v of values) squared.push(v * v);
  return { names: squaredNames, values: squared };
}

/** P(answerable) of the refusal model for the evidence of the first result. */
export function answerableProbability(model: RankerWeights['answerable'], names: readonly string[], values: readonly number[]): number {
  const x = model.squares ? withSquares(names, values) : { names, values };
  return logistic(model, x.names, x.values);
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** A calibrated chance put in words: about 7 in 10 or better is high, under 4 in 10 is low. */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  return confidence >= 0.7 ? 'high' : confidence >= 0.4 ? 'medium' : 'low';
}
