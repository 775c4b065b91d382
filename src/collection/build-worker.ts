/**
 * The worker's side of build-off-thread.ts: builds the next generation from the documents and
 * publishes it (build-then-swap: CURRENT moves only once it is complete), then says where it is.
 * It embeds with its own copy of the model (an embedder with a recipe); only when that copy fails to
 * load are vectors asked of the main thread.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Embedder } from '../embed/embedder.js';
import { isIsnadError } from '../errors.js';
import type { PreviousIndex } from '../index/snapshot.js';
import type { Logger } from '../log.js';
import { PassageSearch } from '../retrieve/passage-search.js';
import { IndexDirectory } from '../store/index-dir.js';
import type { Progress } from '../types.js';
import type { BuildJob, MainMessage, WorkerMessage } from './build-off-thread.js';
import { buildIndex } from '../ingest/build-index.js';

/** 0 is normal, 19 the lowest: 10 leaves the build most of an idle machine but little of a busy one. */
const BUILD_NICENESS = 10;

/*
 * The build yields the CPU to the bot's thread: on Linux a thread's nice value is its own (and the
 * threads it starts inherit it: the vector-graph worker, usearch's threads), so /ask and heartbeats
 * win a contended core over the build. Elsewhere this may fail or apply to the process: then skip it.
 */
if (process.platform === 'linux') {
  try {
    os.setPriority(BUILD_NICENESS);
  } catch {
    // not permitted: build at normal priority
  }
}

const port = parentPort!;
const job = workerData as BuildJob;
const post = (message: WorkerMessage) => port.postMessage(message);

const waiting = new Map<number, { resolve: (vectors: Float32Array[]) => void; reject: (error: Error) => void }>();
let nextId = 0;
port.on('message', (message: MainMessage) => {
  const request = waiting.get(message.id);
  waiting.delete(message.id);
  if (message.type === 'vectors') request?.resolve(message.vectors);
  else request?.reject(new Error(`embedding failed: ${message.message}`));
});

/**
 * The worker's own copy of the embedder when it has a recipe; otherwise, or when the copy cannot be
 * made (out of memory, say), one that asks the main thread for each batch.
 */
async function embedderFor(model: NonNullable<BuildJob['model']>): Promise<Embedder> {
  if (!model.recipe) return remoteEmbedder(model);
  try {
    const { module, exportName, args } = model.recipe;
    const make = ((await import(module)) as Record<string, (...args: unknown[]) => Embedder | Promise<Embedder>>)[exportName]!;
    const made = await make(...args);
    if (made.modelId !== model.modelId || made.dimensions !== model.dimensions) {
      throw new Error(`it is ${made.modelId} (${made.dimensions}), not ${model.modelId} (${model.dimensions})`);
    }
    return made;
  } catch (error) {
    log.warn(`The reindex could not load its own copy of the model (${error instanceof Error ? error.message : String(error)}); embedding on the bot's thread instead.`);
    return remoteEmbedder(model);
  }
}

function remoteEmbedder(model: NonNullable<BuildJob['model']>): Embedder {
  return {
    modelId: model.modelId,
    dimensions: model.dimensions,
    embedPassages: (texts) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        post({ type: 'embed', id, texts });
      }),
    embedQuery: () => Promise.reject(new Error('queries are not embedded while building')),
  };
}

const say =
  (level: 'debug' | 'info' | 'warn' | 'error') =>
  (message: string, fields?: Record<string, unknown>): void =>
    post({ type: 'log', level, message, ...(fields ? { fields } : {}) });
const log: Logger = { debug: say('debug'), info: say('info'), warn: say('warn'), error: say('error') };

async function run(): Promise<void> {
  const directory = new IndexDirectory(job.indexDir, job.docsDir);
  let previous: PreviousIndex | null = null;
  let previousUnusableReason: string | null = null;
  if (job.previousGeneration) {
    try {
      previous = await directory.loadReusable(job.previousGeneration);
    } catch (error) {
      // Damaged (or removed by hand) since it was loaded: build from scratch, as at start-up.
      if (!isIsnadError(error, 'INDEX_CORRUPT')) throw error;
      previousUnusableReason = `index unreadable: ${error.message}`;
    }
  }
  const onProgress = (progress: Progress) => post({ type: 'progress', progress });
  const { snapshot, summary } = await buildIndex({
    docsDir: job.docsDir,
    maxFileBytes: job.maxFileBytes,
    vectorStore: job.vectorStore,
    embedder: job.model ? await embedderFor(job.model) : null,
    modelVariant: job.modelVariant,
    modelStatus: job.modelStatus,
    previous,
    previousUnusableReason,
    onProgress,
    log,
    scan: job.scan,
    ...(job.embedBatchSize ? { embedBatchSize: job.embedBatchSize } : {}),
  });
  const generation = await directory.publishUnlessUnchanged(snapshot, summary.nothingChanged, onProgress);
  if (generation === null) {
    post({ type: 'done', generation: null, summary, words: null, searchText: null });
    return;
  }
  const words = snapshot.words ?? null;
  // Autocomplete's text search, prepared here too: normalizing 100k passages takes seconds of the bot's thread.
  const search = new PassageSearch(snapshot.passages);
  await search.prepare();
  const searchText = [...(search.prepared() ?? [])];
  port.postMessage({ type: 'done', generation, summary, words, searchText } satisfies WorkerMessage, words ? [words.offsets.buffer as ArrayBuffer, words.ids.buffer as ArrayBuffer] : []);
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const failed = isIsnadError(error) ? { code: error.code, details: error.details } : { code: null, details: {} };
  try {
    post({ type: 'failed', message, ...failed });
  } catch {
    post({ type: 'failed', message, code: failed.code, details: {} }); // details that cannot cross threads
  }
});
