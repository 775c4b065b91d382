/**
 * How many of the graph's hits must be re-scored on the exact f32 rows (issue 14's 1M wall tail: each
 * row re-scored is a readSync of the vectors segments, a disk read when the VM evicted it). For re-score
 * depths M, recall@10 against the exact scan when only the first M hits are re-scored, ordered first by
 * (g) the graph's own int8 distance or (c) a per-row-scaled int8 copy of the rows held in memory; then
 * the real path timed per query (graph search + M rows read and scored): wall, CPU, blocks read, major
 * and minor faults, warm and with the segments evicted from the page cache (posix_fadvise DONTNEED).
 *   npx tsx scripts/rescore-depth.ts GENERATION_DIR    (read-only; e.g. a kept bench index's current generation)
 *   QUERIES=100 DEPTHS=10,20,30,40,60,80,120 TOPK=60 (the answer path's vector leg asks 60: 120 hits searched)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Prng } from '../src/bench/prng.js';
import { percentile } from '../src/bench/timing.js';
import { LowRankModel } from '../src/bench/vector-sets.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';
import { say, evictFromPageCache } from './measure.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: rescore-depth.ts GENERATION_DIR');
const count = Number(process.env.QUERIES ?? 100);
const depths = (process.env.DEPTHS ?? '10,20,30,40,60,80,120').split(',').map(Number);
const topK = Number(process.env.TOPK ?? 60);

const store = await UsearchVectorStore.load(dir);
const inner = store as unknown as {
  graph: { search(v: Float32Array, k: number, threads: number): { keys: BigUint64Array; distances: Float32Array } };
  flat: { score(row: number, v: Float32Array): number; onDisk: { readAll(n: number): Float32Array } };
  rowOfGraphKey(key: number): number;
  search: { rescore: number; perHit: number };
};
const d = store.dimensions;
const n = store.size;
const k = Math.min(n, Math.max(2 * topK, inner.search.rescore));
const model = new LowRankModel();
const prng = new Prng(0x5eed);
const queries = Array.from({ length: count }, () => model.sample(prng));
say(`${n} vectors; makeResident ${JSON.stringify(await store.makeResident())}`);

// QUERY_I8=1: the query handed to usearch as int8 rounded at its own scale (usearch's own cast truncates at 127/|q|).
const queryI8 = process.env.QUERY_I8 === '1';
const asI8 = (v: Float32Array) => {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  return Int8Array.from(v, (x) => Math.round((x * 127) / (max || 1)));
};
const hitsOf = (v: Float32Array) => {
  const { keys, distances } = inner.graph.search((queryI8 ? asI8(v) : v) as Float32Array, k, 1);
  const rows: number[] = [];
  const dist: number[] = [];
  keys.forEach((key, i) => {
    const row = inner.rowOfGraphKey(Number(key));
    if (row >= 0) (rows.push(row), dist.push(distances[i]!));
  });
  return { rows, dist };
};
const top10 = (scored: Array<{ row: number; score: number }>) => [...scored].sort((a, b) => b.score - a.score || a.row - b.row).slice(0, 10).map((h) => h.row);

// Quality: needs every row in memory once (exact truth, f32 and int8 scores of the hits).
const truthFile = `/tmp/isnad-tail/truth-${path.basename(dir)}-${count}.json`;
{
  const started = performance.now();
  const matrix = inner.flat.onDisk.readAll(n * d);
  const dot = (row: number, v: Float32Array) => {
    let s = 0;
    for (let i = 0, b = row * d; i < d; i++) s += matrix[b + i]! * v[i]!;
    return s;
  };
  let truth: number[][];
  if (existsSync(truthFile)) truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  else {
    truth = queries.map((v) => {
      const best: Array<{ row: number; score: number }> = [];
      for (let row = 0; row < n; row++) {
        const score = dot(row, v);
        if (best.length < 10 || score > best[9]!.score) {
          best.push({ row, score });
          best.sort((a, b) => b.score - a.score);
          if (best.length > 10) best.pop();
        }
      }
      return best.map((h) => h.row);
    });
    await fs.writeFile(truthFile, JSON.stringify(truth));
  }
  say(`truth ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const codes = new Int8Array(n * d);
  const scales = new Float32Array(n);
  for (let row = 0; row < n; row++) {
    let max = 0;
    for (let i = 0, b = row * d; i < d; i++) max = Math.max(max, Math.abs(matrix[b + i]!));
    const scale = max / 127 || 1;
    scales[row] = scale;
    for (let i = 0, b = row * d; i < d; i++) codes[b + i] = Math.round(matrix[b + i]! / scale);
  }
  const i8 = (row: number, v: Float32Array) => {
    let s = 0;
    for (let i = 0, b = row * d; i < d; i++) s += codes[b + i]! * v[i]!;
    return s * scales[row]!;
  };
  const recall = (got: number[][]) => got.reduce((a, top, q) => a + top.filter((row) => truth[q]!.includes(row)).length, 0) / (10 * got.length);
  const hits = queries.map(hitsOf);
  const f32All = recall(hits.map(({ rows }, q) => top10(rows.map((row) => ({ row, score: dot(row, queries[q]!) })))));
  const graphOnly = recall(hits.map(({ rows }) => rows.slice(0, 10)));
  const i8Only = recall(hits.map(({ rows }, q) => top10(rows.map((row) => ({ row, score: i8(row, queries[q]!) })))));
  say(`recall@10 of ${k} graph hits: f32 re-scored all ${f32All.toFixed(4)}; graph order alone ${graphOnly.toFixed(4)}; int8 copy alone ${i8Only.toFixed(4)}`);
  for (const m of depths) {
    const byGraph = recall(hits.map(({ rows }, q) => top10(rows.slice(0, m).map((row) => ({ row, score: dot(row, queries[q]!) })))));
    const byCopy = recall(hits.map(({ rows }, q) => {
      const pre = top10Of(rows.map((row) => ({ row, score: i8(row, queries[q]!) })), m);
      return top10(pre.map((row) => ({ row, score: dot(row, queries[q]!) })));
    }));
    // Rank of the last truth row found among the graph hits (how deep the graph order must go).
    say(`  M=${m}: recall@10 first M by graph distance ${byGraph.toFixed(4)}; top M by int8 copy ${byCopy.toFixed(4)}`);
  }
  const ranks = hits.flatMap(({ rows }, q) => truth[q]!.map((row) => rows.indexOf(row)).filter((r) => r >= 0));
  say(`  graph-order rank of found truth rows: p50 ${percentile(ranks, 50)}, p90 ${percentile(ranks, 90)}, p99 ${percentile(ranks, 99)}, max ${Math.max(...ranks)}`);
}

function top10Of(scored: Array<{ row: number; score: number }>, m: number): number[] {
  return [...scored].sort((a, b) => b.score - a.score || a.row - b.row).slice(0, m).map((h) => h.row);
}

if (process.env.QUALITY_ONLY === '1') process.exit(0);
// Timing on the real path (rows read from the segments), matrix gone.
const segments = readdirSync(dir).filter((f) => /^vectors-\d+\.f32$/.test(f)).map((f) => path.join(dir, f));
const evict = () => evictFromPageCache(segments);
function majMin(): [number, number] {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(f[9]), Number(f[7])];
}
function timedQuery(v: Float32Array, m: number) {
  const [maj0, min0] = majMin();
  const b0 = process.resourceUsage().fsRead;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { rows } = hitsOf(v);
  let sum = 0;
  for (const row of rows.slice(0, m)) sum += inner.flat.score(row, v);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const [maj1, min1] = majMin();
  if (Number.isNaN(sum)) throw new Error('NaN');
  return { wall, cpu: (c.user + c.system) / 1000, blocks: process.resourceUsage().fsRead - b0, maj: maj1 - maj0, min: min1 - min0 };
}
for (const mode of ['warm', 'evicted'] as const) {
  for (const m of depths) {
    const probe = Array.from({ length: count }, () => model.sample(prng));
    if (mode === 'warm') probe.forEach((v) => timedQuery(v, m)); // rows now in the page cache
    else evict();
    const runs = probe.map((v) => timedQuery(v, m));
    const p = (pick: (r: (typeof runs)[number]) => number) => `${percentile(runs.map(pick), 50).toFixed(2)}/${percentile(runs.map(pick), 95).toFixed(2)}`;
    const mean = (pick: (r: (typeof runs)[number]) => number) => (runs.reduce((a, r) => a + pick(r), 0) / runs.length).toFixed(1);
    say(`${mode} M=${m}: wall p50/p95 ${p((r) => r.wall)} ms, CPU ${p((r) => r.cpu)} ms; per query blocks read ${mean((r) => r.blocks)}, major ${mean((r) => r.maj)}, minor ${mean((r) => r.min)} faults`);
  }
}
