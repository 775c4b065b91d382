/**
 * Ranking-only cross-validation by article, as scripts/cv-ranking.ts (same gathering, folds and
 * fitRanker), comparing ranker MODEL CLASSES on one gathering: the linear listwise ranker (and the same
 * fitted with other stopping points: the fit's own noise), pairwise crosses of its strongest features,
 * crosses with the question's evidence, softmax-gradient-boosted trees (scripts/boost.ts) from zero or on
 * top of the linear score, and a two-stage cascade. Prints held-out hit@1 / hit@5 / MRR@5 per variant,
 * the questions won and lost at hit@1 against `linear`, and the 5–95 % range of that net change when the
 * articles are resampled with replacement (the noise of 24 folds). eval/JOURNAL.md has the results.
 * Run: npx tsx scripts/cv-models.ts GOLD DOCS [GOLD DOCS …]   (the gathering: scripts/held-out-items.ts)
 *   CACHE=file keeps the gathering for the next run (it is read back as is, whatever GOLD and DOCS say);
 *   VARIANTS='linear,cascade10' runs only those (put `linear` first: the others are compared with it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { alignFeatures, DEFAULT_FIT, fitRanker, type Example } from '../src/eval/fit.js';
import type { CandidateSet } from '../src/retrieve/features.js';
import { askHeldOut } from './held-out-items.js';
import { boostRanker, crossNames, strongestFeatures, treeScore, withCrosses, type Booster } from './boost.js';

interface Item {
  file: string;
  id: string;
  example: Example;
}

const args = process.argv.slice(2);
const pairs: Array<[string, string]> = [];
for (let i = 0; i + 1 < args.length; i += 2) pairs.push([path.resolve(args[i]!), path.resolve(args[i + 1]!)]);

async function gather(): Promise<Item[]> {
  const cache = process.env.CACHE;
  if (cache && fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, 'utf8')) as Item[];
  const items = await askHeldOut(pairs, ({ file, question, example }): Item => ({ file, id: question.id, example }));
  const aligned = alignFeatures(items.map((i) => i.example));
  aligned.forEach((e, i) => (items[i]!.example = e));
  if (cache) fs.writeFileSync(cache, JSON.stringify(items));
  return items;
}

/** A fitted ranker: scores every candidate of a set. */
type Scorer = (set: CandidateSet) => number[];

function linearScorer(weights: Record<string, number>): Scorer {
  return (set) => {
    const w = set.names.map((n) => weights[n] ?? 0);
    return set.candidates.map((c) => c.values.reduce((s, v, j) => s + w[j]! * v, 0));
  };
}

const fit = { ...DEFAULT_FIT, ...(process.env.FIT ? (JSON.parse(process.env.FIT) as object) : {}) };

function crossed(examples: readonly Example[], pairsOf: Array<[number, number]>): Example[] {
  return examples.map((e) => ({ ...e, set: withCrosses(e.set, pairsOf) }));
}

/** The set with the named features read as 0 (absent): compares feature sets on one gathering. */
function without(set: CandidateSet, dropped: ReadonlySet<string>): CandidateSet {
  const at = set.names.flatMap((n, j) => (dropped.has(n) ? [j] : []));
  if (at.length === 0) return set;
  return { ...set, candidates: set.candidates.map((c) => ({ ...c, values: c.values.map((v, j) => (at.includes(j) ? 0 : v)) })) };
}
function linearWithout(dropped: ReadonlySet<string>): (train: Example[]) => Scorer {
  return (train) => {
    const weights = fitRanker(train.map((e) => ({ ...e, set: without(e.set, dropped) })), fit);
    return (set) => linearScorer(weights)(without(set, dropped));
  };
}
// BASE_DROP='a,b': `linear` reads those features as 0; WITH='a;a+b' adds variants `with a`, `with a+b` that read them back.
const baseDrop = new Set((process.env.BASE_DROP ?? '').split(',').filter(Boolean));

const variants: Record<string, (train: Example[]) => Scorer> = {
  linear: linearWithout(baseDrop),
  // The noise floor: the same linear ranker fitted with a few Adam steps more or fewer (a different stopping point).
  'linear it140': (train) => linearScorer(fitRanker(train, { ...fit, iterations: fit.iterations - 10 })),
  'linear it160': (train) => linearScorer(fitRanker(train, { ...fit, iterations: fit.iterations + 10 })),
  // … and with a 1.5× L2 penalty.
  'linear l2×1.5': (train) => linearScorer(fitRanker(train, { ...fit, l2: fit.l2 * 1.5 })),
  ...Object.fromEntries(
    [3, 4, 5, 6].map((k) => [
      `cross${k}`,
      (train: Example[]) => {
        const base = fitRanker(train, fit);
        const pairsOf = crossNames(strongestFeatures(train, base, k));
        const weights = fitRanker(crossed(train, pairsOf), fit);
        return (set: CandidateSet) => linearScorer(weights)(withCrosses(set, pairsOf));
      },
    ]),
  ),
};

