/**
 * What opening an index and rebuilding a served one share: how the model is loaded and how a
 * generation is built from the settings. One place, so the terminal's ingest, a start and a /reindex
 * decide alike what is reused and what is rebuilt.
 */
import type { CoreConfig } from '../config.js';
import type { LoadedModel } from '../embed/embedder.js';
import { loadEmbedder } from '../embed/load-embedder.js';
import { loadEmbedderRemembering, type RememberingOptions } from '../embed/model-memory.js';
import type { PreviousIndex } from '../index/snapshot.js';
import { buildIndex, modelVariant } from '../ingest/build-index.js';
import type { ScanResult } from '../ingest/load.js';
import type { Logger } from '../log.js';
import type { Progress } from '../types.js';

export interface OpenOptions {
  log: Logger;
  onProgress?: (progress: Progress) => void;
  /** Loads the embedding model; injected by tests and the bench, the real loader otherwise. */
  loadModel?: () => Promise<LoadedModel>;
  /**
   * Remember a failed model load in the index folder (terminal commands): skip retrying it until the
   * retry time (`when-due`) or not (`now`), and say it once. Without this, every load is tried and warned (the bot).
   */
  modelMemory?: Pick<RememberingOptions, 'retry' | 'verbose'>;
  /**
   * Where a reindex of the served collection builds: in a worker thread (true), on this thread (false),
   * or, by default, in a worker once the documents reach WORKER_MIN_BYTES.
   */
  reindexInWorker?: boolean;
}

export interface ModelLoad {
  model: LoadedModel;
  /** Records how the load went; called once the index folder exists. */
  remember: () => Promise<void>;
}

const nothingToRemember = async (): Promise<void> => undefined;

export async function loadModel(config: CoreConfig, options: OpenOptions): Promise<ModelLoad> {
  if (options.loadModel) return { model: await options.loadModel(), remember: nothingToRemember };
  // Skips importing Transformers.js (and onnxruntime) entirely when the model is switched off.
  if (config.model.modelId === null) {
    return { model: { embedder: null, status: { loaded: false, modelId: null, reason: 'disabled (MODEL_ID=none)' } }, remember: nothingToRemember };
  }
  if (!options.modelMemory) return { model: await loadEmbedder(config.model, options.log), remember: nothingToRemember };
  const { loaded, remember } = await loadEmbedderRemembering(
    config.model,
    { indexDir: config.indexDir, log: options.log, ...options.modelMemory },
    loadEmbedder,
  );
  return { model: loaded, remember };
}

export function variantOf(config: CoreConfig, model: LoadedModel): string {
  return modelVariant(config.model, model.embedder?.modelId ?? config.model.modelId ?? '');
}

/** A generation built on this thread from the settings, the model and what the previous one lets it keep. */
export function buildGeneration(
  config: CoreConfig,
  model: LoadedModel,
  previous: PreviousIndex | null,
  previousUnusableReason: string | null,
  log: Logger,
  onProgress?: (progress: Progress) => void,
  scan?: ScanResult,
) {
  return buildIndex({
    docsDir: config.docsDir,
    maxFileBytes: config.maxFileBytes,
    vectorStore: config.vectorStore,
    embedder: model.embedder,
    modelVariant: variantOf(config, model),
    modelStatus: model.status,
    previous,
    previousUnusableReason,
    onProgress,
    log,
    scan,
  });
}
