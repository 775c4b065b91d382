/**
 * Whose CPU a hybrid answer's CPU time is (issues 14 / 9: the bench's hybrid CPU p95 exceeds its wall p95).
 * Replays the bench's low-rank serve sequence over a kept index (load, graph made resident, prepareRanking,
 * STEADY_WARMUP other questions, then each timed question once) and charges each answer's CPU to the
 * threads that ran it, read from /proc/self/task/<tid>/schedstat (ns on a core, per thread), grouped by
 * thread name: the main thread, V8's helper threads (GC, compiler), libuv's pool, tsx's loader, others.
 * Beside them: the GC pauses that overlap the answer (PerformanceObserver) and its heapUsed growth.
 *   npx tsx scripts/serve-threads.ts <kept folder>/index-lowrank-100000 [slowest=12] [queries=240]
 *   WARMUP=N: N other questions before the timed ones instead of the bench's STEADY_WARMUP.
 *   ROOT=dist/src: load the compiled code (as `npm start` and the bot run it) instead of src/.
 * Linux only (procfs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/serve-threads.ts <index folder> [slowest] [queries]\n');
  process.exit(2);
}
const slowest = Number(process.argv[3] ?? 12);
const queryCount = Number(process.argv[4] ?? 240);
const root = pathToFileURL(path.resolve(process.env.ROOT ?? 'src')).href;
const load = (module: string) => import(`${root}/${module}${process.env.ROOT ? '.js' : '.ts'}`);

const { LowRankEmbedder, PrecomputedEmbedder } = await load('bench/embedders');
const { benchQueries } = await load('bench/queries');
const timing = await load('bench/timing');
const { STEADY_WARMUP, percentile } = timing;
const { answerQuestion } = await load('retrieve/answer');
const { prepareRanking } = await load('retrieve/prepare');
const { readQuestion } = await load('retrieve/question');
const { IndexDirectory } = await load('store/index-dir');
const { UsearchVectorStore } = await load('store/usearch-store');

/** ns on a core per thread of this process, keyed by tid, with the thread's name (Linux: this script needs procfs). */
const threadTimes = () => timing.threadTimes(true)!;
const mainTid = String(process.pid);
// A thread's own schedstat lags until the next tick while it runs, so the main thread's share is the process's
// CPU (getrusage, exact) less the other threads' (asleep or on another core when read).
const processNs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};
/** A thread's group: its name without the pool number. */
const groupOf = (tid: string, name: string) => (tid === mainTid ? 'main' : `${name.replace(/[\s\d]+$/, '') || 'other'}+${Number(tid) - process.pid}`);

const snapshot = await new IndexDirectory(dir).load();
if (!snapshot?.vectors) throw new Error(`no index with vectors in ${dir}`);
const embedder = new LowRankEmbedder();
const warmupCount = Number(process.env.WARMUP ?? STEADY_WARMUP);
const asked: string[] = benchQueries(snapshot, queryCount + warmupCount, 42).map((q: string) => readQuestion(q).search);
const queries = asked.slice(0, queryCount);
const warmups = asked.slice(queryCount);
const vectorOf = new Map<string, Float32Array>();
for (const q of asked) vectorOf.set(q, await embedder.embedQuery(q));
const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
for (const q of warmups) await snapshot.vectors.query(vectorOf.get(q)!, 50);
if (snapshot.vectors instanceof UsearchVectorStore) await snapshot.vectors.makeResident();
for (const q of queries) await snapshot.vectors.query(vectorOf.get(q)!, 50);
await prepareRanking(snapshot);
for (const q of warmups) await answerQuestion(snapshot, precomputed, q, {});

const pauses: Array<{ start: number; ms: number; kind: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration, kind: (e as { detail?: { kind?: number } }).detail?.kind ?? 0 });
}).observe({ entryTypes: ['gc'] });

