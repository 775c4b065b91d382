import fs from 'node:fs';
import path from 'node:path';
import type { ModelConfig } from '../config.js';
import { silentLogger, type Logger } from '../log.js';
import type { Embedder, LoadedModel } from './embedder.js';
import { prefixesFor, TransformersEmbedder, type FeatureExtractor } from './transformers-embedder.js';

/** Builds the feature-extraction pipeline for `config.modelId`. Injected by tests; the real one is `loadPipeline`. */
export type LoadPipeline = (config: ModelConfig & { modelId: string }) => Promise<FeatureExtractor>;

export interface LoadEmbedderDeps {
  load?: LoadPipeline;
}

/** Library defaults of the env fields we set, so a load without MODEL_DIR/MODEL_CACHE_DIR gets them back. */
let envDefaults: { localModelPath: string; cacheDir: string | null } | null = null;

/**
 * The real loader. Transformers.js keeps its settings in one global `env`, so they are set right
 * before every load rather than once at start-up.
 */
export const loadPipeline: LoadPipeline = async (config) => {
  const { env, pipeline, LogLevel } = await import('@huggingface/transformers');
  envDefaults ??= { localModelPath: env.localModelPath, cacheDir: env.cacheDir };
  env.allowRemoteModels = config.allowRemote;
  // Without MODEL_DIR there is nothing local to try (the library default is a folder inside node_modules).
  env.allowLocalModels = config.localModelDir !== null;
  env.localModelPath = config.localModelDir !== null ? withTrailingSlash(config.localModelDir) : envDefaults.localModelPath;
  env.cacheDir = config.cacheDir ?? envDefaults.cacheDir;
  // The library warns on the console for every file it does not find locally; we log one warning ourselves.
  env.logLevel = LogLevel.ERROR;

  const extractor = await pipeline('feature-extraction', config.modelId, { dtype: config.dtype });
  ensureTruncation(extractor);
  return extractor as unknown as FeatureExtractor;
};

function withTrailingSlash(dir: string): string {
  return dir.endsWith('/') || dir.endsWith(path.sep) ? dir : dir + '/';
}

/**
 * The pipeline tokenizes with `truncation: true`, capped at the tokenizer's `model_max_length`.
 * A tokenizer_config.json without that field means "no limit", and a long passage would then
 * overflow the position embeddings and make the model throw; cap it at the model's size instead.
 */
function ensureTruncation(extractor: unknown): void {
  const pipe = extractor as {
    tokenizer?: { model_max_length?: number; _tokenizerConfig?: Record<string, unknown> };
    model?: { config?: { max_position_embeddings?: unknown } };
  };
  const tokenizer = pipe.tokenizer;
  if (!tokenizer?._tokenizerConfig || Number.isFinite(tokenizer.model_max_length)) return;
  const limit = pipe.model?.config?.max_position_embeddings;
  tokenizer._tokenizerConfig.model_max_length = typeof limit === 'number' && limit > 0 ? limit : 512;
}

/**
 * Loads the embedding model for the dense leg. Never throws: on any failure or timeout it returns
 * `embedder: null` with a one-sentence reason, logs a single warning; retrieval then runs lexical-only.
 */
export async function loadEmbedder(
  config: ModelConfig,
  log: Logger,
  deps: LoadEmbedderDeps = {},
): Promise<LoadedModel> {
  const modelId = config.modelId;
  if (modelId === null) {
    log.info('Dense retrieval is off (MODEL_ID=none); answering with lexical search only.');
    return { embedder: null, status: { loaded: false, modelId: null, reason: 'disabled (MODEL_ID=none)' } };
  }
  const load = deps.load ?? loadPipeline;
  const started = Date.now();
  let extractor: FeatureExtractor | null = null;
  try {
    extractor = await withTimeout(load({ ...config, modelId }), config.loadTimeoutMs, (late) => {
      void late.dispose?.().catch(() => {});
    });
    const embedder = await withTimeout(
      TransformersEmbedder.create(modelId, extractor, prefixesFor(modelId, config)),
      Math.max(config.loadTimeoutMs - (Date.now() - started), 1),
    );
    // A reindex worker loads its own copy from the same settings (a second copy in memory while it runs).
    embedder.recipe = { module: import.meta.url, exportName: 'embedderFor', args: [config] };
    log.info(`Embedding model ${modelId} loaded`, {
      dimensions: embedder.dimensions,
      dtype: config.dtype,
      ms: Date.now() - started,
    });
    return { embedder, status: { loaded: true, modelId, dimensions: embedder.dimensions } };
  } catch (error) {
    void extractor?.dispose?.().catch(() => {});
    const reason = describeFailure(error, config, modelId);
    log.warn(`Embedding model ${modelId} is unavailable: ${reason}. Running lexical-only (no dense retrieval). ${howToEnable(config, modelId)}`, {
      code: 'MODEL_UNAVAILABLE',
      modelId,
      dtype: config.dtype,
    });
    return { embedder: null, status: { loaded: false, modelId, reason } };
  }
}

/** What a user can do about an unavailable model. */
export function howToEnable(config: ModelConfig, modelId: string): string {
  return (
    `To enable it, set MODEL_DIR to a folder that holds ${modelId}/ (config.json, tokenizer.json, onnx/…), ` +
    (config.allowRemote ? 'or run on a machine that can reach huggingface.co.' : 'or set ALLOW_REMOTE_MODELS=true on a machine that can reach huggingface.co.')
  );
}

class LoadTimeout extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

/** Races `promise` against a timer. A result that arrives after the timeout goes to `onLate` (to be freed). */
function withTimeout<T>(promise: Promise<T>, ms: number, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new LoadTimeout(ms));
    }, ms);
    // A hung hub fetch must not keep a CLI process alive once everything else is done.
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (!timedOut) reject(error);
      },
    );
  });
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** One short human sentence (no trailing period) for /status, the CLI and the warning. */
export function describeFailure(error: unknown, config: ModelConfig, modelId: string): string {
  if (error instanceof LoadTimeout) return `loading timed out after ${formatDuration(error.ms)}`;
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  const where = config.localModelDir !== null ? path.join(config.localModelDir, modelId) : null;
  const notFound = name === 'ModelFileNotFoundError' || /not found|no such file|ENOENT|404/i.test(message);

  if (!config.allowRemote) {
    if (where === null) return 'MODEL_DIR is not set and remote loading is off (ALLOW_REMOTE_MODELS=false)';
    if (notFound || !fs.existsSync(where)) {
      return `model files not found in ${where} and remote loading is off (ALLOW_REMOTE_MODELS=false)`;
    }
  }
  if (notFound && config.allowRemote) {
    return `model ${modelId} (dtype ${config.dtype}) was not found locally or on the hub`;
  }
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network|socket/i.test(message)) {
    return `could not reach the Hugging Face hub (${firstLine(message)})`;
  }
  return `loading failed: ${firstLine(message)}`;
}

function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? '').trim().replace(/[.\s]+$/, '');
  return line.length > 160 ? line.slice(0, 157) + '…' : line || 'unknown error';
}

/** The recipe of a loaded model (see `Embedder.recipe`): loads it again, here, or throws why it could not. */
export async function embedderFor(config: ModelConfig): Promise<Embedder> {
  const { embedder, status } = await loadEmbedder(config, silentLogger);
  if (!embedder) throw new Error(status.loaded ? 'no embedder' : status.reason);
  return embedder;
}
