import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildIndex } from '../ingest/build-index.js';
import { answerQuestion } from '../retrieve/answer.js';
import { prepareRanking } from '../retrieve/prepare.js';
import { readQuestion } from '../retrieve/question.js';
import { FlatVectorStore } from '../store/flat-store.js';
import { parseManifest, type PreviousIndex } from '../index/snapshot.js';
import { readIndexJson } from '../index/index-file.js';
import { IndexDirectory } from '../store/index-dir.js';
import type { GraphUpdate } from '../store/graph-plan.js';
import { RESIDENT_MIN_SIZE } from '../store/resident-graph.js';
import { UsearchVectorStore } from '../store/usearch-store.js';
import { LowRankEmbedder, PrecomputedEmbedder, TimingEmbedder } from './embedders.js';
import { readSeedMaterial, writeCorpus } from './synth.js';
import { latencies, peakRssMb, STEADY_WARMUP, timed, type LatencySummary } from './timing.js';
import { exactCopy, searchQuality, type SearchQuality } from './recall.js';
import { pickUpdateFiles, writeAddedDocuments } from './update-change.js';
import { randomSet } from './vector-sets.js';
import { benchQueries } from './queries.js';
import { benchBuildOptions, CANDIDATES, docsDirOf, progressFor, tell, type WorkerArgs } from './worker-setup.js';

export interface LowRankIngestResult {
  passages: number;
  /** Writing the corpus, when this phase had to (the ingest phase was skipped past --hash-max). */
  generateSeconds?: number;
  /** buildIndex + publish from nothing, without the embedding time. */
  fullSeconds: number;
  /** The same after replacing ~1 % of the passages (files removed, new files added), from loading what it reuses. */
  updateSeconds: number;
  updateRemoved: number;
  updateAdded: number;
  /** Passages the update cut and analyzed (the rest kept the previous build's words). */
  updateAnalyzed: number;
  updateGraph: GraphUpdate | null;
  /** The larger of the two phases' peaks (each ran in a process of its own). */
  peakRssMb: number;
}

export type LowRankBuildResult = Pick<LowRankIngestResult, 'passages' | 'generateSeconds' | 'fullSeconds' | 'peakRssMb'>;
export type LowRankUpdateResult = Pick<LowRankIngestResult, 'updateSeconds' | 'updateRemoved' | 'updateAdded' | 'updateAnalyzed' | 'updateGraph' | 'peakRssMb'>;

/** The build's and the update's phases as one row of the table. */
export function lowRankIngestResult(build: LowRankBuildResult, update: LowRankUpdateResult): LowRankIngestResult {
  return { ...build, ...update, peakRssMb: Math.max(build.peakRssMb, update.peakRssMb) };
}

const lowRankIndexOf = (args: WorkerArgs) => path.join(args.workDir, `index-lowrank-${args.size}`);

/** buildIndex (loading what it reuses first, when there is a previous index) and publish, timed without the embedding. */
async function timedBuild(args: WorkerArgs, previous: (directory: IndexDirectory) => Promise<PreviousIndex | null>) {
  const directory = new IndexDirectory(lowRankIndexOf(args));
  const embedder = new TimingEmbedder(new LowRankEmbedder());
  const started = performance.now();
  const reused = await previous(directory);
  const built = await buildIndex({
    ...benchBuildOptions(docsDirOf(args), embedder, reused),
    onProgress: progressFor(args, `low-rank ${reused ? 'update' : 'build'}`),
  });
  await directory.publish(built.snapshot);
  const seconds = (performance.now() - started - embedder.passageMs) / 1000;
  const vectors = built.snapshot.vectors;
  return { built, seconds, graph: vectors instanceof UsearchVectorStore ? vectors.lastUpdate : null };
}

