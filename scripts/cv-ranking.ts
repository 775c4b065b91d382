/**
 * Ranking-only cross-validation by article, fast enough to compare ranking ideas: every question is
 * asked once over the full collection (no refusal folds), the ranker is fitted on the other articles'
 * questions (src/eval/fit.ts fitRanker) and the held-out article's candidates are ranked by it.
 * Prints held-out hit@1 / hit@5 / MRR@5 per gold file (the first `--docs` pairs with the first `--gold`).
 * The numbers approximate `npm run eval`'s "ranking only, cross-validated" column (no near-duplicate
 * collapse, no refusal); that eval stays the judge.
 * Run: npx tsx scripts/cv-ranking.ts GOLD DOCS [GOLD DOCS …] [--misses N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { readGoldFile } from '../src/eval/gold.js';
import { alignFeatures, DEFAULT_FIT, fitRanker, type Example } from '../src/eval/fit.js';
import { isHit } from '../src/eval/metrics.js';
import { createLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { gatherEvidence } from '../src/retrieve/answer.js';
import { rankCandidates, withSquares } from '../src/retrieve/ranker.js';
import type { Bm25Params } from '../src/index/bm25.js';
import { Bm25Builder } from '../src/index/bm25-builder.js';
import type { IndexSnapshot } from '../src/index/snapshot.js';
import { analyze } from '../src/text/analyze.js';

function withParams(index: IndexSnapshot, params: Bm25Params): IndexSnapshot {
  const builder = new Bm25Builder(params);
  for (const p of index.passages) builder.add(analyze(p.text));
  return { ...index, lexical: builder.finish() };
}

const args = process.argv.slice(2);
const missesAt = args.indexOf('--misses');
const showMisses = missesAt >= 0 ? Number(args.splice(missesAt, 2)[1]) : 0;
const pairs: Array<[string, string]> = [];
for (let i = 0; i + 1 < args.length; i += 2) pairs.push([path.resolve(args[i]!), path.resolve(args[i + 1]!)]);
const log = createLogger('silent');
// FIT='{"iterations":300}' overrides the fit options (compare settings on held-out folds).
const fitOptions = { ...DEFAULT_FIT, ...(process.env.FIT ? (JSON.parse(process.env.FIT) as object) : {}) };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-cvrank-'));

interface Item {
  file: string;
  q: string;
  id: string;
  example: Example;
  texts: string[];
}
const items: Item[] = [];
const started = Date.now();
for (const [k, [gold, docs]] of pairs.entries()) {
  const opened = await openIndex(loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(scratch, `i${k}`), MODEL_ID: 'none', LOG_LEVEL: 'silent' }), { log });
  // BM25='{"k1":1.6,"b":0.5}': the lexical index rebuilt with other parameters (compare them on held-out folds).
  const index = process.env.BM25 ? withParams(opened.snapshot, JSON.parse(process.env.BM25) as Bm25Params) : opened.snapshot;
  for (const q of await readGoldFile(gold)) {
    if (q.gold.length === 0) continue;
    const evidence = await gatherEvidence(index, null, q.q, { dictionary: opened.steps.dictionary });
    const hits = evidence.set.candidates.map((c) => isHit(index.passages[c.row]!, q.gold));
    items.push({
      file: path.basename(gold),
      q: q.q,
      id: q.id,
      texts: evidence.set.candidates.map((c) => `${index.passages[c.row]!.source}:${index.passages[c.row]!.line} ${index.passages[c.row]!.text.slice(0, Number(process.env.CHARS ?? 120))}`),
      example: { set: evidence.set, hits, answerable: true, fold: `${k}:${q.gold[0]![0]}` },
    });
  }
}
const gatherSeconds = (Date.now() - started) / 1000;
const aligned = alignFeatures(items.map((i) => i.example));
aligned.forEach((e, i) => (items[i]!.example = e));
// DROP='localBest,typeNear': those features read 0 (compare a feature's held-out effect without editing code).
const dropped = new Set((process.env.DROP ?? '').split(',').filter(Boolean));
for (const { example } of items) {
  const at = example.set.names.flatMap((n, j) => (dropped.has(n) ? [j] : []));
  for (const c of example.set.candidates) for (const j of at) c.values[j] = 0;
  // SQUARES=1: the ranker also reads each feature's square (a cheap non-linear ranker).
  if (process.env.SQUARES) {
    const names = withSquares(example.set.names, []).names;
    example.set = { ...example.set, names, candidates: example.set.candidates.map((c) => ({ ...c, values: withSquares(example.set.names, c.values).values })) };
  }
}
const folds = [...new Set(items.map((i) => i.example.fold))];
const tally = new Map<string, { n: number; h1: number; h5: number; mrr: number; inCandidates: number }>();
const misses: string[] = [];
const weightSum = new Map<string, number>();
for (const fold of folds) {
  const weights = fitRanker(items.filter((i) => i.example.fold !== fold).map((i) => i.example), fitOptions);
  for (const [n, w] of Object.entries(weights)) weightSum.set(n, (weightSum.get(n) ?? 0) + w / folds.length);
  for (const item of items.filter((i) => i.example.fold === fold)) {
    const ranked = rankCandidates(item.example.set, weights);
    const at = new Map(item.example.set.candidates.map((c, i) => [c.row, i]));
    const rank = ranked.slice(0, 5).findIndex((c) => item.example.hits[at.get(c.row)!]) + 1;
    const t = tally.get(item.file) ?? { n: 0, h1: 0, h5: 0, mrr: 0, inCandidates: 0 };
    t.n++;
    if (rank === 1) t.h1++;
    if (rank > 0) {
      t.h5++;
      t.mrr += 1 / rank;
    }
    if (item.example.hits.some(Boolean)) t.inCandidates++;
    tally.set(item.file, t);
    if (rank !== 1 && misses.length < showMisses) {
      const goldAt = ranked.findIndex((c) => item.example.hits[at.get(c.row)!]);
      const first = item.texts[at.get(ranked[0]!.row)!]!;
      const goldText = goldAt >= 0 ? item.texts[at.get(ranked[goldAt]!.row)!]! : '(not among candidates)';
      misses.push(`${item.id} gold@${goldAt + 1}/${ranked.length}\n  q: ${item.q}\n  1st: ${first}\n  gold: ${goldText}`);
    }
  }
}
for (const [file, t] of tally) {
  console.log(
    `${file.padEnd(18)} n=${t.n} hit@1 ${(t.h1 / t.n).toFixed(3)} hit@5 ${(t.h5 / t.n).toFixed(3)} MRR@5 ${(t.mrr / t.n).toFixed(3)} gold among candidates ${(t.inCandidates / t.n).toFixed(3)}`,
  );
}
console.log(`(asked in ${gatherSeconds.toFixed(1)} s)`);
if (process.env.WEIGHTS) console.log([...weightSum].map(([n, w]) => `${n} ${w.toFixed(3)}`).join('\n'));
if (misses.length) console.log(misses.join('\n'));
fs.rmSync(scratch, { recursive: true, force: true });
