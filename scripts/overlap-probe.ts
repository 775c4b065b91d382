/**
 * Probe (not shipped): does running the graph search in a worker thread, concurrently with the lexical
 * legs on the main thread, lower an answer's wall time? Prints wall p50/p95 of lexical legs + vector
 * search done one after the other vs overlapped, over a kept 100k bench index.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { LowRankEmbedder } from '../src/bench/embedders.js';
import { percentile } from '../src/bench/timing.js';
import { benchQueries } from '../src/bench/queries.js';
import { DEFAULT_CANDIDATES } from '../src/retrieve/answer.js';
import { snapshotContext } from '../src/retrieve/features.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { readQuestion } from '../src/retrieve/question.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { searchVariants } from '../src/retrieve/variant-leg.js';
import { IndexDirectory } from '../src/store/index-dir.js';

const dir = process.argv[2]!;
const snapshot = (await new IndexDirectory(dir).load())!;
await prepareRanking(snapshot);
const store = snapshot.vectors as any;
const embedder = new LowRankEmbedder();
const all = benchQueries(snapshot, 340, 42).map((q) => readQuestion(q).search);
const vec = new Map<string, Float32Array>();
for (const q of all) vec.set(q, await embedder.embedQuery(q));
const usearchPath = createRequire(import.meta.url).resolve('usearch');
const worker = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
   const { Index, MetricKind, ScalarKind } = require(workerData.usearchPath);
   const g = new Index({ dimensions: workerData.d, metric: MetricKind.IP, quantization: ScalarKind.I8, connectivity: 16, expansion_add: 128, expansion_search: 256, multi: false });
   g.view(workerData.file);
   parentPort.on('message', ({ vector, k }) => { const { keys } = g.search(vector, k, 1); parentPort.postMessage(Uint32Array.from(keys, Number)); });`,
  { eval: true, workerData: { usearchPath, file: store.graphFile, d: store.dimensions } },
);
const depth = DEFAULT_CANDIDATES;
const lexical = (q: string) => {
  const ctx = snapshotContext(snapshot);
  const terms = questionTerms(snapshot.lexical, q);
  snapshot.lexical.searchScored(terms, depth, ctx.docOf, ctx.docs);
  searchVariants(snapshot.lexical, terms, depth);
};
const rescore = (keys: Uint32Array, v: Float32Array) => {
  const hits: Array<{ row: number; score: number }> = [];
  for (const key of keys) {
    const row = store.rowOfGraphKey(key);
    if (row !== undefined && row >= 0) hits.push({ row, score: store.flat.score(row, v) });
  }
  return hits.sort((a, b) => b.score - a.score || a.row - b.row).slice(0, depth);
};
const ask = (v: Float32Array) => new Promise<Uint32Array>((resolve) => { worker.once('message', resolve); worker.postMessage({ vector: v, k: 120 }); });
const seq: number[] = [], ovl: number[] = [], rt: number[] = [];
for (let round = 0; round < 2; round++) {
  for (const [i, q] of all.entries()) {
    const v = vec.get(q)!;
    const timed = i >= 100 && round === 1;
    let t = performance.now();
    lexical(q);
    await store.query(v, depth);
    if (timed) seq.push(performance.now() - t);
    t = performance.now();
    const pending = ask(v);
    lexical(q);
    rescore(await pending, v);
    if (timed) ovl.push(performance.now() - t);
    t = performance.now();
    await ask(v);
    if (timed) rt.push(performance.now() - t);
  }
}
const show = (name: string, s: number[]) => console.log(name.padEnd(34), percentile(s, 50).toFixed(2), percentile(s, 95).toFixed(2));
show('lexical legs then vector (ms)', seq);
show('overlapped, graph in a worker', ovl);
show('worker graph search round trip', rt);
await worker.terminate();
