/**
 * CPU time of one answer and of its parts over a kept bench index, after every passage was analyzed
 * (as the bot does after load). CPU time, not wall time: on a machine shared with other work the
 * wall-clock tail is mostly waiting for a core.
 *   npm run bench -- --sizes 100000 --model fake --keep      (prints the folder it keeps)
 *   npx tsx scripts/answer-cpu.ts <kept folder>/index-lowrank-100000 [queries=240]
 * Prints p50 / p95 ms of: the hybrid answer (query vectors precomputed), the lexical-only answer, the
 * vector search, the main BM25 search and the spelling-variant leg, over the bench's own queries.
 */
import { performance } from 'node:perf_hooks';
import { LowRankEmbedder, PrecomputedEmbedder } from '../src/bench/embedders.js';
import { percentile } from '../src/bench/timing.js';
import { benchQueries } from '../src/bench/queries.js';
import { answerQuestion } from '../src/retrieve/answer.js';
import { snapshotContext } from '../src/retrieve/features.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { cleanQuestion } from '../src/retrieve/question.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { searchVariants } from '../src/retrieve/variant-leg.js';
import { IndexDirectory } from '../src/store/index-dir.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/answer-cpu.ts <index folder, e.g. a kept bench index-lowrank-100000> [queries]\n');
  process.exit(2);
}
const cpuMs = async (work: () => unknown): Promise<number> => {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

const started = performance.now();
const loadCpu = process.cpuUsage();
const snapshot = await new IndexDirectory(dir).load();
if (!snapshot?.vectors) throw new Error(`no index with vectors in ${dir}`);
const vectors = snapshot.vectors;
const loadMs = performance.now() - started;
const loadCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(loadCpu));
const queries = benchQueries(snapshot, Number(process.argv[3] ?? 240), 42).map((q) => cleanQuestion(q));
const embedder = new LowRankEmbedder();
const vectorOf = new Map<string, Float32Array>();
for (const q of queries) vectorOf.set(q, await embedder.embedQuery(q));
const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
const first = await cpuMs(() => answerQuestion(snapshot, precomputed, queries[1]!, {}));
await prepareRanking(snapshot);
const context = snapshotContext(snapshot);

const parts: Record<string, number[]> = { 'hybrid answer': [], 'lexical answer': [], 'vector search': [], 'BM25 search': [], 'variant leg': [] };
// A first untimed pass warms the JIT and the per-index caches; the second is measured.
for (let pass = 0; pass < 2; pass++) {
  for (const q of queries) {
    const terms = questionTerms(snapshot.lexical, q);
    const times = [
      await cpuMs(() => answerQuestion(snapshot, precomputed, q, {})),
      await cpuMs(() => answerQuestion(snapshot, null, q, {})),
      await cpuMs(() => vectors.query(vectorOf.get(q)!, 60)),
      await cpuMs(() => snapshot.lexical.searchScored(terms, 60, context.docOf, context.docs)),
      await cpuMs(() => searchVariants(snapshot.lexical, terms, 60)),
    ];
    if (pass === 1) Object.values(parts).forEach((samples, i) => samples.push(times[i]!));
  }
}
console.log(`${snapshot.passages.length} passages: load ${(loadMs / 1000).toFixed(2)} s wall, ${(loadCpuMs / 1000).toFixed(2)} s CPU; first answer ${first.toFixed(1)} ms CPU; ${queries.length} queries, CPU ms p50 / p95:`);
for (const [name, samples] of Object.entries(parts)) console.log(`  ${name.padEnd(16)} ${percentile(samples, 50).toFixed(2)} / ${percentile(samples, 95).toFixed(2)}`);
