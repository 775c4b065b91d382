/**
 * The build side of a collection: load the model and the index, notice stale or unusable indexes,
 * build and publish a generation. The query side is src/indexed-collection.ts; how the model is
 * loaded and a generation built is collection/load-and-build.ts, shared with a served collection's
 * /reindex (collection/serving-steps.ts).
 */
import type { Collection } from './collection.js';
import { buildGeneration, loadModel, variantOf, type ModelLoad, type OpenOptions } from './collection/load-and-build.js';
import { servingSteps } from './collection/serving-steps.js';
import type { CoreConfig } from './config.js';
import type { LoadedModel } from './embed/embedder.js';
import { isIsnadError } from './errors.js';
import type { IndexSnapshot } from './index/snapshot.js';
import { IndexedCollection, type ServingSteps } from './indexed-collection.js';
import { fullRebuildReason } from './ingest/build-index.js';
import { describeChanges, plural } from './ingest/describe.js';
import { assertDocsFolder, scanDocuments, type ScanResult } from './ingest/load.js';
import type { Logger } from './log.js';
import { IndexDirectory } from './store/index-dir.js';
import type { ReindexSummary } from './types.js';

/** How a build is said in words, for the front ends (the terminal's ingest summary). */
export { describeChanges, listUnsupported } from './ingest/describe.js';
export type { OpenOptions } from './collection/load-and-build.js';

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
  const result = await buildGeneration(config, model, previous, loaded.unusable, log, onProgress, scan);
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
