/**
 * Which hybrid answers make the bench's p95, and why: replays the bench's serve sequence over a kept
 * 100k index (load, the lexical leg over every query, every passage analyzed, then one timed answer per
 * query, caches as cold as the bench leaves them), then prints the slowest answers with the GC pauses
 * that fell inside each, their postings, candidates, and the same answer's time again once warm.
 *   npx tsx scripts/answer-tail.ts <kept folder>/index-lowrank-100000 [slowest=15] [queries=240]
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { LowRankEmbedder, PrecomputedEmbedder } from '../src/bench/embedders.js';
import { HashEmbedder } from '../src/bench/fake-embedder.js';
import { cpuMs, percentile } from '../src/bench/timing.js';
import { benchQueries } from '../src/bench/queries.js';
import { answerQuestion } from '../src/retrieve/answer.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { readQuestion } from '../src/retrieve/question.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { analyze } from '../src/text/analyze.js';
import { IndexDirectory } from '../src/store/index-dir.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/answer-tail.ts <kept index folder> [slowest] [queries]\n');
  process.exit(2);
}
const slowest = Number(process.argv[3] ?? 15);
const snapshot = await new IndexDirectory(dir).load();
if (!snapshot?.vectors) throw new Error(`no index with vectors in ${dir}`);
const queries = benchQueries(snapshot, Number(process.argv[4] ?? 240), 42).map((q) => readQuestion(q).search);
const embedder = snapshot.manifest.model?.id === new LowRankEmbedder().modelId ? new LowRankEmbedder() : new HashEmbedder();
const vectorOf = new Map<string, Float32Array>();
for (const q of queries) vectorOf.set(q, await embedder.embedQuery(q));
const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
for (const q of queries) snapshot.lexical.search(analyze(q), 60); // the bench's lexical leg runs first
await prepareRanking(snapshot);

const pauses: Array<{ start: number; ms: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

async function pass(): Promise<Array<{ wall: number; cpu: number; start: number; end: number }>> {
  const out = [];
  for (const q of queries) {
    const start = performance.now();
    const cpu = cpuMs();
    await answerQuestion(snapshot!, precomputed, q, {});
    out.push({ wall: performance.now() - start, cpu: cpuMs() - cpu, start, end: performance.now() });
  }
  return out;
}
for (const q of queries.slice(0, 10)) await answerQuestion(snapshot, precomputed, q, {}); // the bench's warm-up
const cold = await pass();
await new Promise((resolve) => setTimeout(resolve, 50));
const gcIn = (t: { start: number; end: number }) => pauses.filter((p) => p.start >= t.start && p.start < t.end).reduce((a, p) => a + p.ms, 0);
const coldGc = cold.map(gcIn);
const warm = await pass();
const warm2 = await pass();
const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
console.log(`cold (bench-like) wall p50/p95 ${p(cold.map((c) => c.wall), 50)} / ${p(cold.map((c) => c.wall), 95)}, CPU ${p(cold.map((c) => c.cpu), 50)} / ${p(cold.map((c) => c.cpu), 95)}; GC inside answers ${coldGc.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
console.log(`warm wall p50/p95 ${p(warm.map((c) => c.wall), 50)} / ${p(warm.map((c) => c.wall), 95)}; again ${p(warm2.map((c) => c.wall), 50)} / ${p(warm2.map((c) => c.wall), 95)}`);
const postingsOf = (q: string) => questionTerms(snapshot!.lexical, q).reduce((sum, t) => sum + snapshot!.lexical.documentFrequency(t), 0);
const order = cold.map((_, i) => i).sort((a, b) => cold[b]!.wall - cold[a]!.wall);
console.log('wall  cpu   gc    warm  warm2 postings terms question');
for (const i of order.slice(0, slowest)) {
  const terms = questionTerms(snapshot.lexical, queries[i]!);
  console.log(
    [cold[i]!.wall, cold[i]!.cpu, coldGc[i]!, warm[i]!.wall, warm2[i]!.wall].map((v) => v.toFixed(2).padStart(5)).join(' '),
    String(postingsOf(queries[i]!)).padStart(7),
    String(terms.length).padStart(3),
    queries[i]!.slice(0, 50),
  );
}
