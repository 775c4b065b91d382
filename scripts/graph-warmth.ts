/**
 * Why the served vector search is slower right after load than in steady state (issue 14: the 1M bench's
 * vector p95 13.1 ms against ann-curve's 8.1 ms on the same settings). Loads a saved UsearchVectorStore
 * (its graph memory-mapped, as the bot serves it) and times `store.query(q, 50)` query by query, printing
 * latency by order after load with this process's page faults (/proc/self/stat) and GC pauses per phase:
 *   1. cold: ann-curve's 200 truth queries (new to this process), right after load, with their recall@10;
 *   2. fresh: FRESH other low-rank queries never asked before (steady state, as the hybrid row measures);
 *   3. repeat: the 200 truth queries again (what ann-curve's timed pass is: its recall pass asked them first).
 *   npx tsx scripts/graph-warmth.ts STORE_DIR [TRUTH_FILE]   (ann-curve's store-lowrank-SIZE-cN and truth-lowrank-SIZE.json)
 *   FRESH=400; WARM=n: store.warm() with n searches (WARM=rule: warmSearches) before phase 1, timed with its faults
 *   (warm first makes a graph of ≥ RESIDENT_MIN_SIZE vectors resident, as the bot does: scripts/serve-tail.ts times that);
 *   BALLAST_MB=1500: hold that much small JS objects first (a bot's passages and BM25), to see GC's share;
 *   EXPANSION=n: override the size's expansion; INDEX=1: STORE_DIR is a whole index folder, loaded as the bot does.
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { Prng } from '../src/bench/prng.js';
import { percentile } from '../src/bench/timing.js';
import { LowRankModel, recallAtK } from '../src/bench/vector-sets.js';
import { IndexDirectory } from '../src/store/index-dir.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';

const TOP_K = 50;
const [dir, truthFile] = process.argv.slice(2);
if (!dir) throw new Error('usage: graph-warmth.ts STORE_DIR [TRUTH_FILE]');
const freshCount = Number(process.env.FRESH ?? 400);
const say = (line: string) => console.log(`${line}   [load ${os.loadavg()[0]!.toFixed(2)}]`);

function faults(): { minor: number; major: number } {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { minor: Number(rest[7]), major: Number(rest[9]) };
}
/** CPU ms of this process's main thread alone (process.cpuUsage counts every thread: GC helpers, usearch). */
function mainThreadCpuMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / 100; // clock ticks of 10 ms
}
function rssFileMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/RssFile:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount++;
  }
}).observe({ entryTypes: ['gc'] });

const ballast: unknown[] = [];
const ballastMb = Number(process.env.BALLAST_MB ?? 0);
for (let i = 0; i < (ballastMb * 2 ** 20) / 200; i++) ballast.push({ id: `p${i}`, words: [i, i + 1, i + 2], text: `passage ${i}` });

// Without a truth file (its exact scans take minutes at 1M), phase 1 asks 200 other fresh queries and prints no recall.
const model = new LowRankModel();
const prng = new Prng(0xf7e5);
const fresh = Array.from({ length: freshCount }, () => model.sample(prng));
const { queries: raw, truth } = truthFile
  ? (JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { queries: number[][]; truth: string[][] | null })
  : { queries: Array.from({ length: 200 }, () => Array.from(model.sample(prng))), truth: null };
const truthQueries = raw.map((q) => Float32Array.from(q));

const f0 = faults();
let started = performance.now();
const expansion = process.env.EXPANSION ? { expansion: Number(process.env.EXPANSION) } : {};
// INDEX=1: DIR is an index folder (e.g. the bench's index-lowrank-100000): the whole index is loaded, as
// the bot and the bench's serve phase hold it (passages, BM25 beside the graph); EXPANSION is then ignored.
const loadedStore = async () => {
  if (!process.env.INDEX) return UsearchVectorStore.load(dir, expansion);
  const snapshot = await new IndexDirectory(dir).load();
  if (!(snapshot?.vectors instanceof UsearchVectorStore)) throw new Error(`no usearch index in ${dir}`);
  held.push(snapshot);
  return snapshot.vectors;
};
const held: unknown[] = [];
const store = await loadedStore();
const loadMs = performance.now() - started;
const f1 = faults();
say(`${store.size} vectors, connectivity ${store.shape.connectivity}; cold load ${loadMs.toFixed(0)} ms (faults ${f1.minor - f0.minor} minor, ${f1.major - f0.major} major); RssFile ${rssFileMb().toFixed(0)} MB; ballast ${ballastMb} MB`);

