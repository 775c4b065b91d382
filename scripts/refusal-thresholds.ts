/**
 * Research script: ways of choosing the refusal threshold, judged as `npm run eval` judges them (per
 * held-out article: a model and a threshold fitted on the other 23 articles, the threshold from an inner
 * cross-validation by article, as src/eval/fit.ts does). Prints answered / refused on the held-out folds
 * for: the shipped way (6 inner folds, keep 0.985), 23 inner folds, a 10× stronger L2, and answerable
 * questions weighted 3×, and a threshold smoothed over neighbouring order statistics (logit scale).
 *
 *   npx tsx scripts/refusal-thresholds.ts      (XQUAD_DIR: default ../shared/eval/xquad-dev)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { askFolds } from '../src/eval/crossval.js';
import { alignFeatures, DEFAULT_FIT, fitLogistic, fitRanker, type FitOptions } from '../src/eval/fit.js';
import { readGoldFile } from '../src/eval/gold.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { collapseNearDuplicates } from '../src/retrieve/fuse.js';
import { passageWords } from '../src/retrieve/passage-words.js';
import { logistic, rankCandidates, resultFeatures, withSquares } from '../src/retrieve/ranker.js';

const XQUAD = path.resolve(process.env.XQUAD_DIR ?? '../shared/eval/xquad-dev');
const options: FitOptions = { ...DEFAULT_FIT, iterations: DEFAULT_FIT.refusalIterations };
type Row = { fold: string; answerable: boolean; names: string[]; values: number[] };

function threshold(rows: readonly Row[], inner: number, keep: number, opts: FitOptions, smooth: boolean): number {
  const folds = [...new Set(rows.map((r) => r.fold))].sort();
  const k = Math.min(inner, folds.length);
  const group = new Map(folds.map((f, i) => [f, i % k]));
  const p: number[] = [];
  for (let g = 0; g < k; g++) {
    const train = rows.filter((r) => group.get(r.fold) !== g);
    const m = fitLogistic(rows[0]!.names, train.map((r) => r.values), train.map((r) => r.answerable), opts);
    for (const r of rows) if (group.get(r.fold) === g && r.answerable) p.push(logistic(m, r.names, r.values));
  }
  p.sort((a, b) => a - b);
  if (!smooth) return p[Math.floor((1 - keep) * p.length)]!;
  // Gaussian weights over order statistics around the quantile (bandwidth: its standard error), on the logit scale.
  const at = (1 - keep) * p.length;
  const h = Math.max(1, Math.sqrt(p.length * keep * (1 - keep)));
  let weight = 0;
  let sum = 0;
  p.forEach((v, i) => {
    const w = Math.exp(-0.5 * ((i + 0.5 - at) / h) ** 2);
    weight += w;
    sum += w * Math.log(v / (1 - v));
  });
  return 1 / (1 + Math.exp(-sum / weight));
}

const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-refusal-thresholds-'));
try {
  const { snapshot } = await openIndex(loadConfig({ DOCS_DIR: `${XQUAD}/docs`, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: silentLogger });
  const raw = await askFolds(snapshot, null, await readGoldFile(`${XQUAD}/gold-ar.jsonl`));
  const aligned = alignFeatures(raw.map((a) => a.example));
  const asked = raw.map((a, i) => ({ ...a, set: aligned[i]!.set }));
  const folds = [...new Set(asked.map((a) => a.fold))];
  const rowsOf = new Map<string, Array<Row & { measured: boolean }>>();
  for (const f of folds) {
    const ranker = fitRanker(aligned.filter((e) => e.fold !== f && e.answerable && e.teaches !== 'refusal'));
    const rows = asked
      .filter((a) => (a.fold === f ? a.example.teaches !== 'refusal' : a.example.teaches !== 'ranking'))
      .map((a) => {
        const ranked = rankCandidates(a.set, ranker);
        const distinct = collapseNearDuplicates(ranked.slice(0, 20), (c) => passageWords(a.index, c.row)).slice(0, 5);
        const x = resultFeatures(a.set, distinct, 0, ranked);
        return { fold: a.fold, answerable: a.answerable, measured: a.fold === f, ...withSquares(x.names, x.values) };
      });
    rowsOf.set(f, rows);
  }
  const variants: Array<[string, number, FitOptions, number, boolean]> = [
    ['as shipped (6 inner folds)', 6, options, 1, false],
    ['23 inner folds', 23, options, 1, false],
    ['L2 1e-2', 6, { ...options, l2: 1e-2 }, 1, false],
    ['answerable weighted 3x', 6, options, 3, false],
    ['threshold smoothed (logit)', 6, options, 1, true],
  ];
  for (const [label, inner, opts, weight, smooth] of variants) {
    let kept = 0;
    let answerable = 0;
    let refused = 0;
    let unanswerable = 0;
    for (const f of folds) {
      const all = rowsOf.get(f)!;
      const train = all.filter((r) => !r.measured).flatMap((r) => (r.answerable ? Array<Row>(weight).fill(r) : [r]));
      const model = fitLogistic(train[0]!.names, train.map((r) => r.values), train.map((r) => r.answerable), opts);
      const t = threshold(train, inner, DEFAULT_FIT.keepAnswerable, opts, smooth);
      for (const r of all.filter((r) => r.measured)) {
        const p = logistic(model, r.names, r.values);
        if (r.answerable) (answerable++, p >= t && kept++);
        else (unanswerable++, p < t && refused++);
      }
    }
    console.log(`${label}: answered ${kept}/${answerable}, refused ${refused}/${unanswerable} (${(refused / unanswerable).toFixed(3)})`);
  }
} finally {
  await fs.rm(indexDir, { recursive: true, force: true });
}
