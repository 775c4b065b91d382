/**
 * Where the served vector search's WALL-clock tail goes at scale (issue 14: 1M p95 17.4 ms wall against
 * 9.1 ms CPU): each query split into the graph search (usearch, native; major page faults = graph pages
 * read back from disk) and the exact re-scoring of its candidates (readSync of f32 rows from the vectors
 * segments; blocks read from disk = rows no longer in the page cache), before and after the store is made
 * resident (UsearchVectorStore.makeResident, as the bot runs it after start-up).
 *   npx tsx scripts/serve-tail.ts INDEX_DIR      (an index folder, e.g. the bench's index-lowrank-1000000 kept by --keep)
 *   QUERIES=240 (per phase); IDLE=s: sleep that long before each timed phase (lets the VM page idle memory out,
 *   as the bench's phases between load and the timed rows do); RESIDENT=0: skip makeResident.
 *   ROWS=1: then two re-scoring variants, not in the product (bench/README.md): rows read with async reads in parallel
 *   (libuv threadpool), and a resident int8 copy of the rows (per-row scale, query kept f32), each against
 *   the product's f32 re-scoring (same top 10?).
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Prng } from '../src/bench/prng.js';
import { percentile } from '../src/bench/timing.js';
import { LowRankModel } from '../src/bench/vector-sets.js';
import { IndexDirectory } from '../src/store/index-dir.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';
import { say } from './measure.js';

const TOP_K = 60; // the answer path's vector leg
const dir = process.argv[2];
if (!dir) throw new Error('usage: serve-tail.ts INDEX_DIR');
const count = Number(process.env.QUERIES ?? 240);
const idleSeconds = Number(process.env.IDLE ?? 0);

function majorFaults(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[9]);
}
function rssMb(kind: 'RssAnon' | 'RssFile'): number {
  return Number(new RegExp(`${kind}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN) / 1024;
}
const blocksRead = () => process.resourceUsage().fsRead;

const snapshot = await new IndexDirectory(dir).load();
const store = snapshot?.vectors;
if (!(store instanceof UsearchVectorStore) || !store.hasGraph) throw new Error(`no usearch graph in ${dir}`);
// The query path's parts, reached as store.query does (usearch-store.ts): graph search, then re-scoring.
const inner = store as unknown as {
  graph: { search(v: Float32Array, k: number, threads: number): { keys: BigUint64Array } };
  flat: { score(row: number, v: Float32Array): number };
  rowOfGraphKey(key: number): number;
  search: { rescore: number; perHit: number };
};
const model = new LowRankModel();
const prng = new Prng(0x7a11);
const fresh = () => Array.from({ length: count }, () => model.sample(prng));
say(`${store.size} vectors; RssAnon ${rssMb('RssAnon').toFixed(0)} MB, RssFile ${rssMb('RssFile').toFixed(0)} MB`);

interface Split {
  graphMs: number;
  rescoreMs: number;
  wallMs: number;
  majflt: number;
  blocks: number;
  rescoreBlocks: number;
}
function timedQuery(v: Float32Array): Split {
  const k = Math.min(store!.size, Math.max(inner.search.perHit * TOP_K, inner.search.rescore));
  const f0 = majorFaults();
  const b0 = blocksRead();
  const t0 = performance.now();
  const { keys } = inner.graph.search(v, k, 1);
  const t1 = performance.now();
  const b1 = blocksRead();
  let sum = 0;
  for (const key of keys) {
    const row = inner.rowOfGraphKey(Number(key));
    if (row >= 0) sum += inner.flat.score(row, v);
  }
  const t2 = performance.now();
  const b2 = blocksRead();
  if (Number.isNaN(sum)) throw new Error('NaN score');
  return { graphMs: t1 - t0, rescoreMs: t2 - t1, wallMs: t2 - t0, majflt: majorFaults() - f0, blocks: b2 - b0, rescoreBlocks: b2 - b1 };
}

async function phase(label: string): Promise<void> {
  if (idleSeconds > 0) await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const splits = fresh().map(timedQuery);
  const p = (pick: (s: Split) => number, q: number) => percentile(splits.map(pick), q).toFixed(2);
  const total = (pick: (s: Split) => number) => splits.reduce((a, s) => a + pick(s), 0);
  // The slowest 5 %: what makes them slow.
  const slow = [...splits].sort((a, b) => b.wallMs - a.wallMs).slice(0, Math.max(1, Math.round(splits.length / 20)));
  const mean = (xs: Split[], pick: (s: Split) => number) => (xs.reduce((a, s) => a + pick(s), 0) / xs.length).toFixed(2);
  say(`${label}: ${splits.length} queries, wall p50/p95 ${p((s) => s.wallMs, 50)}/${p((s) => s.wallMs, 95)} ms = graph ${p((s) => s.graphMs, 50)}/${p((s) => s.graphMs, 95)} + re-score ${p((s) => s.rescoreMs, 50)}/${p((s) => s.rescoreMs, 95)} ms`);
  say(`  major faults ${total((s) => s.majflt)} (${(total((s) => s.majflt) / splits.length).toFixed(1)}/query), blocks read in re-scoring ${total((s) => s.rescoreBlocks)}, in graph ${total((s) => s.blocks - s.rescoreBlocks)}`);
  say(`  slowest ${slow.length}: mean graph ${mean(slow, (s) => s.graphMs)} ms (${mean(slow, (s) => s.majflt)} major faults), re-score ${mean(slow, (s) => s.rescoreMs)} ms (${mean(slow, (s) => s.rescoreBlocks)} blocks); RssAnon ${rssMb('RssAnon').toFixed(0)} MB, RssFile ${rssMb('RssFile').toFixed(0)} MB`);
}

await phase('1 view, right after load');
await phase('2 view, steady');
if (process.env.RESIDENT !== '0') {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const done = await store.makeResident();
  const took = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20)); // lets the timer a block delayed fire and be recorded
  delay.disable();
  say(`makeResident: ${JSON.stringify(done)} in ${took.toFixed(0)} ms; event-loop delay max ${(delay.max / 1e6).toFixed(1)} ms; RssAnon ${rssMb('RssAnon').toFixed(0)} MB, RssFile ${rssMb('RssFile').toFixed(0)} MB`);
  await phase('3 resident');
  await phase('4 resident, again');
}
if (process.env.ROWS === '1') await rowVariants();
say(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

/** Re-scoring variants on the resident graph: async parallel row reads, and a resident int8 copy of the rows. */
async function rowVariants(): Promise<void> {
  const flat = inner.flat as unknown as { dimensions: number; rowVector(row: number): Float32Array; onDisk: { fds: number[]; labels: Uint32Array; segmentRows: number } };
  const d = flat.dimensions;
  const { fds, labels, segmentRows } = flat.onDisk;
  const read = promisify(fs.read);
  const k = Math.min(store!.size, Math.max(inner.search.perHit * TOP_K, inner.search.rescore));
  const dot = (a: Float32Array, b: Float32Array) => {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += a[i]! * b[i]!;
    return sum;
  };
  const top10 = (scored: Array<{ row: number; score: number }>) => scored.sort((a, b) => b.score - a.score || a.row - b.row).slice(0, 10).map((h) => h.row);
  const rowsOf = (v: Float32Array) => [...inner.graph.search(v, k, 1).keys].map((key) => inner.rowOfGraphKey(Number(key))).filter((row) => row >= 0);
  const exactTop = (v: Float32Array) => top10(rowsOf(v).map((row) => ({ row, score: inner.flat.score(row, v) })));
  const agreement = (a: number[], b: number[]) => a.filter((row) => b.includes(row)).length / a.length;

  if (idleSeconds > 0) await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const asyncWall: number[] = [];
  let asyncAgree = 0;
  for (const v of fresh()) {
    const t = performance.now();
    const rows = rowsOf(v);
    const scored = await Promise.all(rows.map(async (row) => {
      const label = labels[row]!;
      const segment = Math.floor(label / segmentRows);
      const into = new Float32Array(d);
      await read(fds[segment]!, new Uint8Array(into.buffer), 0, d * 4, (label - segment * segmentRows) * d * 4);
      return { row, score: dot(into, v) };
    }));
    const got = top10(scored);
    asyncWall.push(performance.now() - t);
    asyncAgree += agreement(exactTop(v), got);
  }
  say(`rows read async in parallel (UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 4}): wall p50/p95 ${percentile(asyncWall, 50).toFixed(2)}/${percentile(asyncWall, 95).toFixed(2)} ms; top-10 agreement with the f32 re-scoring ${(asyncAgree / asyncWall.length).toFixed(4)}`);

  const started = performance.now();
  const codes = new Int8Array(store!.size * d);
  const scales = new Float32Array(store!.size);
  for (let row = 0; row < store!.size; row++) {
    const v = flat.rowVector(row);
    let max = 0;
    for (let i = 0; i < d; i++) max = Math.max(max, Math.abs(v[i]!));
    const scale = max / 127 || 1;
    scales[row] = scale;
    for (let i = 0; i < d; i++) codes[row * d + i] = Math.round(v[i]! / scale);
  }
  say(`int8 row copy: ${((codes.byteLength + scales.byteLength) / 2 ** 20).toFixed(0)} MB built in ${((performance.now() - started) / 1000).toFixed(1)} s; RssAnon ${rssMb('RssAnon').toFixed(0)} MB`);
  if (idleSeconds > 0) await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
  const i8Wall: number[] = [];
  let i8Agree = 0;
  for (const v of fresh()) {
    const t = performance.now();
    const scored = rowsOf(v).map((row) => {
      let sum = 0;
      const base = row * d;
      for (let i = 0; i < d; i++) sum += codes[base + i]! * v[i]!;
      return { row, score: sum * scales[row]! };
    });
    const got = top10(scored);
    i8Wall.push(performance.now() - t);
    i8Agree += agreement(exactTop(v), got);
  }
  say(`rows from the resident int8 copy: wall p50/p95 ${percentile(i8Wall, 50).toFixed(2)}/${percentile(i8Wall, 95).toFixed(2)} ms; top-10 agreement with the f32 re-scoring ${(i8Agree / i8Wall.length).toFixed(4)}`);
}