if (process.env.WARM) {
  const before = faults();
  const cpu = process.cpuUsage();
  started = performance.now();
  const searched = process.env.WARM === 'rule' ? await store.warm() : await store.warm(() => false, Number(process.env.WARM));
  const used = process.cpuUsage(cpu);
  const after = faults();
  say(`warm: ${searched} searches in ${(performance.now() - started).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU; faults ${after.minor - before.minor} minor, ${after.major - before.major} major; RssFile ${rssFileMb().toFixed(0)} MB`);
}

interface Sample {
  wall: number;
  cpu: number;
  minor: number;
  major: number;
}
async function run(queries: Float32Array[]): Promise<{ samples: Sample[]; got: string[][]; gcMs: number; gcCount: number; mainCpuMs: number; processCpuMs: number }> {
  const samples: Sample[] = [];
  const got: string[][] = [];
  const gc0 = { gcMs, gcCount };
  const main0 = mainThreadCpuMs();
  const process0 = process.cpuUsage();
  for (const q of queries) {
    const f = faults();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const hits = await store.query(q, TOP_K);
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const g = faults();
    samples.push({ wall, cpu: (used.user + used.system) / 1000, minor: g.minor - f.minor, major: g.major - f.major });
    got.push(hits.slice(0, 10).map((h) => h.id));
  }
  // Let the observer's queued entries arrive before reading the totals.
  await new Promise((resolve) => setImmediate(resolve));
  const used = process.cpuUsage(process0);
  return { samples, got, gcMs: gcMs - gc0.gcMs, gcCount: gcCount - gc0.gcCount, mainCpuMs: mainThreadCpuMs() - main0, processCpuMs: (used.user + used.system) / 1000 };
}

function line(label: string, samples: Sample[]): string {
  const wall = samples.map((s) => s.wall);
  const cpu = samples.map((s) => s.cpu);
  const minor = samples.reduce((a, s) => a + s.minor, 0) / samples.length;
  const major = samples.reduce((a, s) => a + s.major, 0);
  return `${label.padEnd(34)} wall p50/p95/max ${percentile(wall, 50).toFixed(2)}/${percentile(wall, 95).toFixed(2)}/${Math.max(...wall).toFixed(1)} ms  cpu p50/p95 ${percentile(cpu, 50).toFixed(2)}/${percentile(cpu, 95).toFixed(2)} ms  minor faults/query ${minor.toFixed(0)}, major ${major}`;
}

function report(phase: string, result: Awaited<ReturnType<typeof run>>, buckets: number[]): void {
  say(`${line(`${phase}: all ${result.samples.length}`, result.samples)}  (GC ${result.gcCount}× ${result.gcMs.toFixed(0)} ms; CPU main thread ${result.mainCpuMs.toFixed(0)} of ${result.processCpuMs.toFixed(0)} ms)`);
  let from = 0;
  for (const to of buckets) {
    if (from >= result.samples.length) break;
    say(`${line(`  ${phase} queries ${from + 1}–${Math.min(to, result.samples.length)}`, result.samples.slice(from, to))}`);
    from = to;
  }
}

const cold = await run(truthQueries);
report('1 cold (200 queries after load)', cold, [1, 10, 50, 100, 200]);
say(`  recall@10 of phase 1: ${truth ? recallAtK(truth, cold.got).toFixed(3) : 'n/a (no truth file)'}; RssFile ${rssFileMb().toFixed(0)} MB`);
const steady = await run(fresh);
report('2 fresh (never asked)', steady, [100, 200, 300, 400]);
say(`  RssFile ${rssFileMb().toFixed(0)} MB`);
const repeat = await run(truthQueries);
report('3 repeat (phase 1 queries again)', repeat, []);
// Where a search's time goes: the graph's own search (native) against the whole query (plus re-scoring in JS).
const graph = (store as unknown as { graph: { search(v: Float32Array, k: number, threads: number): unknown } }).graph;
const graphOnly: number[] = [];
const whole: number[] = [];
const cpuOf = async (fn: () => unknown) => {
  const cpu = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
};
for (const q of fresh) {
  graphOnly.push(await cpuOf(() => graph.search(q, 100, 1)));
  whole.push(await cpuOf(() => store.query(q, TOP_K)));
}
say(`4 fresh queries again, each twice in a row: graph.search alone (top 100) cpu p50/p95 ${percentile(graphOnly, 50).toFixed(2)}/${percentile(graphOnly, 95).toFixed(2)} ms; store.query cpu p50/p95 ${percentile(whole, 50).toFixed(2)}/${percentile(whole, 95).toFixed(2)} ms`);
say(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (RssFile ${rssFileMb().toFixed(0)} MB), peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ballast ${ballast.length} objects, ${held.length} index held`);
