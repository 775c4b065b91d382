/**
 * Research script behind the README's "Tried on held-out folds": compares refusal models on xquad-dev
 * Arabic, cross-validated by article, with one ranker per held-out fold (fitted as `npm run fit` does).
 * Prints, per model, the share of held-out-article questions refused at the threshold that answers
 * 98 % (and 97, 95 %) of answerable ones, all folds pooled. `--leaky` trains the refusal on answerable
 * questions over the FULL collection (the old way), to show what a collection-size leak does.
 *
 *   npx tsx scripts/refusal-variants.ts [--leaky]      (XQUAD_DIR: default ../shared/eval/xquad-dev)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { askFolds, type Asked } from '../src/eval/crossval.js';
import { alignFeatures, DEFAULT_FIT, fitLogistic, fitRanker } from '../src/eval/fit.js';
import { readGoldFile } from '../src/eval/gold.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { collapseNearDuplicates } from '../src/retrieve/fuse.js';
import { passageWords } from '../src/retrieve/passage-words.js';
import { logistic, rankCandidates, resultFeatures, withSquares } from '../src/retrieve/ranker.js';

const XQUAD = path.resolve(process.env.XQUAD_DIR ?? '../shared/eval/xquad-dev');
const leaky = process.argv.includes('--leaky');

// A small gradient-boosted tree ensemble (logistic loss, histogram splits), for comparison only.
type Tree = { f: number; t: number; l: Tree | number; r: Tree | number } | number;
function predictTree(n: Tree, x: readonly number[]): number {
  while (typeof n !== 'number') n = x[n.f]! <= n.t ? n.l : n.r;
  return n;
}
function fitTrees(X: number[][], y: boolean[], rounds = 150, depth = 2, rate = 0.1, minLeaf = 10, bins = 24): (x: number[]) => number {
  const n = X.length;
  const width = X[0]!.length;
  const cuts = Array.from({ length: width }, (_, f) => {
    const s = X.map((r) => r[f]!).sort((a, b) => a - b);
    return [...new Set(Array.from({ length: bins - 1 }, (_, k) => s[Math.floor(((k + 1) * n) / bins)]!))];
  });
  const bin = X.map((r) => r.map((v, f) => cuts[f]!.filter((c) => v > c).length));
  const F = new Float64Array(n).fill(Math.log((y.filter(Boolean).length + 1) / (n - y.filter(Boolean).length + 1)));
  const bias = F[0]!;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const leaf = (idx: number[]) => -idx.reduce((s, i) => s + g[i]!, 0) / (idx.reduce((s, i) => s + h[i]!, 0) + 1);
  const build = (idx: number[], d: number): Tree => {
    if (d === 0 || idx.length < 2 * minLeaf) return leaf(idx);
    const G = idx.reduce((s, i) => s + g[i]!, 0);
    const H = idx.reduce((s, i) => s + h[i]!, 0);
    let best = { gain: 1e-9, f: -1, b: 0 };
    for (let f = 0; f < width; f++) {
      const hg = new Float64Array(bins);
      const hh = new Float64Array(bins);
      const hc = new Int32Array(bins);
      for (const i of idx) (hg[bin[i]![f]!]! += g[i]!), (hh[bin[i]![f]!]! += h[i]!), hc[bin[i]![f]!]!++;
      let gl = 0, hl = 0, cl = 0;
      for (let b = 0; b < bins - 1; b++) {
        gl += hg[b]!; hl += hh[b]!; cl += hc[b]!;
        if (cl < minLeaf || idx.length - cl < minLeaf) continue;
        const gain = gl ** 2 / (hl + 1) + (G - gl) ** 2 / (H - hl + 1) - G ** 2 / (H + 1);
        if (gain > best.gain) best = { gain, f, b };
      }
    }
    if (best.f < 0) return leaf(idx);
    const L = idx.filter((i) => bin[i]![best.f]! <= best.b);
    const R = idx.filter((i) => bin[i]![best.f]! > best.b);
    return { f: best.f, t: cuts[best.f]![best.b]!, l: build(L, d - 1), r: build(R, d - 1) };
  };
  const trees: Tree[] = [];
  for (let k = 0; k < rounds; k++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-F[i]!));
      g[i] = p - (y[i] ? 1 : 0);
      h[i] = p * (1 - p);
    }
    const tree = build([...Array(n).keys()], depth);
    trees.push(tree);
    for (let i = 0; i < n; i++) F[i]! += rate * predictTree(tree, X[i]!);
  }
  return (x) => 1 / (1 + Math.exp(-(bias + rate * trees.reduce<number>((s, t) => s + predictTree(t, x), 0))));
}

type Model = (names: string[], X: number[][], y: boolean[]) => (names: string[], x: number[]) => number;
const options = { ...DEFAULT_FIT, iterations: DEFAULT_FIT.refusalIterations };
const MODELS: Record<string, Model> = {
  logistic: (names, X, y) => {
    const m = fitLogistic(names, X, y, options);
    return (n, x) => logistic(m, n, x);
  },
  'logistic + squares': (names, X, y) => {
    const m = fitLogistic(withSquares(names, X[0]!).names, X.map((x) => withSquares(names, x).values), y, options);
    return (n, x) => logistic(m, withSquares(n, x).names, withSquares(n, x).values);
  },
  'trees (depth 2, 150 rounds)': (_names, X, y) => {
    const predict = fitTrees(X, y);
    return (_n, x) => predict(x);
  },
};

const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-refusal-variants-'));
try {
  const { snapshot } = await openIndex(loadConfig({ DOCS_DIR: `${XQUAD}/docs`, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: silentLogger });
  const asked = await askFolds(snapshot, null, await readGoldFile(`${XQUAD}/gold-ar.jsonl`));
  const folds = [...new Set(asked.map((a) => a.fold))];
  const first = (a: Asked, ranker: Record<string, number>) => {
    const ranked = rankCandidates(a.evidence.set, ranker);
    const distinct = collapseNearDuplicates(ranked.slice(0, 20), (c) => new Set(passageWords(a.index, c.row))).slice(0, 5);
    return resultFeatures(a.evidence.set, distinct, 0, ranked);
  };
  const rankers = new Map(folds.map((f) => [f, fitRanker(alignFeatures(asked.filter((a) => a.fold !== f && a.answerable && a.example.teaches !== 'refusal').map((a) => a.example)))]));
  const teaches = leaky ? 'refusal' : 'ranking';
  for (const [name, model] of Object.entries(MODELS)) {
    const held: Array<{ answerable: boolean; p: number }> = [];
    for (const f of folds) {
      const train = asked.filter((a) => a.fold !== f && a.example.teaches !== teaches).map((a) => ({ a, x: first(a, rankers.get(f)!) }));
      const predict = model(train[0]!.x.names, train.map((t) => t.x.values), train.map((t) => t.a.answerable));
      for (const a of asked.filter((x) => x.fold === f && x.example.teaches !== 'refusal')) {
        const x = first(a, rankers.get(f)!);
        held.push({ answerable: a.answerable, p: predict(x.names, x.values) });
      }
    }
    const answerable = held.filter((h) => h.answerable).map((h) => h.p).sort((a, b) => a - b);
    const unanswerable = held.filter((h) => !h.answerable);
    const refusedAt = (keep: number) => {
      const t = answerable[Math.floor((1 - keep) * answerable.length)]!;
      return (unanswerable.filter((h) => h.p < t).length / unanswerable.length).toFixed(3);
    };
    console.log(`${name}${leaky ? ' (leaky)' : ''}: refused at 98 % answered ${refusedAt(0.98)}, at 97 % ${refusedAt(0.97)}, at 95 % ${refusedAt(0.95)}`);
  }
} finally {
  await fs.rm(indexDir, { recursive: true, force: true });
}
