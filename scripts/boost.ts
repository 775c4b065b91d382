/**
 * Measurement-only model classes for scripts/cv-models.ts: pairwise crosses of the linear ranker's
 * strongest features, and softmax-gradient-boosted regression trees (Newton steps on the same listwise
 * loss as fitRanker: −log Σ_gold softmax), started from a linear score.
 */
import type { Example } from '../src/eval/fit.js';
import type { CandidateSet } from '../src/retrieve/features.js';

/** The k features with the largest |weight| × standard deviation (the linear ranker's own view of strength). */
export function strongestFeatures(train: readonly Example[], weights: Record<string, number>, k: number): number[] {
  const names = train[0]!.set.names;
  const rows = train.flatMap((e) => e.set.candidates.slice(0, 40).map((c) => c.values));
  const strength = names.map((n, j) => {
    const mean = rows.reduce((s, r) => s + r[j]!, 0) / rows.length;
    const sd = Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean) ** 2, 0) / rows.length);
    return { j, s: Math.abs(weights[n] ?? 0) * sd };
  });
  return strength.sort((a, b) => b.s - a.s).slice(0, k).map((x) => x.j);
}

export function crossNames(features: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let a = 0; a < features.length; a++) for (let b = a + 1; b < features.length; b++) out.push([features[a]!, features[b]!]);
  return out;
}

export function withCrosses(set: CandidateSet, pairs: ReadonlyArray<[number, number]>): CandidateSet {
  return {
    ...set,
    names: [...set.names, ...pairs.map(([a, b]) => `${set.names[a]}×${set.names[b]}`)],
    candidates: set.candidates.map((c) => ({ ...c, values: [...c.values, ...pairs.map(([a, b]) => c.values[a]! * c.values[b]!)] })),
  };
}

export type TreeNode = { feature: number; threshold: number; left: TreeNode; right: TreeNode } | { value: number };

export interface Booster {
  trees: number;
  depth: number;
  shrinkage: number;
  /** L2 on leaf values (in Hessian units). */
  lambda: number;
  /** Fewest training rows in a leaf. */
  minLeaf: number;
  bins: number;
  trainCandidates: number;
  /** `softmax`: the listwise loss of fitRanker; `lambda`: LambdaMART's pairwise gradients weighted by the change in reciprocal rank a swap makes. */
  loss: 'softmax' | 'lambda';
}

const DEFAULT_BOOST: Booster = { trees: 50, depth: 2, shrinkage: 0.1, lambda: 1, minLeaf: 50, bins: 32, trainCandidates: 40, loss: 'softmax' };

export function treeScore(trees: readonly TreeNode[], values: readonly number[]): number {
  let sum = 0;
  for (const tree of trees) {
    let node = tree;
    while (!('value' in node)) node = values[node.feature]! > node.threshold ? node.right : node.left;
    sum += node.value;
  }
  return sum;
}

function cutPoints(values: number[], bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const unique = [...new Set(sorted)];
  if (unique.length <= bins) return unique.slice(0, -1).map((v, i) => (v + unique[i + 1]!) / 2);
  const cuts = new Set<number>();
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)]!;
    const at = unique.indexOf(v);
    if (at > 0) cuts.add((unique[at - 1]! + v) / 2);
  }
  return [...cuts].sort((a, b) => a - b);
}

