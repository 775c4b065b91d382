import { Prng, randomUnitVector } from './prng.js';

/**
 * Vectors for measuring approximate search. Sentence embeddings are not random: they share a common
 * direction and most of their variance lies in a few dozen directions. A graph index finds neighbours
 * far more easily in such data than in random vectors, which are the worst case (every point is about
 * equally far from every other), so both are measured and labelled.
 */
export interface VectorSet {
  label: string;
  dimensions: number;
  /** Row-major, unit-length rows. */
  matrix: Float32Array;
  queries: Float32Array[];
}

function normalizeInPlace(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/**
 * `mean + U·(s ⊙ z) + noise`, normalized: `rank` latent directions with variances falling as 1/j,
 * a shared mean direction and small isotropic noise — the shape of e5-style embeddings.
 */
export class LowRankModel {
  private readonly basis: Float32Array[];
  private readonly mean: Float32Array;

  constructor(readonly dimensions = 384, seed = 42, readonly rank = 64) {
    const prng = new Prng(seed ^ 0x10a7);
    this.basis = Array.from({ length: rank }, () => randomUnitVector(prng, dimensions));
    this.mean = randomUnitVector(prng, dimensions);
  }

  sample(prng: Prng): Float32Array {
    const d = this.dimensions;
    const v = new Float32Array(d);
    for (let i = 0; i < d; i++) v[i] = 0.6 * this.mean[i]! + 0.03 * prng.gaussian();
    for (let j = 0; j < this.rank; j++) {
      const c = (0.35 / Math.sqrt(j + 1)) * prng.gaussian();
      const u = this.basis[j]!;
      for (let i = 0; i < d; i++) v[i]! += c * u[i]!;
    }
    return normalizeInPlace(v);
  }
}

/** Queries come from the same distribution as the stored rows (not copies of them). */
export function lowRankSet(count: number, queries: number, dimensions = 384, seed = 42, rank = 64): VectorSet {
  const model = new LowRankModel(dimensions, seed, rank);
  const prng = new Prng(seed ^ 0x5a3c);
  const matrix = new Float32Array(count * dimensions);
  for (let row = 0; row < count; row++) matrix.set(model.sample(prng), row * dimensions);
  return { label: `low-rank ${dimensions}-dim (rank ${rank} + noise)`, dimensions, matrix, queries: Array.from({ length: queries }, () => model.sample(prng)) };
}

/** Uniformly random unit vectors: the worst case for any graph index. */
export function randomSet(count: number, queries: number, dimensions = 384, seed = 42): VectorSet {
  const prng = new Prng(seed ^ 0x7a4d);
  const matrix = new Float32Array(count * dimensions);
  for (let row = 0; row < count; row++) matrix.set(randomUnitVector(prng, dimensions), row * dimensions);
  return { label: `random ${dimensions}-dim unit vectors (worst case)`, dimensions, matrix, queries: Array.from({ length: queries }, () => randomUnitVector(prng, dimensions)) };
}

/** Share of the exact top `k` found in the approximate top `k`, averaged over queries. */
export function recallAtK(exact: readonly (readonly string[])[], approximate: readonly (readonly string[])[], k = 10): number {
  let found = 0;
  let total = 0;
  exact.forEach((truth, q) => {
    const top = new Set(truth.slice(0, k));
    const got = approximate[q]!.slice(0, k);
    for (const id of got) if (top.has(id)) found++;
    total += top.size;
  });
  return total === 0 ? 1 : found / total;
}
