/**
 * Where a hybrid answer's time goes, stage by stage, over a kept 100k bench index (loaded once, reused
 * by every pass), and a fingerprint of every answer so two versions of the code can be compared for
 * identical results as well as for speed.
 *   npm run bench -- --sizes 100000 --model fake --no-random --keep      (prints the folder it keeps)
 *   npx tsx scripts/answer-stages.ts <kept folder>/index-lowrank-100000 [passes=3] [queries=240]
 * PROFILE=out.cpuprofile writes a CPU profile of the timed passes alone (after load and preparation).
 * HEAP=out.heapprofile writes a sampling heap profile (every allocation, collected or not; LIVE=1: what is still live at the end) of the same passes.
 * TAIL=N prints the N answers of the longest wall time, each with its CPU and GC ms, its stages (replayed) and its question.
 * FAULTS=1 counts minor page faults per answer and per stage (beside CPU ms in TAIL, and as p50 / p95 / sum).
 * CLOCK=wall times the replayed stages by wall clock instead of the process's CPU time (see stageMs).
 * FIRST=1 times the stages on each question's first meeting (the whole answer follows, as a repeat; TAIL then lists the staged first meetings).
 * DUMP=file.json writes every timed answer (question, wall and CPU ms, GC ms, its replayed stages) for offline what-if sums (scripts/stage-what-if.ts).
 * WARMUP=N warms up on N other questions (another seed) instead of the timed ones, so every timed
 * question is unseen, as in a bot that has been serving (the default replays the timed ones untimed first).
 * Prints p50 / p95 / max ms of CPU time per stage, and wall and CPU time of the whole answer (query vectors precomputed, after every
 * passage was analyzed, as the bot does after load), the GC time seen during the timed passes, and a hash
 * of every answer's ranked rows and scores.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { LowRankEmbedder, PrecomputedEmbedder } from '../src/bench/embedders.js';
import { HashEmbedder } from '../src/bench/fake-embedder.js';
import { cpuMs, percentile } from '../src/bench/timing.js';
import { benchQueries } from '../src/bench/queries.js';
import { answerQuestion, decide, searchDepth } from '../src/retrieve/answer.js';
import { buildCandidates, snapshotContext, type LegHits } from '../src/retrieve/features.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { readQuestion } from '../src/retrieve/question.js';
import { questionTerms, withNewsAlternatives } from '../src/retrieve/query-terms.js';
import { shippedWeights } from '../src/retrieve/ranker.js';
import { searchRoots } from '../src/retrieve/root-leg.js';
import { searchVariantLegs } from '../src/retrieve/variant-leg.js';
import { questionType } from '../src/text/question-type.js';
import { IndexDirectory } from '../src/store/index-dir.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/answer-stages.ts <index folder, e.g. a kept bench index-lowrank-100000> [passes] [queries]\n');
  process.exit(2);
}
const passes = Number(process.argv[3] ?? 3);
const snapshot = await new IndexDirectory(dir).load();
if (!snapshot?.vectors) throw new Error(`no index with vectors in ${dir}`);
const vectors = snapshot.vectors;
const queries = benchQueries(snapshot, Number(process.argv[4] ?? 240), 42).map((q) => readQuestion(q).search);
const warmupCount = Number(process.env.WARMUP ?? 0);
const warmups = warmupCount > 0 ? benchQueries(snapshot, warmupCount, 4242).map((q) => readQuestion(q).search) : queries;
// The low-rank index's own embedder, or the hash embedder of the bench's fake-model index.
const embedder = snapshot.manifest.model?.id === new LowRankEmbedder().modelId ? new LowRankEmbedder() : new HashEmbedder();
const vectorOf = new Map<string, Float32Array>();
for (const q of [...queries, ...warmups]) vectorOf.set(q, await embedder.embedQuery(q));
const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
await prepareRanking(snapshot);
const weights = shippedWeights();
const depth = searchDepth();
const rowOf = new Map(snapshot.passages.map((p, row) => [p.id, row]));

/** GC pauses by kind (minor = scavenge, major = mark-compact, incremental marking, weak callbacks): ms and count. */
const gc = new Map<string, { ms: number; count: number }>();
const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
let counting = false;
/** Every GC pause of the timed passes (start, ms), to charge each to the answer it fell in. */
const pauses: Array<{ start: number; ms: number }> = [];
new PerformanceObserver((list) => {
  if (!counting) return;
  for (const entry of list.getEntries()) {
    pauses.push({ start: entry.startTime, ms: entry.duration });
    const kind = GC_KINDS[((entry as { detail?: { kind?: number } }).detail)?.kind ?? 0] ?? 'other';
    const seen = gc.get(kind) ?? { ms: 0, count: 0 };
    gc.set(kind, { ms: seen.ms + entry.duration, count: seen.count + 1 });
  }
}).observe({ entryTypes: ['gc'] });

