import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Embedder, EmbedderRecipe, ModelStatus } from '../embed/embedder.js';
import { ERROR_CODES, IsnadError, type ErrorCode } from '../errors.js';
import type { VectorStoreKind } from '../index/vector-store.js';
import type { Logger } from '../log.js';
import type { ScanResult } from '../ingest/load.js';
import type { PassageWordIds, SearchTextChunk } from '../index/snapshot.js';
import type { Progress, ReindexSummary } from '../types.js';

/**
 * A rebuild run in a worker thread: read → chunk → analyze → BM25 → vectors → write the generation,
 * so the bot's event loop only relays progress and embedding requests while a 100k-passage reindex
 * runs. An embedder with a recipe (a loaded Transformers.js model, the bench's embedders) is made
 * again inside the worker: onnxruntime-node runs inference on the calling thread, so embedding here
 * would pause the bot for every batch. Without one, the worker sends each batch of passage texts here
 * and gets the vectors back. The worker's side is build-worker.ts.
 */
export interface BuildJob {
  docsDir: string;
  indexDir: string;
  maxFileBytes: number;
  vectorStore: VectorStoreKind;
  /**
   * The model's identity. With a recipe the worker makes its own copy of the embedder; without, its
   * vectors come from the main thread. Null: lexical-only.
   */
  model: { modelId: string; dimensions: number; recipe?: EmbedderRecipe } | null;
  modelVariant: string;
  modelStatus: ModelStatus;
  /** The generation being served: unchanged passages keep their vectors from it. */
  previousGeneration: string | null;
  /** The documents folder as the main thread listed it (to choose this worker): not walked again. */
  scan?: ScanResult;
  embedBatchSize?: number;
}

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }
  | { type: 'embed'; id: number; texts: string[] }
  | { type: 'done'; generation: string | null; summary: ReindexSummary; words: PassageWordIds | null; searchText: SearchTextChunk[] | null }
  | { type: 'failed'; code: string | null; message: string; details: Record<string, unknown> };

export type MainMessage = { type: 'vectors'; id: number; vectors: Float32Array[] } | { type: 'embed-failed'; id: number; message: string };

export interface BuildOutcome {
  /** The published generation folder, or null when nothing changed and nothing was written. */
  generation: string | null;
  summary: ReindexSummary;
  /** Every passage's analyzed words, as the build produced them (analyzing them again is the costly part of a swap). */
  words: PassageWordIds | null;
  /** Autocomplete's normalized texts, prepared in the worker. */
  searchText: SearchTextChunk[] | null;
}

/**
 * Starts `build-worker` beside this file: the compiled .js as is; from TypeScript sources (tsx, vitest)
 * through tsx's loader, which a worker does not inherit from its parent.
 */
function startWorker(workerData: BuildJob): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./build-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData });
  const api = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  if (!fs.existsSync(api)) throw new IsnadError('INTERNAL', `Cannot start the reindex worker from sources: tsx's loader is missing (${api}). Run the compiled build (npm run build).`);
  const source = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(pathToFileURL(fileURLToPath(import.meta.url)).href)}))`;
  return new Worker(source, { eval: true, workerData });
}

function rebuiltError(message: Extract<WorkerMessage, { type: 'failed' }>): Error {
  if (message.code !== null && Object.hasOwn(ERROR_CODES, message.code)) return new IsnadError(message.code as ErrorCode, message.message, message.details);
  return new Error(message.message);
}

/**
 * Runs one build in a worker. Embedding requests are answered with `embedder`; progress and log lines
 * are relayed. Rejects with the worker's IsnadError (same code) when the build fails, and leaves the
 * served index alone: only a finished generation is ever handed back. `signal` stops the worker.
 */
export function buildInWorker(
  job: BuildJob,
  embedder: Embedder | null,
  log: Logger,
  onProgress?: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('reindex stopped'));
    const worker = startWorker(job);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      settle();
      void worker.terminate();
    };
    const stop = () => finish(() => reject(new Error('reindex stopped')));
    signal?.addEventListener('abort', stop);
    const reply = (message: MainMessage) => {
      if (!settled) worker.postMessage(message, message.type === 'vectors' ? message.vectors.map((v) => v.buffer as ArrayBuffer) : []);
    };
    const embed = async (id: number, texts: string[]) => {
      try {
        if (!embedder) throw new Error('no model loaded');
        // Copies: the vectors' buffers move to the worker, and an embedder may hand out views of one buffer.
        reply({ type: 'vectors', id, vectors: (await embedder.embedPassages(texts)).map((v) => v.slice()) });
      } catch (error) {
        reply({ type: 'embed-failed', id, message: error instanceof Error ? error.message : String(error) });
      }
    };
    worker.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'log') log[message.level](message.message, message.fields);
      else if (message.type === 'embed') void embed(message.id, message.texts);
      else if (message.type === 'done') finish(() => resolve({ generation: message.generation, summary: message.summary, words: message.words, searchText: message.searchText }));
      else finish(() => reject(rebuiltError(message)));
    });
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`the reindex worker stopped (exit code ${code}) before it finished`))));
  });
}
