/**
 * The build side of a collection: load the model and the index, notice stale or unusable indexes,
 * build and publish a generation. The query side is src/indexed-collection.ts.
 * Longer than 250 lines on purpose: the staleness checks, the in-place build and the worker build
 * share one decision (what is reused, what is rebuilt, what the user is told); split, they would drift.
 */
import type { Collection } from './collection.js';
import type { CoreConfig } from './config.js';
import type { LoadedModel } from './embed/embedder.js';
import { loadEmbedder } from './embed/load-embedder.js';
import { loadEmbedderRemembering, type RememberingOptions } from './embed/model-memory.js';
import { isIsnadError } from './errors.js';
import type { IndexSnapshot, PreviousIndex } from './index/snapshot.js';
import { IndexedCollection, type ServingSteps } from './indexed-collection.js';
import { buildIndex, fullRebuildReason, modelVariant } from './ingest/build-index.js';
import { buildInWorker, type BuildJob } from './collection/build-off-thread.js';
import { describeChanges, plural } from './ingest/describe.js';
import { assertDocsFolder, scanDocuments, type ScanResult } from './ingest/load.js';
import type { Logger } from './log.js';
import { IndexDirectory } from './store/index-dir.js';
import { englishArabicDictionary, type DictdDictionary } from './translate/dictd.js';
import type { Progress, ReindexSummary } from './types.js';

/** How a build is said in words, for the front ends (the terminal's ingest summary). */
export { describeChanges, listUnsupported } from './ingest/describe.js';

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

/**
 * Documents (bytes on disk) from which a reindex builds in a worker thread. Measured on the shared
 * 2-core machine (load ~8), longest event-loop pause of a reindex in place: 43–58 ms at 60 KB,
 * 174–196 ms at 250 KB, 0.74–0.93 s at 1.6 MB; in the worker 20–74 ms at each size, but starting it
 * costs ~0.5 s compiled (~1.5 s from sources under tsx). Below this size the build stays in place.
 */
const WORKER_MIN_BYTES = 100 * 1024;

function documentBytes(scan: ScanResult): number {
  return scan.files.reduce((sum, file) => sum + file.bytes, 0);
}

interface ModelLoad {
  model: LoadedModel;
  /** Records how the load went; called once the index folder exists. */
  remember: () => Promise<void>;
}

const nothingToRemember = async (): Promise<void> => undefined;

