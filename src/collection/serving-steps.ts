/**
 * How a served collection rebuilds itself on /reindex: build-then-swap, the old index serving meanwhile.
 * A large build, and its write, run in a worker thread (build-off-thread.ts) with its own copy of the
 * model (this thread embeds for it only when that copy cannot load); this thread then loads the finished generation.
 */
import type { CoreConfig } from '../config.js';
import { isIsnadError } from '../errors.js';
import type { ServingSteps } from '../indexed-collection.js';
import { scanDocuments, type ScanResult } from '../ingest/load.js';
import type { Logger } from '../log.js';
import type { IndexDirectory } from '../store/index-dir.js';
import { englishArabicDictionary, type DictdDictionary } from '../translate/dictd.js';
import { buildInWorker, type BuildJob } from './build-off-thread.js';
import { buildGeneration, loadModel, variantOf, type OpenOptions } from './load-and-build.js';

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

export function servingSteps(config: CoreConfig, directory: IndexDirectory, options: OpenOptions): ServingSteps {
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
        const { snapshot, summary } = await buildGeneration(config, model, previous, null, options.log, onProgress, scan);
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