export function boostRanker(examples: readonly Example[], base: Record<string, number>, options: Partial<Booster> = {}): TreeNode[] {
  const o = { ...DEFAULT_BOOST, ...options };
  const usable = examples
    .map((e) => ({ candidates: e.set.candidates.slice(0, o.trainCandidates), hits: e.hits.slice(0, o.trainCandidates), names: e.set.names }))
    .filter((e) => e.hits.some(Boolean) && e.hits.some((h) => !h));
  if (usable.length === 0) return [];
  const names = usable[0]!.names;
  const width = names.length;
  const rows = usable.flatMap((e) => e.candidates.map((c) => c.values));
  const hit = Uint8Array.from(usable.flatMap((e) => e.hits.map((h) => (h ? 1 : 0))));
  const starts = [0];
  for (const e of usable) starts.push(starts.at(-1)! + e.candidates.length);
  const w = names.map((n) => base[n] ?? 0);
  const f = Float64Array.from(rows.map((r) => r.reduce((s, v, j) => s + w[j]! * v, 0)));
  const cuts = names.map((_, j) => cutPoints(rows.map((r) => r[j]!), o.bins));
  // bin[j][i]: how many cut points of feature j row i's value exceeds
  const bin = cuts.map((c, j) =>
    Uint8Array.from(rows.map((r) => {
      let k = 0;
      while (k < c.length && r[j]! > c[k]!) k++;
      return k;
    })),
  );
  const g = new Float64Array(rows.length);
  const h = new Float64Array(rows.length);
  const lambdas = (from: number, to: number) => {
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => f[b]! - f[a]!);
    const rank = new Map(order.map((i, k) => [i, k + 1]));
    for (let i = from; i < to; i++) {
      g[i] = 0;
      h[i] = 1e-6;
    }
    for (let i = from; i < to; i++) {
      if (!hit[i]) continue;
      for (let j = from; j < to; j++) {
        if (hit[j]) continue;
        const delta = Math.abs(1 / rank.get(i)! - 1 / rank.get(j)!);
        const rho = 1 / (1 + Math.exp(f[i]! - f[j]!));
        g[i]! -= rho * delta;
        g[j]! += rho * delta;
        h[i]! += rho * (1 - rho) * delta;
        h[j]! += rho * (1 - rho) * delta;
      }
    }
  };
  const trees: TreeNode[] = [];
  const all = Uint32Array.from(rows.keys());
  for (let t = 0; t < o.trees; t++) {
    for (let l = 0; l < usable.length; l++) {
      const from = starts[l]!;
      const to = starts[l + 1]!;
      let max = -Infinity;
      for (let i = from; i < to; i++) max = Math.max(max, f[i]!);
      let total = 0;
      let positive = 0;
      for (let i = from; i < to; i++) {
        const e = Math.exp(f[i]! - max);
        total += e;
        if (hit[i]) positive += e;
      }
      if (o.loss === 'lambda') {
        lambdas(from, to);
        continue;
      }
      for (let i = from; i < to; i++) {
        const e = Math.exp(f[i]! - max);
        const p = e / total;
        g[i] = p - (hit[i] ? e / positive : 0);
        h[i] = Math.max(p * (1 - p), 1e-6);
      }
    }
    const grow = (at: Uint32Array, depth: number): TreeNode => {
      let G = 0;
      let H = 0;
      for (const i of at) {
        G += g[i]!;
        H += h[i]!;
      }
      const leaf = { value: (-o.shrinkage * G) / (H + o.lambda) };
      if (depth === 0 || at.length < 2 * o.minLeaf) return leaf;
      const parent = (G * G) / (H + o.lambda);
      let best = { gain: 1e-9, feature: -1, cut: -1 };
      for (let j = 0; j < width; j++) {
        const c = cuts[j]!;
        if (c.length === 0) continue;
        const gs = new Float64Array(c.length + 1);
        const hs = new Float64Array(c.length + 1);
        const ns = new Uint32Array(c.length + 1);
        const b = bin[j]!;
        for (const i of at) {
          const k = b[i]!;
          gs[k] = gs[k]! + g[i]!;
          hs[k] = hs[k]! + h[i]!;
          ns[k] = ns[k]! + 1;
        }
        let gl = 0;
        let hl = 0;
        let nl = 0;
        for (let k = 0; k < c.length; k++) {
          gl += gs[k]!;
          hl += hs[k]!;
          nl += ns[k]!;
          if (nl < o.minLeaf || at.length - nl < o.minLeaf) continue;
          const gain = (gl * gl) / (hl + o.lambda) + ((G - gl) * (G - gl)) / (H - hl + o.lambda) - parent;
          if (gain > best.gain) best = { gain, feature: j, cut: k };
        }
      }
      if (best.feature < 0) return leaf;
      const b = bin[best.feature]!;
      const left = at.filter((i) => b[i]! <= best.cut);
      const right = at.filter((i) => b[i]! > best.cut);
      return { feature: best.feature, threshold: cuts[best.feature]![best.cut]!, left: grow(left, depth - 1), right: grow(right, depth - 1) };
    };
    const tree = grow(all, o.depth);
    trees.push(tree);
    for (let i = 0; i < rows.length; i++) f[i]! += treeScore([tree], rows[i]!);
  }
  return trees;
}