async function loadModel(config: CoreConfig, options: OpenOptions): Promise<ModelLoad> {
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

/** True when the files on disk differ (added, removed, resized, touched) from those the index was built from. */
/** The folder's listing when it differs from what the snapshot indexed (the build reads that same listing), else null. */
async function changedScan(snapshot: IndexSnapshot, docsDir: string): Promise<ScanResult | null> {
  const scan = await scanDocuments(docsDir);
  const indexed = new Map(snapshot.manifest.files.map((f) => [f.source, f]));
  const skippedBefore = new Map(snapshot.manifest.skipped.map((s) => [s.source, s]));
  let seen = 0;
  for (const file of scan.files) {
    const known = indexed.get(file.source) ?? skippedBefore.get(file.source);
    // A skipped file that was fixed (re-saved as UTF-8, say) counts as changed too.
    if (!known || known.bytes !== file.bytes || known.mtimeMs !== file.mtimeMs) return scan;
    // An edit that put the modification time back still moved the change time (see KeptFiles.unreadDocument).
    if ('ctimeMs' in known && known.ctimeMs !== undefined && (known.ctimeMs !== file.ctimeMs || known.ino !== file.ino)) return scan;
    if (indexed.has(file.source)) seen++;
  }
  return seen !== indexed.size ? scan : null;
}

function variantOf(config: CoreConfig, model: LoadedModel): string {
  return modelVariant(config.model, model.embedder?.modelId ?? config.model.modelId ?? '');
}

function build(
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

interface LoadedIndex {
  directory: IndexDirectory;
  snapshot: IndexSnapshot | null;
  /** Why the stored index cannot be used (unreadable), or null. */
  unusable: string | null;
}

async function loadIndex(directory: IndexDirectory, usable: 'none' | 'some', log: Logger): Promise<LoadedIndex> {
  try {
    return { directory, snapshot: await directory.loadChecked(usable), unusable: null };
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
  scan?: ScanResult,
): Promise<{ snapshot: IndexSnapshot; summary: ReindexSummary }> {
  const { log, onProgress } = options;
  log.info(loaded.snapshot ? `Updating the index of ${config.docsDir}…` : `Building the index of ${config.docsDir}…`);
  const previous = loaded.snapshot ? await loaded.directory.withKeptWork(loaded.snapshot, log) : null;
  const result = await build(config, model, previous, loaded.unusable, log, onProgress, scan);
  const { summary } = result;
  if (summary.nothingChanged && loaded.snapshot) {
    // Writing an identical generation would only cost disk space (4 in ten minutes, 25 MB, before).
    log.info(`Nothing changed: the index of ${plural(summary.files, 'file')} and ${plural(summary.passages, 'passage')} is up to date.`);
    return { snapshot: loaded.snapshot, summary };
  }
  result.snapshot.generation = await loaded.directory.publish(result.snapshot, onProgress);
  log.info(
    `Indexed ${plural(summary.files, 'file')} into ${plural(summary.passages, 'passage')} in ${summary.seconds.toFixed(1)} s: ` +
      `${describeChanges(summary)} (${summary.embedded} embedded, ${summary.reused} reused, ${summary.skipped.length} skipped)` +
      (summary.fullRebuildReason && loaded.snapshot ? `; full rebuild: ${summary.fullRebuildReason}` : ''),
  );
  return result;
}

/** Checks both folders, then loads the model and the stored index. */
async function loadModelAndIndex(config: CoreConfig, options: OpenOptions): Promise<ModelLoad & { loaded: LoadedIndex }> {
  // Before anything is said about the index: "Updating the index of /nonexistent…" would point the wrong way.
  await assertDocsFolder(config.docsDir);
  const directory = new IndexDirectory(config.indexDir, config.docsDir);
  const usable = await directory.checkUsable(); // before a model load that may take minutes
  const { model, remember } = await loadModel(config, options);
  return { model, remember, loaded: await loadIndex(directory, usable, options.log) };
}

/**
 * `npm run ingest -- --check`: every file of the served index hashed against its checksum (a load
 * re-hashes only files whose size or time changed). Throws INDEX_CORRUPT naming a damaged file.
 */
export async function checkIndex(config: CoreConfig): Promise<{ generation: string; files: number } | null> {
  return new IndexDirectory(config.indexDir, config.docsDir).check();
}

/** `npm run ingest`: (re)builds the index incrementally and reports what happened. */
export async function ingestDocuments(config: CoreConfig, options: OpenOptions): Promise<ReindexSummary> {
  const { model, remember, loaded } = await loadModelAndIndex(config, options);
  const { summary } = await buildAndPublish(config, model, loaded, options);
  await remember();
  return summary;
}

/** An index ready to serve: fresh for the documents on disk, with the model it was opened with and how to rebuild it. */
export interface OpenedIndex {
  snapshot: IndexSnapshot;
  model: LoadedModel;
  steps: ServingSteps;
}

/**
 * Loads the model and the index; builds or refreshes the index when there is none, it is unreadable,
 * or the documents changed. A failed build throws and leaves whatever index was there untouched.
 * Evaluation asks of this snapshot directly (held-out variants of it); everyone else serves it.
 */
export async function openIndex(config: CoreConfig, options: OpenOptions): Promise<OpenedIndex> {
  const { model, remember, loaded } = await loadModelAndIndex(config, options);
  let snapshot = loaded.snapshot;
  const reusable =
    snapshot !== null &&
    fullRebuildReason(snapshot, model.embedder, config.docsDir, variantOf(config, model)) === null &&
    !(model.embedder !== null && snapshot.manifest.vectorStore !== config.vectorStore);
  // The listing that found a change is the one the build reads: a start walks the folder once.
  const scan = reusable && snapshot !== null ? await changedScan(snapshot, config.docsDir) : undefined;
  if (!reusable || snapshot === null || scan) snapshot = (await buildAndPublish(config, model, loaded, options, scan ?? undefined)).snapshot;
  await remember();
  return { snapshot, model, steps: servingSteps(config, loaded.directory, options) };
}

/** The query side over an opened index. The bot's entry point keeps the concrete type to share its model. */
export function serveIndex(config: CoreConfig, opened: OpenedIndex): IndexedCollection {
  return new IndexedCollection(config.docsDir, opened.snapshot, opened.model, opened.steps);
}

/** `openIndex`, served: what the terminal commands, the bot and the servers' own documents use. */
export async function openCollection(config: CoreConfig, options: OpenOptions): Promise<Collection> {
  return serveIndex(config, await openIndex(config, options));
}

/** DICT_DIR's dictionary, opened on first use; an unreadable one is said once and treated as absent. */
function lazyDictionary(config: CoreConfig, log: Logger): () => DictdDictionary | null {
  let opened: { dictionary: DictdDictionary | null } | null = null;
  return () => {
    if (!opened) {
      try {
        opened = { dictionary: englishArabicDictionary(config.dictDir) };
      } catch (error) {
        if (!isIsnadError(error)) throw error;
        log.warn(`${error.message} English questions are answered without it.`);
        opened = { dictionary: null };
      }
    }
    return opened.dictionary;
  };
}

/**
 * How a served collection rebuilds itself on /reindex: build-then-swap, the old index serving meanwhile.
 * A large build, and its write, run in a worker thread (collection/build-off-thread.ts) with its own copy of the
 * model (this thread embeds for it only when that copy cannot load); this thread then loads the finished generation.
 */
function servingSteps(config: CoreConfig, directory: IndexDirectory, options: OpenOptions): ServingSteps {
  return {
    log: options.log,
    dictionary: lazyDictionary(config, options.log),
    async rebuild(current, model, onProgress, signal) {
      if (!model.status.loaded && model.status.modelId !== null) {
        // The model may be back (files copied into MODEL_DIR, network restored): try again.
        model = (await loadModel(config, { ...options, modelMemory: undefined })).model;
      }
      // Listed once: the listing chooses where to build, and the build reads the files it lists.
      const scan = await scanDocuments(config.docsDir);
      const inWorker = options.reindexInWorker ?? documentBytes(scan) >= WORKER_MIN_BYTES;
      if (!inWorker) {
        const previous = await directory.withKeptWork(current, options.log);
        const { snapshot, summary } = await build(config, model, previous, null, options.log, onProgress, scan);
        const generation = await directory.publishUnlessUnchanged(snapshot, summary.nothingChanged, onProgress);
        if (generation === null) return { snapshot: current, model, summary };
        snapshot.generation = generation;
        return { snapshot, model, summary };
      }
      const { embedder } = model;
      const job: BuildJob = {
        docsDir: config.docsDir,
        indexDir: config.indexDir,
        maxFileBytes: config.maxFileBytes,
        vectorStore: config.vectorStore,
        model: embedder ? { modelId: embedder.modelId, dimensions: embedder.dimensions, ...(embedder.recipe ? { recipe: embedder.recipe } : {}) } : null,
        modelVariant: variantOf(config, model),
        modelStatus: model.status,
        previousGeneration: current.generation ?? null,
        scan,
      };
      const { generation, summary, words, searchText } = await buildInWorker(job, embedder, options.log, onProgress, signal);
      if (generation === null) return { snapshot: current, model, summary };
      const snapshot = await directory.loadGeneration(generation, words ?? undefined);
      if (searchText) snapshot.searchText = searchText;
      return { snapshot, model, summary };
    },
  };
}
