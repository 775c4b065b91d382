import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { LoadedModel } from './embedder.js';
import { howToEnable } from './load-embedder.js';

/**
 * A failed model load, remembered in the index folder. Trying the model costs a terminal command
 * about 0.8 s and 140 MB, and the warning would repeat on every run: with this record `ask` skips the
 * attempt until the retry time, and says the reason once, again only when it changes.
 */
const MODEL_FAILURE_FILE = 'model-unavailable.json';
/** How long a remembered failure stands before `ask` tries the model again. */
export const MODEL_RETRY_MS = 60 * 60 * 1000;

interface FailureRecord {
  /** The settings the failure was seen with; any change (another MODEL_DIR, model files copied in) retries at once. */
  key: string;
  reason: string;
  failedAt: string;
  retryAfter: string;
}

export interface RememberingOptions {
  indexDir: string;
  log: Logger;
  /** `when-due`: skip the attempt until the retry time (ask); `now`: always try (ingest, an explicit rebuild). */
  retry: 'when-due' | 'now';
  /** Say the full reason and how to fix it, even when it was said before. */
  verbose: boolean;
  now?: () => number;
}

export interface RememberedLoad {
  loaded: LoadedModel;
  /** Writes (or clears) the record; called once the index folder is in place, so nothing is written before it is. */
  remember(): Promise<void>;
}

async function settingsKey(config: ModelConfig): Promise<string> {
  const local = config.localModelDir !== null && config.modelId !== null ? path.join(config.localModelDir, config.modelId) : null;
  // Copying model files into MODEL_DIR changes the folder's mtime: that is "something changed".
  const localMtime = local === null ? null : await fs.stat(local).then((s) => s.mtimeMs, () => null);
  return JSON.stringify({
    id: config.modelId, dtype: config.dtype, dir: config.localModelDir, localMtime, cache: config.cacheDir, remote: config.allowRemote,
  });
}

async function readRecord(file: string): Promise<FailureRecord | null> {
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<FailureRecord>;
    const valid = typeof value.key === 'string' && typeof value.reason === 'string' && typeof value.retryAfter === 'string';
    return valid ? (value as FailureRecord) : null;
  } catch {
    return null; // none yet, or unreadable: either way the model is simply tried
  }
}

/** Warnings of the inner loader become debug lines: the caller decides what the user hears. */
function demoted(log: Logger): Logger {
  return { debug: log.debug, info: log.info, warn: log.debug, error: log.error };
}

function shortNotice(modelId: string, reason: string): string {
  return `Embedding model ${modelId} unavailable: ${reason}. Searching by words only (--verbose for details).`;
}

export async function loadEmbedderRemembering(
  config: ModelConfig,
  options: RememberingOptions,
  load: (config: ModelConfig, log: Logger) => Promise<LoadedModel>,
): Promise<RememberedLoad> {
  const now = options.now ?? Date.now;
  const file = path.join(options.indexDir, MODEL_FAILURE_FILE);
  const [key, before] = await Promise.all([settingsKey(config), readRecord(file)]);
  const known = before !== null && before.key === key ? before : null;
  const modelId = config.modelId ?? '';

  if (known && options.retry === 'when-due' && now() < Date.parse(known.retryAfter)) {
    const status = { loaded: false as const, modelId: config.modelId, reason: known.reason };
    if (options.verbose) {
      options.log.warn(
        `Embedding model ${modelId} is unavailable: ${known.reason} (remembered from ${known.failedAt}; next try after ${known.retryAfter}). ` +
          `Running lexical-only. ${howToEnable(config, modelId)}`,
      );
    }
    else options.log.debug(`Embedding model ${modelId}: remembered failure (${known.reason}); next try after ${known.retryAfter}`);
    return { loaded: { embedder: null, status }, remember: async () => undefined };
  }

  const loaded = await load(config, options.verbose ? options.log : demoted(options.log));
  if (loaded.status.loaded || config.modelId === null) {
    return { loaded, remember: () => fs.rm(file, { force: true }).catch(() => undefined) };
  }
  const reason = loaded.status.reason;
  if (!options.verbose && known?.reason !== reason) options.log.warn(shortNotice(modelId, reason));
  const record: FailureRecord = {
    key, reason, failedAt: new Date(now()).toISOString(), retryAfter: new Date(now() + MODEL_RETRY_MS).toISOString(),
  };
  return {
    loaded,
    remember: async () => {
      // Best effort: a read-only index folder only means the model is tried again next time.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(record, null, 1)).then(() => fs.rename(tmp, file)).catch(() => fs.rm(tmp, { force: true }).catch(() => undefined));
    },
  };
}