const stages: Record<string, number[]> = {};
/**
 * The stages' clock: CPU ms of the process by default (on a shared machine wall time is mostly waiting for a
 * core), CLOCK=wall for wall ms: process CPU also counts V8's GC and compiler helper threads, which run beside
 * the answer, not in it (a BM25 search's CPU p95 ~1.8× its wall p95 here), so on a quiet machine wall is the truer tail.
 */
const stageMs = process.env.CLOCK === 'wall' ? () => performance.now() : cpuMs;
/** Per answer of the timed passes: its question, CPU ms, wall span, page faults, and its stages as replayed (for TAIL). */
const answers: Array<{ q: string; cpu: number; start: number; end: number; faults: number; stages: Record<string, number>; stageFaults: Record<string, number> }> = [];
const faults = () => (process.env.FAULTS ? process.resourceUsage().minorPageFault : 0);
const faultsOf: Record<string, number[]> = {};
const time = <T>(name: string, work: () => T): T => {
  const started = stageMs();
  const faulted = faults();
  const value = work();
  const ms = stageMs() - started;
  (stages[name] ??= []).push(ms);
  answers.at(-1)!.stages[name] = ms;
  (faultsOf[name] ??= []).push((answers.at(-1)!.stageFaults[name] = faults() - faulted));
  return value;
};