/** Crosses of the k strongest features with the question's own evidence: weights that vary with the question. */
function questionCrossed(set: CandidateSet, features: readonly number[]): CandidateSet {
  const q = set.query;
  const query: Array<[string, number]> = [['knownShare', q.knownShare], ['unknownTerms', Math.min(3, q.unknownTerms) / 3], ['questionTerms', Math.min(8, q.terms) / 8]];
  return {
    ...set,
    names: [...set.names, ...features.flatMap((j) => query.map(([n]) => `${set.names[j]}×${n}`))],
    candidates: set.candidates.map((c) => ({ ...c, values: [...c.values, ...features.flatMap((j) => query.map(([, v]) => c.values[j]! * v))] })),
  };
}
for (const k of [3, 5])
  variants[`qcross${k}`] = (train) => {
    const strongest = strongestFeatures(train, fitRanker(train, fit), k);
    const weights = fitRanker(train.map((e) => ({ ...e, set: questionCrossed(e.set, strongest) })), fit);
    return (set) => linearScorer(weights)(questionCrossed(set, strongest));
  };

/**
 * A cascade: the linear ranker's first k candidates re-ranked by a second linear ranker fitted only on
 * the training questions' first k (hard negatives: mostly sibling passages of the right article).
 */
function firstK(e: Example, weights: Record<string, number>, k: number): Example {
  const s = linearScorer(weights)(e.set);
  const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || e.set.candidates[a]!.row - e.set.candidates[b]!.row).slice(0, k);
  return { ...e, set: { ...e.set, candidates: order.map((i) => e.set.candidates[i]!) }, hits: order.map((i) => e.hits[i]!) };
}
for (const k of [5, 7, 10, 15, 20])
    for (const blend of [false, true])
      variants[`cascade${k}${blend ? ' blend' : ''}`] = (train) => {
        const first = fitRanker(train, fit);
        const second = fitRanker(train.map((e) => firstK(e, first, k)), fit);
        return (set) => {
          const s1 = linearScorer(first)(set);
          const s2 = linearScorer(second)(set);
          const top = new Set(s1.map((_, i) => i).sort((a, b) => s1[b]! - s1[a]! || set.candidates[a]!.row - set.candidates[b]!.row).slice(0, k));
          // The first k ranked by the second model (` blend`: by the sum of both scores), above every other candidate.
          return s1.map((v, i) => (top.has(i) ? 1e6 + s2[i]! + (blend ? v : 0) : v));
        };
      };

/** Bagging: the mean of 8 linear rankers, each fitted on the training articles resampled with replacement. */
variants['bagged linear ×8'] = (train) => {
  const articles = [...new Set(train.map((e) => e.fold))];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sum: Record<string, number> = {};
  for (let b = 0; b < 8; b++) {
    const drawn = articles.map(() => articles[Math.floor(random() * articles.length)]!);
    const weights = fitRanker(drawn.flatMap((a) => train.filter((e) => e.fold === a)), fit);
    for (const [n, w] of Object.entries(weights)) sum[n] = (sum[n] ?? 0) + w / 8;
  }
  return linearScorer(sum);
};

function boosted(name: string, options: Partial<Booster>, fromLinear: boolean) {
  variants[name] = (train) => {
    const base = fromLinear ? fitRanker(train, fit) : {};
    const trees = boostRanker(train, base, { ...options, trainCandidates: fit.trainCandidates });
    return (set) => {
      const start = linearScorer(base)(set);
      return set.candidates.map((c, i) => start[i]! + treeScore(trees, c.values));
    };
  };
}
for (const depth of [2, 3])
  for (const trees of [20, 50, 100]) {
    boosted(`lin+gbt d${depth} t${trees} η0.1`, { depth, trees, shrinkage: 0.1 }, true);
    boosted(`gbt d${depth} t${trees * 2} η0.1`, { depth, trees: trees * 2, shrinkage: 0.1 }, false);
  }
