/**
 * The served vector store's recall/latency curve (issue 14): a UsearchVectorStore with the shipped
 * graph settings over `lowRankSet` vectors (the bench's low-rank distribution: LowRankModel samples,
 * queries from the same distribution), swept over the graph's search expansion and the re-score depth.
 * The store (graph + segments) and the exact top 10 of its 200 queries are cached under CACHE, so only
 * the first run at a size builds. Recall@10 and latency are of `store.query(q, 50)`, as the bench's.
 *   npx tsx scripts/ann-curve.ts SIZE [EXPANSIONS=64,128,256,512,1024] [RESCORES=100]
 *   CACHE=/tmp/isnad-vec (default); BUILD_ONLY=1 stops after the build.
 *   FROM=<generation folder of an index>: sweep that index's store instead (e.g. the bench's own
 *   index-lowrank-100000), with 200 fresh low-rank queries; SIZE is then only a label.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { lowRankSet } from '../src/bench/vector-sets.js';
import { recallAtK } from '../src/bench/vector-sets.js';
import { latencies } from '../src/bench/timing.js';
import { FlatVectorStore } from '../src/store/flat-store.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';
import { searchSettings } from '../src/store/usearch-graph.js';

const QUERIES = 200;
const TOP_K = 50; // CANDIDATES in src/bench/workers.ts: what the answer path asks the vector leg for
const size = Number(process.argv[2] ?? 100_000);
const expansions = (process.argv[3] ?? '64,128,256,512,1024').split(',').map(Number);
const rescores = (process.argv[4] ?? '100').split(',').map(Number);
const cache = process.env.CACHE ?? '/tmp/isnad-vec';
const from = process.env.FROM;
const dir = from ?? path.join(cache, `store-lowrank-${size}`);
const truthFile = from ? path.join(cache, `truth-${path.basename(from)}.json`) : path.join(dir, 'truth.json');
const say = (line: string) => console.log(`${line}   [load ${os.loadavg()[0]!.toFixed(2)}]`);

if (from && !existsSync(truthFile)) {
  const { queries } = lowRankSet(0, QUERIES);
  const store = await UsearchVectorStore.load(from);
  const ids = JSON.parse(await fs.readFile(path.join(from, 'vector-ids.json'), 'utf8')).ids as string[];
  const matrix = new Float32Array(ids.length * store.dimensions);
  ids.forEach((id, row) => matrix.set(store.get(id)!, row * store.dimensions));
  const exact = new FlatVectorStore(store.dimensions, matrix, ids);
  const truth = queries.map((q) => exact.querySync(q, 10).map((h) => h.id));
  await fs.writeFile(truthFile, JSON.stringify({ queries: queries.map((q) => Array.from(q)), truth }));
} else if (!existsSync(truthFile)) {
  const set = lowRankSet(size, QUERIES);
  const d = set.dimensions;
  const items = Array.from({ length: size }, (_, row) => ({ id: String(row), vector: set.matrix.subarray(row * d, (row + 1) * d) }));
  let started = Date.now();
  const store = await UsearchVectorStore.build(d, items, null);
  say(`${size}: graph built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await fs.mkdir(dir, { recursive: true });
  await store.save(dir);
  started = Date.now();
  const exact = new FlatVectorStore(d, set.matrix, items.map((i) => i.id));
  const truth = set.queries.map((q) => exact.querySync(q, 10).map((h) => h.id));
  say(`${size}: exact top 10 of ${QUERIES} queries in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await fs.writeFile(truthFile, JSON.stringify({ queries: set.queries.map((q) => Array.from(q)), truth }));
}
if (process.env.BUILD_ONLY) process.exit(0);

const { queries: raw, truth } = JSON.parse(await fs.readFile(truthFile, 'utf8')) as { queries: number[][]; truth: string[][] };
const queries = raw.map((q) => Float32Array.from(q));
say(`${size} vectors, ${queries.length} queries, top ${TOP_K}; shipped rule: ${JSON.stringify(searchSettings(size))}`);
for (const expansion of expansions) {
  for (const rescore of rescores) {
    const store = await UsearchVectorStore.load(dir, { expansion, rescore });
    const got: string[][] = [];
    for (const q of queries) got.push((await store.query(q, TOP_K)).slice(0, 10).map((h) => h.id));
    const l = await latencies(queries, (q) => store.query(q, TOP_K));
    say(
      `expansion ${String(expansion).padStart(4)} rescore ${String(rescore).padStart(4)}  recall@10 ${recallAtK(truth, got).toFixed(3)}` +
        `  wall p50/p95 ${l.p50.toFixed(2)}/${l.p95.toFixed(2)} ms  cpu p50/p95 ${l.cpu!.p50.toFixed(2)}/${l.cpu!.p95.toFixed(2)} ms`,
    );
  }
}