/** Ingests the corpus with 384-dim low-rank vectors from nothing (writing the corpus first when no phase has). */
export async function buildLowRankWorker(args: WorkerArgs): Promise<LowRankBuildResult> {
  const docsDir = docsDirOf(args);
  let generateSeconds: number | undefined;
  if (!existsSync(docsDir)) {
    const material = await readSeedMaterial(args.seedsDir);
    const generated = await timed(() => writeCorpus(docsDir, material, { passages: args.size, seed: args.seed }));
    generateSeconds = generated.ms / 1000;
    tell(args, `low-rank ingest: corpus of ${generated.value.files} files written (${generateSeconds.toFixed(0)} s)`);
  }
  const full = await timedBuild(args, async () => null);
  const passages = full.built.snapshot.passages.length;
  tell(args, `low-rank full build: ${passages} passages, ${full.seconds.toFixed(0)} s excl. embedding`);
  return { passages, ...(generateSeconds === undefined ? {} : { generateSeconds }), fullSeconds: full.seconds, peakRssMb: peakRssMb() };
}

/**
 * Replaces ~1 % of the passages of the index buildLowRankWorker published (whole files removed, new documents
 * of about as many passages added), then times the update as a /reindex runs it: from loading what the
 * previous generation lets it reuse to publishing. The bench runs it in a process of its own, after the
 * build's has exited: the bot runs each reindex in a fresh worker and `npm run ingest` is a process per run,
 * so no real update starts in the heap a 1M full build has just left (bench/README.md, *The 1 % update in a
 * process of its own*).
 */
export async function updateLowRankWorker(args: WorkerArgs): Promise<LowRankUpdateResult> {
  const docsDir = docsDirOf(args);
  const base = await new IndexDirectory(lowRankIndexOf(args)).currentGeneration();
  if (!base) throw new Error(`no low-rank index in ${lowRankIndexOf(args)} to update`);
  const manifest = parseManifest(await readIndexJson(path.join(base, 'manifest.json')), base);
  const { sources: removedSources, removed } = pickUpdateFiles(manifest.files, manifest.passages, args.seed);
  for (const source of removedSources) await fs.rm(path.join(docsDir, source));
  await writeAddedDocuments(path.join(docsDir, 'update'), args.seedsDir, removed, args.seed + 7);

  const update = await timedBuild(args, (directory) => directory.loadReusable(base));
  return {
    updateSeconds: update.seconds,
    updateRemoved: removed,
    updateAdded: update.built.summary.embedded,
    updateAnalyzed: update.built.summary.analyzed,
    updateGraph: update.graph,
    peakRssMb: peakRssMb(),
  };
}

export interface LowRankServeResult {
  coldLoadSeconds: number;
  /** The first vector search after load (pages of the mapped graph read in). */
  firstVectorMs: number;
  /**
   * The STEADY_WARMUP vector searches right after it (other questions than the timed ones): a graph served
   * from its file is paged in by the searches, so the searches after a load are the slow ones a user meets.
   */
  coldVector?: LatencySummary;
  /**
   * The bot's start-up step, awaited before the steady-state rows (warm → makeResident): the graph read in
   * the background and loaded into process memory in one synchronous step. `blockMs` is that step (the event
   * loop stopped); `eventLoopMaxMs` the longest event-loop delay over the whole background step.
   */
  resident?: { state: string; seconds: number; prefetchSeconds: number | null; blockMs: number | null; eventLoopMaxMs: number };
  /** The first full answer after load (its lexical leg cold too), excluding query embedding. */
  firstHybridMs: number;
  /** prepareRanking, as the bot runs it after loading (before the timed answers): passage words, term keys, BM25 facts. */
  prepareWordsSeconds: number;
  servedKind: string;
  /** The served graph's connectivity (links per node), or null when the exact scan serves. */
  graph: number | null;
  quality: SearchQuality;
  /** Steady state: each timed question once, after STEADY_WARMUP other questions. */
  hybrid: LatencySummary;
  /** After load and every timed query, before the exact comparison copy is made. */
  peakRssMb: number;
  baselineRssMb: number;
}