interface Row { q: string; wall: number; main: number; others: Map<string, number>; gcMs: number; gcKinds: string; heapKb: number; start: number; end: number }
const rows: Row[] = [];
if (process.env.MARK) fs.writeSync(1, '=== timed answers start\n');
const totals = new Map<string, number>();
for (const q of queries) {
  const before = threadTimes();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpu0 = processNs();
  const start = performance.now();
  await answerQuestion(snapshot, precomputed, q, {});
  const end = performance.now();
  const cpu1 = processNs();
  const heapAfter = process.memoryUsage().heapUsed;
  const after = threadTimes();
  const others = new Map<string, number>();
  for (const [tid, t] of after) {
    if (tid === mainTid) continue;
    const ms = (t.ns - (before.get(tid)?.ns ?? 0)) / 1e6;
    if (ms <= 0) continue;
    const group = groupOf(tid, t.name);
    others.set(group, (others.get(group) ?? 0) + ms);
    totals.set(group, (totals.get(group) ?? 0) + ms);
  }
  const otherTotal = [...others.values()].reduce((a, b) => a + b, 0);
  rows.push({ q, wall: end - start, main: (cpu1 - cpu0) / 1e6 - otherTotal, others, gcMs: 0, gcKinds: '', heapKb: (heapAfter - heapBefore) / 1024, start, end });
}
if (process.env.MARK) fs.writeSync(1, '=== timed answers end\n');
await new Promise((resolve) => setTimeout(resolve, 50));
for (const row of rows) {
  const inside = pauses.filter((p) => p.start < row.end && p.start + p.ms > row.start);
  row.gcMs = inside.reduce((s, p) => s + p.ms, 0);
  row.gcKinds = inside.map((p) => `${p.kind}:${p.ms.toFixed(2)}`).join(' ');
}
const otherMs = (row: Row) => [...row.others.values()].reduce((a, b) => a + b, 0);
const fmt = (values: number[]) => `${percentile(values, 50).toFixed(2)} / ${percentile(values, 95).toFixed(2)} / ${Math.max(...values).toFixed(2)}`;
const ROOT_LABEL = process.env.ROOT ?? 'src (tsx)';
console.log(`code ${ROOT_LABEL}, ${rows.length} answers after ${warmups.length} others; p50 / p95 / max ms`);
console.log(`wall ${fmt(rows.map((r) => r.wall))}`);
console.log(`main thread CPU ${fmt(rows.map((r) => r.main))}`);
console.log(`other threads CPU ${fmt(rows.map(otherMs))}`);
console.log(`process CPU ${fmt(rows.map((r) => r.main + otherMs(r)))}`);
console.log(`heapUsed growth KB (no GC inside) ${fmt(rows.filter((r) => r.gcMs === 0).map((r) => r.heapKb))}`);
console.log(`GC pauses in answers: ${pauses.length} in all, ${rows.filter((r) => r.gcMs > 0).length} answers hit, ${rows.reduce((s, r) => s + r.gcMs, 0).toFixed(1)} ms`);
console.log(`other threads' CPU over all answers, ms: ${[...totals].sort((a, b) => b[1] - a[1]).map(([g, ms]) => `${g} ${ms.toFixed(1)}`).join(', ')}`);
const byWall = [...rows].sort((a, b) => b.wall - a.wall).slice(0, slowest);
console.log(`slowest ${slowest} by wall: wall main others gc | threads | question`);
for (const r of byWall) {
  const threads = [...r.others].filter(([, ms]) => ms >= 0.05).map(([g, ms]) => `${g} ${ms.toFixed(2)}`).join(', ');
  console.log(`${r.wall.toFixed(2)} ${r.main.toFixed(2)} ${otherMs(r).toFixed(2)} ${r.gcMs.toFixed(2)}${r.gcKinds ? ` (${r.gcKinds})` : ''} | ${threads} | ${r.q.slice(0, 60)}`);
}
const byCpu = [...rows].sort((a, b) => b.main + otherMs(b) - (a.main + otherMs(a))).slice(0, slowest);
console.log(`slowest ${slowest} by process CPU: cpu wall main others | threads`);
for (const r of byCpu) {
  const threads = [...r.others].filter(([, ms]) => ms >= 0.05).map(([g, ms]) => `${g} ${ms.toFixed(2)}`).join(', ');
  console.log(`${(r.main + otherMs(r)).toFixed(2)} ${r.wall.toFixed(2)} ${r.main.toFixed(2)} ${otherMs(r).toFixed(2)} | ${threads}`);
}
if (process.env.OUT) fs.writeFileSync(process.env.OUT, JSON.stringify(rows.map((r) => ({ q: r.q, wall: r.wall, main: r.main, other: otherMs(r), gc: r.gcMs, heapKb: r.heapKb }))));
