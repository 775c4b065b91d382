/**
 * The build side of a collection: load the model and the index, notice stale or unusable indexes,
 * build and publish a generation. The query side is src/indexed-collection.ts.
 */
import type { Collection } from './collection.js';
import type { CoreConfig } from './config.js';
import type { LoadedModel } from './embed/embedder.js';
import { isIsnadError } from './errors.js';
import type { IndexSnapshot } from './index/snapshot.js';
import { IndexedCollection, type ServingSteps } from './indexed-collection.js';
import { buildIndex, fullRebuildReason, modelVariant } from './ingest/build-index.js';
import { scanDocuments } from './ingest/load.js';
import type { Logger } from './log.js';
import { IndexDirectory } from './store/index-dir.js';
import type { Progress, ReindexSummary } from './types.js';

export interface OpenOptions {
  log: Logger;
  onProgress?: (progress: Progress) => void;
  /** Loads the embedding model; injected by tests and the bench, the real loader otherwise. */
  loadModel?: () => Promise<LoadedModel>;
}

function loadModel(config: CoreConfig, options: OpenOptions): Promise<LoadedModel> {
  return options.loadModel ? options.loadModel() : realModelLoader(config, options.log);
}

async function realModelLoader(config: CoreConfig, log: Logger): Promise<LoadedModel> {
  // Skips importing Transformers.js (and onnxruntime) entirely when the model is switched off.
  if (config.model.modelId === null) return { embedder: null, status: { loaded: false, modelId: null, reason: 'disabled (MODEL_ID=none)' } };
  const { loadEmbedder } = await import('./embed/load-embedder.js');
  return loadEmbedder(config.model, log);
}

/** True when the files on disk differ (added, removed, resized, touched) from those the index was built from. */
async function isStale(snapshot: IndexSnapshot, docsDir: string): Promise<boolean> {
  const scan = await scanDocuments(docsDir);
  const indexed = new Map(snapshot.manifest.files.map((f) => [f.source, f]));
  const skippedBefore = new Map(snapshot.manifest.skipped.map((s) => [s.source, s]));
  let seen = 0;
  for (const file of scan.files) {
    const known = indexed.get(file.source) ?? skippedBefore.get(file.source);
    // A skipped file that was fixed (re-saved as UTF-8, say) counts as changed too.
    if (!known || known.bytes !== file.bytes || known.mtimeMs !== file.mtimeMs) return true;
    if (indexed.has(file.source)) seen++;
  }
  return seen !== indexed.size;
}

function variantOf(config: CoreConfig, model: LoadedModel): string {
  return modelVariant(config.model, model.embedder?.modelId ?? config.model.modelId ?? '');
}

function build(
  config: CoreConfig,
  model: LoadedModel,
  previous: IndexSnapshot | null,
  previousUnusableReason: string | null,
  log: Logger,
  onProgress?: (progress: Progress) => void,
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
  });
}

interface LoadedIndex {
  directory: IndexDirectory;
  snapshot: IndexSnapshot | null;
  /** Why the stored index cannot be used (unreadable), or null. */
  unusable: string | null;
}

async function loadIndex(config: CoreConfig, log: Logger): Promise<LoadedIndex> {
  const directory = new IndexDirectory(config.indexDir);
  try {
    return { directory, snapshot: await directory.load(), unusable: null };
  } catch (error) {
    if (!isIsnadError(error, 'INDEX_CORRUPT')) throw error;
    log.warn(`${error.message} Rebuilding the index from the documents (they are not touched).`);
    return { directory, snapshot: null, unusable: `index unreadable: ${error.message}` };
  }
}

async function buildAndPublish(
  config: CoreConfig,
  model: LoadedModel,
  loaded: LoadedIndex,
  options: OpenOptions,
): Promise<{ snapshot: IndexSnapshot; summary: ReindexSummary }> {
  const { log, onProgress } = options;
  log.info(loaded.snapshot ? `Updating the index of ${config.docsDir}…` : `Building the index of ${config.docsDir}…`);
  const result = await build(config, model, loaded.snapshot, loaded.unusable, log, onProgress);
  await loaded.directory.publish(result.snapshot, (done, total) => onProgress?.({ phase: 'write', done, total }));
  const { summary } = result;
  log.info(
    `Indexed ${summary.files} files into ${summary.passages} passages in ${summary.seconds.toFixed(1)} s` +
      ` (${summary.embedded} embedded, ${summary.reused} reused, ${summary.skipped.length} skipped)` +
      (summary.fullRebuildReason && loaded.snapshot ? `; full rebuild: ${summary.fullRebuildReason}` : ''),
  );
  return result;
}

/** `npm run ingest`: (re)builds the index incrementally and reports what happened. */
export async function ingestDocuments(config: CoreConfig, options: OpenOptions): Promise<ReindexSummary> {
  const model = await loadModel(config, options);
  const loaded = await loadIndex(config, options.log);
  return (await buildAndPublish(config, model, loaded, options)).summary;
}

/**
 * Loads the model and the index; builds or refreshes the index when there is none, it is unreadable,
 * or the documents changed. A failed build throws and leaves whatever index was there untouched.
 */
export async function openCollection(config: CoreConfig, options: OpenOptions): Promise<Collection> {
  const model = await loadModel(config, options);
  const loaded = await loadIndex(config, options.log);
  const { snapshot, directory } = loaded;
  if (snapshot) {
    const reason = fullRebuildReason(snapshot, model.embedder, config.docsDir, variantOf(config, model));
    const storeChanged = model.embedder !== null && snapshot.manifest.vectorStore !== config.vectorStore;
    if (!reason && !storeChanged && !(await isStale(snapshot, config.docsDir))) {
      return new IndexedCollection(config.docsDir, snapshot, model, servingSteps(config, directory, options));
    }
  }
  const built = await buildAndPublish(config, model, loaded, options);
  return new IndexedCollection(config.docsDir, built.snapshot, model, servingSteps(config, directory, options));
}

/** How a served collection rebuilds itself on /reindex: build-then-swap, the old index serving meanwhile. */
function servingSteps(config: CoreConfig, directory: IndexDirectory, options: OpenOptions): ServingSteps {
  return {
    log: options.log,
    async rebuild(current, model, onProgress) {
      if (!model.status.loaded && model.status.modelId !== null) {
        // The model may be back (files copied into MODEL_DIR, network restored): try again.
        model = await loadModel(config, options);
      }
      const { snapshot, summary } = await build(config, model, current, null, options.log, onProgress);
      await directory.publish(snapshot, (done, total) => onProgress?.({ phase: 'write', done, total }));
      return { snapshot, model, summary };
    },
  };
}