/** FIRST=1: the timed questions are met stage by stage first (so each stage sees an unseen question), then answered whole (a repeat). */
const firstStaged = process.env.FIRST === '1';
const profiler = process.env.PROFILE || process.env.HEAP ? new Session() : null;
for (let pass = 0; pass <= passes; pass++) {
  if (pass === 1 && profiler) {
    profiler.connect();
    if (process.env.PROFILE) {
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    // Sampled with collected objects kept in the profile: what drives the minor GCs is what is allocated, live or not.
    if (process.env.HEAP) await profiler.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: !process.env.LIVE, includeObjectsCollectedByMinorGC: !process.env.LIVE });
  }
  counting = pass > 0;
  const hash = createHash('sha256');
  for (const q of pass === 0 ? warmups : queries) {
    const whole = performance.now();
    const wholeFaults = faults();
    const wholeCpu = cpuMs();
    const answer = pass > 0 && firstStaged ? null : await answerQuestion(snapshot, precomputed, q, {});
    const wholeMs = performance.now() - whole;
    const wholeCpuMs = cpuMs() - wholeCpu;
    const answerFaults = faults() - wholeFaults;
    if (answer) hash.update(JSON.stringify([answer.answered, answer.confidence, [...answer.results, ...answer.closest].map((r) => [r.id, r.score, r.confidence])]));
    if (pass === 0) continue;
    answers.push({ q, cpu: wholeCpuMs, start: whole, end: whole + wholeMs, faults: answerFaults, stages: {}, stageFaults: {} });
    if (!firstStaged) {
      (stages['= hybrid, wall'] ??= []).push(wholeMs);
      (stages['= hybrid, CPU'] ??= []).push(wholeCpuMs);
      (faultsOf['= hybrid'] ??= []).push(answerFaults);
    }
    // The same answer again, stage by stage (the steps of gatherEvidence and decide).
    const context = time('snapshot context', () => snapshotContext(snapshot));
    const terms = time('question terms', () => questionTerms(snapshot.lexical, q));
    // The dense leg before the lexical ones, as gatherEvidence searches it.
    const started = stageMs();
    const faulted = faults();
    const found = await vectors.query(vectorOf.get(q)!, depth);
    const searchMs = stageMs() - started;
    (stages['vector search'] ??= []).push(searchMs);
    answers.at(-1)!.stages['vector search'] = searchMs;
    (faultsOf['vector search'] ??= []).push((answers.at(-1)!.stageFaults['vector search'] = faults() - faulted));
    const search = time('BM25 search', () => snapshot.lexical.searchScored(withNewsAlternatives(snapshot.lexical, terms), depth, context.docOf, context.docs));
    const variants = time('variant legs', () => searchVariantLegs(snapshot.lexical, terms, depth, search));
    const legs: LegHits[] = [{ name: 'variants', hits: variants.spelling }, { name: 'derived', hits: variants.derived }];
    if (search.hits.length === 0) legs.push({ name: 'roots', hits: time('root leg', () => searchRoots(snapshot.lexical, terms, depth)) });
    legs.push({ name: 'dense', hits: found.flatMap((h) => (rowOf.has(h.id) ? [{ row: rowOf.get(h.id)!, score: h.score }] : [])) });
    const set = time('features', () => buildCandidates(snapshot, search, legs, questionType(q), depth * 2));
    time('rank + decide', () => decide(snapshot, { query: q, mode: 'lexical', set }, weights, 3));
    if (firstStaged) {
      // The stages ran first (each question unseen by them): the whole answer after them is the repeat.
      const last = answers.at(-1)!;
      last.end = performance.now();
      (stages['= staged, wall'] ??= []).push(last.end - last.start);
      const again = performance.now();
      const repeat = await answerQuestion(snapshot, precomputed, q, {});
      (stages['= repeat, wall'] ??= []).push(performance.now() - again);
      hash.update(JSON.stringify([repeat.answered, repeat.confidence, [...repeat.results, ...repeat.closest].map((r) => [r.id, r.score, r.confidence])]));
    }
  }
  await new Promise((resolve) => setImmediate(resolve)); // lets the GC observer report this pass
  if (pass > 0) console.log(`pass ${pass}: answers ${hash.digest('hex').slice(0, 16)}`);
}
if (profiler && process.env.PROFILE) fs.writeFileSync(process.env.PROFILE, JSON.stringify((await profiler.post('Profiler.stop')).profile));
if (profiler && process.env.HEAP) fs.writeFileSync(process.env.HEAP, JSON.stringify((await profiler.post('HeapProfiler.stopSampling')).profile));
const gcOf = (a: (typeof answers)[number]) => pauses.filter((p) => p.start >= a.start && p.start < a.end).reduce((sum, p) => sum + p.ms, 0);
stages['= hybrid, its GC'] = answers.map(gcOf);
stages['= hybrid, wall − GC'] = answers.map((a) => a.end - a.start - gcOf(a));
const n = queries.length * passes;
const gcText = [...gc].map(([kind, { ms, count }]) => `${kind} ${count}× ${ms.toFixed(0)} ms`).join(', ') || 'none';
console.log(`${snapshot.passages.length} passages, ${queries.length} queries × ${passes} passes (${n} answers, each replayed by stage); GC pauses: ${gcText}`);
console.log('stage'.padEnd(20), 'p50'.padStart(7), 'p95'.padStart(7), 'max'.padStart(7), 'mean'.padStart(7));
for (const [name, samples] of Object.entries(stages)) {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(name.padEnd(20), ...[percentile(samples, 50), percentile(samples, 95), Math.max(...samples), mean].map((v) => v.toFixed(2).padStart(7)));
}
if (process.env.FAULTS) {
  console.log('minor page faults'.padEnd(20), 'p50'.padStart(7), 'p95'.padStart(7), 'max'.padStart(7), 'sum'.padStart(7));
  for (const [name, counts] of Object.entries(faultsOf)) console.log(name.padEnd(20), ...[percentile(counts, 50), percentile(counts, 95), Math.max(...counts), counts.reduce((a, b) => a + b, 0)].map((v) => String(v).padStart(7)));
}
if (process.env.DUMP) fs.writeFileSync(process.env.DUMP, JSON.stringify(answers.map((a) => ({ q: a.q, wall: a.end - a.start, cpu: a.cpu, gc: gcOf(a), stages: a.stages }))));
const faultText = (a: (typeof answers)[number], name?: string) => (process.env.FAULTS ? ` [${name ? a.stageFaults[name] : a.faults} f]` : '');
for (const a of [...answers].sort((x, y) => y.end - y.start - (x.end - x.start)).slice(0, Number(process.env.TAIL ?? 0))) {
  console.log(`${(a.end - a.start).toFixed(2).padStart(7)} wall (CPU ${a.cpu.toFixed(2)}, GC ${gcOf(a).toFixed(2)})${faultText(a)}`, Object.entries(a.stages).filter(([, ms]) => ms >= 0.3).map(([name, ms]) => `${name} ${ms.toFixed(2)}${faultText(a, name)}`).join(', '), '|', a.q);
}
