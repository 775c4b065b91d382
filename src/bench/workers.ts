/** The ingest and serve phases, each in a child process of its own (the low-rank and random phases are in vector-workers.ts). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildIndex } from '../ingest/build-index.js';
import { analyze } from '../text/analyze.js';
import { silentLogger } from '../log.js';
import { answerQuestion } from '../retrieve/answer.js';
import { prepareRanking } from '../retrieve/prepare.js';
import { PassageSearch } from '../retrieve/passage-search.js';
import { readQuestion } from '../retrieve/question.js';
import { IndexDirectory } from '../store/index-dir.js';
import type { VectorStore } from '../index/vector-store.js';
import { benchEmbedder, PrecomputedEmbedder, TimingEmbedder } from './embedders.js';
import { benchQueries } from './queries.js';
import { exactCopy, searchQuality } from './recall.js';
import { readSeedMaterial, writeCorpus } from './synth.js';
import { latencies, peakRssMb, summarize, timed, type LatencySummary } from './timing.js';
import { benchBuildOptions, CANDIDATES, docsDirOf, du, progressFor, tell, type WorkerArgs } from './worker-setup.js';

export interface IngestResult {
  size: number;
  embedder: string;
  embedderNote: string | null;
  files: number;
  passages: number;
  corpusBytes: number;
  generateSeconds: number;
  /** buildIndex: read, chunk, analyze, BM25, embed (in memory). */
  buildSeconds: number;
  /** Of buildSeconds, inside embedPassages. */
  embedSeconds: number;
  /** IndexDirectory.publish alone: the index write path. */
  publishSeconds: number;
  indexBytes: number;
  peakRssMb: number;
  /** Peak RSS once the runtime and the embedder are loaded, before any corpus work: the fixed cost. */
  baselineRssMb: number;
  /** One batch of 64 passages through the embedder, warm. */
  batch64Ms: number;
}

export type VectraResult =
  | { ok: true; buildSaveSeconds: number; loadSeconds: number; bytes: number; query: LatencySummary }
  | { ok: false; reason: string };

export interface ServeResult {
  size: number;
  queries: number;
  coldLoadSeconds: number;
  /** After load and every timed query, before the comparison stores are built. */
  peakRssMb: number;
  /** Peak RSS once the runtime and the embedder are loaded, before the index. */
  baselineRssMb: number;
  queryEmbed: LatencySummary;
  lexical: LatencySummary;
  /** The store the index was built with (what `npm run ask` and the bot query). */
  servedKind: string;
  served: LatencySummary;
  /** An exact Float32Array scan over the same vectors. */
  flat: LatencySummary;
  hybrid: LatencySummary;
  /** /quote autocomplete: preparing its text search at load (in slices), the longest pause that caused, one keystroke. */
  autocomplete: { prepareSeconds: number; longestPauseMs: number; keystroke: LatencySummary };
  vectra: VectraResult;
  /** Of the served store's top 10, the share that is in the exact scan's top 10. */
  recallAt10: number;
  /** Queries recall and the flat row were measured on (a prefix of `queries` past 100k passages: see exactQueryCount). */
  exactQueries?: number;
  /** The first vector search after load, before any warm-up. */
  firstVectorMs: number;
}

const indexDirOf = (args: WorkerArgs) => path.join(args.workDir, `index-${args.size}`);

/** Generates the corpus, then ingests it as `npm run ingest` does: buildIndex, then publish. */
export async function ingestWorker(args: WorkerArgs): Promise<IngestResult> {
  const docsDir = docsDirOf(args);
  await fs.rm(docsDir, { recursive: true, force: true });
  const material = await readSeedMaterial(args.seedsDir);
  const generated = await timed(() => writeCorpus(docsDir, material, { passages: args.size, seed: args.seed }));
  tell(args, `ingest: corpus of ${generated.value.files} files written (${(generated.ms / 1000).toFixed(0)} s)`);
  const { embedder, label, note } = await benchEmbedder(args.model, silentLogger);
  await embedder.embedPassages(['تهيئة النموذج قبل القياس.']);
  const baseline = peakRssMb();
  const timing = new TimingEmbedder(embedder);
  const built = await timed(() =>
    buildIndex({ ...benchBuildOptions(docsDir, timing, null), onProgress: progressFor(args, 'ingest') }),
  );
  const directory = new IndexDirectory(indexDirOf(args));
  const published = await timed(() => directory.publish(built.value.snapshot, progressFor(args, 'publish')));
  const indexBytes = await du(published.value);
  tell(args, `ingest: built in ${(built.ms / 1000).toFixed(0)} s (embedding ${(timing.passageMs / 1000).toFixed(0)} s), published in ${(published.ms / 1000).toFixed(0)} s`);
  const peak = peakRssMb();
  const batch = built.value.snapshot.passages.slice(0, 64).map((p) => p.text);
  const batchTimed = await timed(() => embedder.embedPassages(batch));
  return {
    size: args.size,
    embedder: label,
    embedderNote: note,
    files: generated.value.files,
    passages: built.value.snapshot.passages.length,
    corpusBytes: generated.value.bytes,
    generateSeconds: generated.ms / 1000,
    buildSeconds: built.ms / 1000,
    embedSeconds: timing.passageMs / 1000,
    publishSeconds: published.ms / 1000,
    indexBytes,
    peakRssMb: peak,
    baselineRssMb: baseline,
    batch64Ms: batchTimed.ms,
  };
}