boosted('lin+gbt d2 t50 η0.05 λ10 leaf200', { depth: 2, trees: 50, shrinkage: 0.05, lambda: 10, minLeaf: 200 }, true);
boosted('lin+gbt d2 t100 η0.02 λ30 leaf300', { depth: 2, trees: 100, shrinkage: 0.02, lambda: 30, minLeaf: 300 }, true);
boosted('lin+lambdamart d2 t50 η0.1', { depth: 2, trees: 50, shrinkage: 0.1, loss: 'lambda' }, true);
boosted('lin+lambdamart d2 t50 η0.05 λ10 leaf200', { depth: 2, trees: 50, shrinkage: 0.05, lambda: 10, minLeaf: 200, loss: 'lambda' }, true);
boosted('lambdamart d3 t100 η0.1', { depth: 3, trees: 100, shrinkage: 0.1, loss: 'lambda' }, false);
boosted('lin+gbt d3 t30 η0.05 λ10 leaf200', { depth: 3, trees: 30, shrinkage: 0.05, lambda: 10, minLeaf: 200 }, true);

for (const added of (process.env.WITH ?? '').split(';').filter(Boolean)) {
  const back = new Set(added.split('+'));
  variants[`with ${added}`] = linearWithout(new Set([...baseDrop].filter((n) => !back.has(n))));
}

const items = await gather();
const folds = [...new Set(items.map((i) => i.example.fold))];
const chosen = process.env.VARIANTS ? process.env.VARIANTS.split(',') : Object.keys(variants);
const rankOf = new Map<string, Map<string, number>>();
for (const name of chosen) {
  const ranks = new Map<string, number>();
  const started = Date.now();
  for (const fold of folds) {
    const scorer = variants[name]!(items.filter((i) => i.example.fold !== fold).map((i) => i.example));
    for (const item of items.filter((i) => i.example.fold === fold)) {
      const s = scorer(item.example.set);
      const order = s.map((_, i) => i).sort((a, b) => s[b]! - s[a]! || item.example.set.candidates[a]!.row - item.example.set.candidates[b]!.row);
      ranks.set(`${item.file}|${item.id}`, order.slice(0, 5).findIndex((i) => item.example.hits[i]) + 1);
    }
  }
  rankOf.set(name, ranks);
  report(name, ranks, (Date.now() - started) / 1000);
}

function report(name: string, ranks: Map<string, number>, seconds: number) {
  const base = rankOf.get('linear');
  for (const file of new Set(items.map((i) => i.file))) {
    const mine = items.filter((i) => i.file === file);
    const r = mine.map((i) => ranks.get(`${i.file}|${i.id}`)!);
    const n = r.length;
    const h1 = r.filter((x) => x === 1).length;
    const h5 = r.filter((x) => x > 0).length;
    const mrr = r.reduce((s, x) => s + (x > 0 ? 1 / x : 0), 0) / n;
    let vs = '';
    if (base && name !== 'linear') {
      const won = mine.filter((i) => ranks.get(`${i.file}|${i.id}`) === 1 && base.get(`${i.file}|${i.id}`) !== 1).length;
      const lost = mine.filter((i) => ranks.get(`${i.file}|${i.id}`) !== 1 && base.get(`${i.file}|${i.id}`) === 1).length;
      vs = ` hit@1 vs linear +${won} −${lost} (bootstrap by article, 90 %: ${bootstrap(mine, ranks, base)})`;
    }
    console.log(`${name.padEnd(34)} ${file.padEnd(14)} hit@1 ${(h1 / n).toFixed(3)} (${h1}/${n}) hit@5 ${(h5 / n).toFixed(3)} MRR@5 ${mrr.toFixed(3)}${vs} [${seconds.toFixed(0)} s]`);
  }
}

/** 90 % interval of the hit@1 difference (questions) when the articles are resampled with replacement. */
function bootstrap(mine: Item[], ranks: Map<string, number>, base: Map<string, number>): string {
  const byFold = new Map<string, number>();
  for (const i of mine) {
    const k = `${i.file}|${i.id}`;
    byFold.set(i.example.fold, (byFold.get(i.example.fold) ?? 0) + (ranks.get(k) === 1 ? 1 : 0) - (base.get(k) === 1 ? 1 : 0));
  }
  const deltas = [...byFold.values()];
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sums: number[] = [];
  for (let b = 0; b < 2000; b++) {
    let s = 0;
    for (let j = 0; j < deltas.length; j++) s += deltas[Math.floor(random() * deltas.length)]!;
    sums.push(s);
  }
  sums.sort((a, b) => a - b);
  return `${sums[100]} … ${sums[1899]}`;
}
