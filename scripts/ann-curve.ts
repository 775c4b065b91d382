/**
 * The served vector store's recall/latency curve (issue 14): a UsearchVectorStore over `lowRankSet`
 * vectors (the bench's low-rank distribution: LowRankModel samples, queries from the same distribution),
 * built with a given graph connectivity and swept over the search expansion and the re-score depth.
 * The store (graph + segments, per size and connectivity) and the exact top 10 of its 200 queries (per
 * size) are cached under CACHE, so only the first run at a size and connectivity builds. Recall@10 and
 * latency are of `store.query(q, 50)`, as the bench's.
 *   npx tsx scripts/ann-curve.ts SIZE [EXPANSIONS=64,128,256,512,1024] [RESCORES=100]
 *   CONNECTIVITY=16 (default: the shipped rule for SIZE); CACHE=/tmp/isnad-vec2 (default);
 *   BUILD_ONLY=1 stops after the build (and the exact top 10); TRUTH_ONLY=1 computes only the exact top 10. EXPANSIONS may be `rule`: the shipped searchSettings.
 * Prints the build (wall seconds, from the cached build.json), the graph file's size, the cold load of
 * the store (UsearchVectorStore.load; the graph file may be in the page cache) and the process's RSS
 * after the sweep (the mapped graph pages touched by the searches count in it).
 *   FROM=<generation folder of an index>: sweep that index's store instead (e.g. the bench's own
 *   index-lowrank-100000), with 200 fresh low-rank queries; SIZE is then only a label.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lowRankSet } from '../src/bench/vector-sets.js';
import { recallAtK } from '../src/bench/vector-sets.js';
import { latencies } from '../src/bench/timing.js';
import { FlatVectorStore } from '../src/store/flat-store.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';
import { searchSettings } from '../src/store/graph-search.js';
import { graphShape } from '../src/store/graph-shape.js';
import { generationIds } from './measure.js';

const QUERIES = 200;
const TOP_K = 50; // CANDIDATES in src/bench/worker-setup.ts: what the answer path asks the vector leg for
const size = Number(process.argv[2] ?? 100_000);
const connectivity = Number(process.env.CONNECTIVITY ?? graphShape().connectivity);
const expansionArg = process.argv[3] ?? '64,128,256,512,1024';
const expansions = expansionArg === 'rule' ? [searchSettings(size, connectivity).expansion] : expansionArg.split(',').map(Number);
const rescores = (process.argv[4] ?? '100').split(',').map(Number);
const cache = process.env.CACHE ?? '/tmp/isnad-vec2';
const from = process.env.FROM;
const dir = from ?? path.join(cache, `store-lowrank-${size}-c${connectivity}`);
const truthFile = from ? path.join(cache, `truth-${path.basename(from)}.json`) : path.join(cache, `truth-lowrank-${size}.json`);
const say = (line: string) => console.log(`${line}   [load ${os.loadavg()[0]!.toFixed(2)}]`);
await fs.mkdir(cache, { recursive: true });

async function writeTruth(queries: Float32Array[], exact: FlatVectorStore): Promise<void> {
  const started = Date.now();
  const truth = queries.map((q) => exact.querySync(q, 10).map((h) => h.id));
  say(`${size}: exact top 10 of ${queries.length} queries in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const tmp = `${truthFile}.${process.pid}`;
  await fs.writeFile(tmp, JSON.stringify({ queries: queries.map((q) => Array.from(q)), truth }));
  await fs.rename(tmp, truthFile);
}

if (from && !existsSync(truthFile)) {
  const { queries } = lowRankSet(0, QUERIES);
  const ids = generationIds(from);
  const store = await UsearchVectorStore.load(from, {}, ids);
  const matrix = new Float32Array(ids.length * store.dimensions);
  ids.forEach((id, row) => matrix.set(store.get(id)!, row * store.dimensions));
  await writeTruth(queries, new FlatVectorStore(store.dimensions, matrix, ids));
} else if (!from && (!existsSync(path.join(dir, 'build.json')) || !existsSync(truthFile))) {
  const set = lowRankSet(size, QUERIES);
  const d = set.dimensions;
  const items = Array.from({ length: size }, (_, row) => ({ id: String(row), vector: set.matrix.subarray(row * d, (row + 1) * d) }));
  if (!existsSync(path.join(dir, 'build.json')) && !process.env.TRUTH_ONLY) {
    const started = Date.now();
    const store = await UsearchVectorStore.build(d, items, null, undefined, connectivity);
    const seconds = (Date.now() - started) / 1000;
    say(`${size} connectivity ${connectivity}: graph built in ${seconds.toFixed(0)} s`);
    await fs.mkdir(dir, { recursive: true });
    await store.save(dir);
    await fs.writeFile(path.join(dir, 'build.json'), JSON.stringify({ seconds, load: os.loadavg()[0], at: new Date().toISOString() }));
  }
  if (!existsSync(truthFile)) await writeTruth(set.queries, new FlatVectorStore(d, set.matrix, items.map((i) => i.id)));
}
if (process.env.BUILD_ONLY || process.env.TRUTH_ONLY) process.exit(0);

const { queries: raw, truth } = JSON.parse(await fs.readFile(truthFile, 'utf8')) as { queries: number[][]; truth: string[][] };
const queries = raw.map((q) => Float32Array.from(q));
const build = from ? null : (JSON.parse(await fs.readFile(path.join(dir, 'build.json'), 'utf8')) as { seconds: number; load: number });
const graphMb = (await fs.stat(path.join(dir, 'usearch.bin'))).size / 2 ** 20;
const ids = from ? generationIds(from) : undefined; // a bench index keeps its vectors' ids with its passages
let started = performance.now();
const first = await UsearchVectorStore.load(dir, {}, ids);
const coldMs = performance.now() - started;
started = performance.now();
await first.query(queries[0]!, TOP_K);
const firstQueryMs = performance.now() - started;
say(
  `${size} vectors, connectivity ${first.shape.connectivity}, ${queries.length} queries, top ${TOP_K}; shipped rule: ${JSON.stringify(searchSettings(size, connectivity))}` +
    (build ? `; built in ${build.seconds.toFixed(0)} s at load ${build.load.toFixed(1)}` : '') +
    `; graph ${graphMb.toFixed(0)} MB; cold load ${coldMs.toFixed(0)} ms, first query ${firstQueryMs.toFixed(1)} ms`,
);
for (const expansion of expansions) {
  for (const rescore of rescores) {
    const store = await UsearchVectorStore.load(dir, { expansion, rescore }, ids);
    const got: string[][] = [];
    for (const q of queries) got.push((await store.query(q, TOP_K)).slice(0, 10).map((h) => h.id));
    const l = await latencies(queries, (q) => store.query(q, TOP_K));
    say(
      `c${first.shape.connectivity} expansion ${String(expansion).padStart(4)} rescore ${String(rescore).padStart(4)}  recall@10 ${recallAtK(truth, got).toFixed(3)}` +
        `  wall p50/p95 ${l.p50.toFixed(2)}/${l.p95.toFixed(2)} ms  cpu p50/p95 ${l.cpu!.p50.toFixed(2)}/${l.cpu!.p95.toFixed(2)} ms`,
    );
  }
}
say(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