async function vectraLeg(
  items: Array<{ id: string; vector: Float32Array }>,
  dimensions: number,
  queries: Float32Array[],
  dir: string,
  vectraMax: number,
): Promise<VectraResult> {
  if (items.length > vectraMax) {
    return {
      ok: false,
      reason: `${items.length} > --vectra-max ${vectraMax}: vectra saves one JSON file (V8 string limit near 65k passages) and inserts in O(n²)`,
    };
  }
  try {
    // Imported here, as the bot imports a store only when chosen (store/vector-stores.ts): statically it put
    // vectra's ~110 MB in every bench worker's baseline, the low-rank serve's included, which never uses it.
    const { VectraVectorStore } = await import('../store/vectra-store.js');
    const store = VectraVectorStore.create(dimensions);
    await store.add(items);
    const saved = await timed(() => store.save(dir));
    const loaded = await timed(() => VectraVectorStore.load(dir, dimensions));
    const bytes = await du(path.join(dir, 'vectra'));
    const query = await latencies(queries, (q) => loaded.value.query(q, CANDIDATES));
    return { ok: true, buildSaveSeconds: saved.ms / 1000, loadSeconds: loaded.ms / 1000, bytes, query };
  } catch (error) {
    return { ok: false, reason: `failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Cold-loads the index as the bot does at start, then times each retrieval leg over the same queries. */
export async function serveWorker(args: WorkerArgs): Promise<ServeResult> {
  const { embedder } = await benchEmbedder(args.model, silentLogger);
  await embedder.embedQuery('تهيئة');
  const baseline = peakRssMb();
  const loaded = await timed(() => new IndexDirectory(indexDirOf(args)).load());
  const snapshot = loaded.value;
  if (!snapshot || !snapshot.vectors) throw new Error(`no index with vectors in ${indexDirOf(args)}; run the ingest phase first`);
  const vectors: VectorStore = snapshot.vectors;
  tell(args, `serve: loaded in ${(loaded.ms / 1000).toFixed(2)} s`);

  const queries = benchQueries(snapshot, args.queries, args.seed).map((q) => readQuestion(q).search);
  const vectorOf = new Map<string, Float32Array>();
  const embedSamples: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    vectorOf.set(q, await embedder.embedQuery(q));
    embedSamples.push(performance.now() - started);
  }
  const queryVectors = queries.map((q) => vectorOf.get(q)!);
  const firstVector = await timed(() => vectors.query(queryVectors[0]!, CANDIDATES));
  const lexical = await latencies(queries, (q) => snapshot.lexical.search(analyze(q), CANDIDATES));
  const served = await latencies(queryVectors, (v) => vectors.query(v, CANDIDATES));
  const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
  // As the bot does right after loading: every passage analyzed once for ranking, not per question.
  await prepareRanking(snapshot);
  const hybrid = await latencies(queries, (q) => answerQuestion(snapshot, precomputed, q, {}));
  tell(args, 'serve: lexical, vector and hybrid legs timed; autocomplete next');
  const search = new PassageSearch(snapshot.passages);
  const pauses = monitorEventLoopDelay({ resolution: 5 });
  pauses.enable();
  const prepared = await timed(() => search.prepare());
  pauses.disable();
  // What a user types: the first words of a question, as far as the autocomplete field goes.
  const keystroke = await latencies(queries.map((q) => q.slice(0, 12)), (q) => search.search(q, 25));
  const peak = peakRssMb();
  tell(args, 'serve: exact scans for recall');
  const exact = await exactCopy(vectors, snapshot.passages.map((p) => p.id));
  const quality = await searchQuality(vectors, exact, queryVectors, CANDIDATES, served);

  const items = snapshot.passages.map((p) => ({ id: p.id, vector: vectors.get(p.id)! }));
  const vectra = await vectraLeg(items, vectors.dimensions, queryVectors, path.join(args.workDir, `vectra-${args.size}`), args.vectraMax);
  items.length = 0;

  return {
    size: args.size,
    queries: queries.length,
    coldLoadSeconds: loaded.ms / 1000,
    peakRssMb: peak,
    baselineRssMb: baseline,
    queryEmbed: summarize(embedSamples),
    lexical,
    servedKind: vectors.kind,
    served,
    flat: quality.flat,
    hybrid,
    autocomplete: { prepareSeconds: prepared.ms / 1000, longestPauseMs: pauses.max / 1e6, keystroke },
    vectra,
    recallAt10: quality.recallAt10,
    exactQueries: quality.exactQueries,
    firstVectorMs: firstVector.ms,
  };
}