/** Serves the low-rank index as the bot would: cold load, first queries, then timed legs and recall. */
export async function serveLowRankWorker(args: WorkerArgs): Promise<LowRankServeResult> {
  const embedder = new LowRankEmbedder();
  const baseline = peakRssMb();
  const loaded = await timed(() => new IndexDirectory(lowRankIndexOf(args)).load());
  const snapshot = loaded.value;
  if (!snapshot?.vectors) throw new Error(`no low-rank index in ${lowRankIndexOf(args)}`);
  const vectors = snapshot.vectors;
  tell(args, `low-rank serve: loaded in ${(loaded.ms / 1000).toFixed(2)} s`);
  // The timed questions, then STEADY_WARMUP others the timed answers are warmed up on (a bot that has been serving).
  const asked = benchQueries(snapshot, args.queries + STEADY_WARMUP, args.seed).map((q) => readQuestion(q).search);
  const queries = asked.slice(0, args.queries);
  const warmups = asked.slice(args.queries);
  const vectorOf = new Map<string, Float32Array>();
  for (const q of asked) vectorOf.set(q, await embedder.embedQuery(q));
  const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
  const firstVector = await timed(() => vectors.query(vectorOf.get(queries[0]!)!, CANDIDATES));
  const firstHybrid = await timed(() => answerQuestion(snapshot, precomputed, queries[1]!, {}));
  const queryVectors = queries.map((q) => vectorOf.get(q)!);
  // Timed twice, like the hybrid row: the searches right after load (cold: the mapped graph pages in),
  // then the timed questions in steady state, after those other searches, none of them asked before.
  const search = (v: Float32Array) => vectors.query(v, CANDIDATES);
  const coldVector = await latencies(warmups.map((q) => vectorOf.get(q)!), search, 0);
  // Then what a serving bot runs after start-up (UsearchVectorStore.warm makes the graph resident first),
  // awaited: the steady-state rows below measure the store as the bot serves it from then on.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const residency = await timed(() => (vectors instanceof UsearchVectorStore ? vectors.makeResident() : null));
  // The timer that a block delayed fires only after it: without this turn the longest delay goes unrecorded.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  const done = residency.value;
  const resident = done && {
    state: done.state === 'failed' || done.state === 'lost' ? `${done.state}: ${done.reason}` : done.state === 'small' ? `from its file (< ${RESIDENT_MIN_SIZE} vectors)` : done.state,
    seconds: residency.ms / 1000,
    prefetchSeconds: done.state === 'resident' ? done.prefetchMs / 1000 : null,
    blockMs: done.state === 'resident' ? done.blockMs : null,
    eventLoopMaxMs: delay.max / 1e6,
  };
  tell(args, `low-rank serve: graph ${resident?.state ?? 'n/a'} in ${(residency.ms / 1000).toFixed(2)} s`);
  const served = await latencies(queryVectors, search, []);
  // As the bot does right after loading (and serveWorker before its hybrid row): prepareRanking.
  const prepared = await timed(() => prepareRanking(snapshot));
  const hybrid = await latencies(queries, (q) => answerQuestion(snapshot, precomputed, q, {}), warmups);
  const peak = peakRssMb();
  tell(args, 'low-rank serve: timed; exact scans for recall');
  const exact = await exactCopy(vectors, snapshot.passages.map((p) => p.id));
  const quality = await searchQuality(vectors, exact, queryVectors, CANDIDATES, served);
  return {
    coldLoadSeconds: loaded.ms / 1000,
    firstVectorMs: firstVector.ms,
    coldVector,
    ...(resident ? { resident } : {}),
    firstHybridMs: firstHybrid.ms,
    prepareWordsSeconds: prepared.ms / 1000,
    servedKind: vectors.kind,
    graph: vectors instanceof UsearchVectorStore && vectors.hasGraph ? vectors.shape.connectivity : null,
    quality,
    hybrid,
    peakRssMb: peak,
    baselineRssMb: baseline,
  };
}

export interface RandomResult {
  dimensions: number;
  buildSeconds: number;
  quality: SearchQuality;
}

/** The worst case, labelled as such: uniformly random unit vectors through the served store. */
export async function randomVectorsWorker(args: WorkerArgs): Promise<RandomResult> {
  const d = args.realDimensions;
  const set = randomSet(args.size, args.queries, d, args.seed);
  const items = Array.from({ length: args.size }, (_, row) => ({ id: `r${row}`, vector: set.matrix.subarray(row * d, (row + 1) * d) }));
  const built = await timed(() => UsearchVectorStore.build(d, items, null));
  const exact = new FlatVectorStore(d, set.matrix, items.map((i) => i.id));
  const quality = await searchQuality(built.value, exact, set.queries, CANDIDATES);
  await built.value.discard();
  return { dimensions: d, buildSeconds: built.ms / 1000, quality };
}
