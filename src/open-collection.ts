import fs from 'node:fs';
import type { Collection, IndexStatus, QuoteMatch, VerifyResult } from './collection.js';
import type { CoreConfig } from './config.js';
import type { Embedder, LoadedModel } from './embed/embedder.js';
import { loadEmbedderRemembering, type RememberingOptions } from './embed/model-memory.js';
import { IsnadError, isIsnadError } from './errors.js';
import { buildIndex, fullRebuildReason, modelVariant } from './ingest/build-index.js';
import { describeChanges, plural } from './ingest/describe.js';
import { assertDocsFolder, scanDocuments } from './ingest/load.js';
import { endLine } from './text/lines.js';
import type { Logger } from './log.js';
import { answerQuestion, denseAvailable, type RetrieveOptions } from './retrieve/answer.js';
import { documentReader } from './collection/document-reader.js';
import type { DocumentText } from './verify/documents.js';
import { documentSpan } from './verify/span.js';
import { verifyMessage } from './verify/verify.js';
import { PassageSearch } from './retrieve/passage-search.js';
import type { IndexSnapshot } from './index/snapshot.js';
import { IndexDirectory } from './store/index-dir.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary } from './types.js';

/** How a build is said in words, for the front ends (the terminal's ingest summary). */
export { describeChanges, listUnsupported } from './ingest/describe.js';

export const VERSION: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

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
  const { loadEmbedder } = await import('./embed/load-embedder.js');
  if (!options.modelMemory) return { model: await loadEmbedder(config.model, options.log), remember: nothingToRemember };
  const { loaded, remember } = await loadEmbedderRemembering(
    config.model,
    { indexDir: config.indexDir, log: options.log, ...options.modelMemory },
    (model, log) => loadEmbedder(model, log),
  );
  return { model: loaded, remember };
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

export class IndexedCollection implements Collection {
  private reindexing: Promise<ReindexSummary> | null = null;
  private byId = new Map<string, Passage>();
  private bySource = new Map<string, Passage[]>();
  private search: PassageSearch;

  constructor(
    private readonly config: CoreConfig,
    private snapshot: IndexSnapshot,
    private model: LoadedModel,
    private readonly directory: IndexDirectory,
    private readonly options: OpenOptions,
  ) {
    this.indexPassages();
    this.search = new PassageSearch(snapshot.passages);
  }

  /** The index being served; swapped whole by reindex. Evaluation reads it to build held-out variants. */
  get current(): IndexSnapshot {
    return this.snapshot;
  }

  /** The model as loaded (or not), to share with the servers' own collections. */
  get loadedModel(): LoadedModel {
    return this.model;
  }

  /** The loaded model, or null when running lexical-only. */
  get embedder(): Embedder | null {
    return this.model.embedder;
  }

  private indexPassages(): void {
    this.byId = new Map(this.snapshot.passages.map((p) => [p.id, p]));
    this.bySource = new Map();
    for (const p of this.snapshot.passages) {
      const list = this.bySource.get(p.source) ?? [];
      list.push(p);
      this.bySource.set(p.source, list);
    }
  }

  async ask(question: string, options: RetrieveOptions = {}): Promise<Answer> {
    try {
      return await answerQuestion(this.snapshot, this.model.embedder, question, options);
    } catch (error) {
      if (isIsnadError(error) || options.mode !== undefined || !this.model.embedder) throw error;
      // The model failed on this query (out of memory, a broken session): answer from the lexical leg.
      this.options.log.warn(`dense retrieval failed, answering lexical-only: ${error instanceof Error ? error.message : String(error)}`);
      return answerQuestion(this.snapshot, null, question, options);
    }
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  searchPassages(query: string, limit: number): Passage[] {
    return this.search.search(query, limit);
  }

  /** Makes every passage searchable by text (in slices, yielding); the bot calls it right after loading. */
  prepareSearch(): Promise<void> {
    return this.search.prepare();
  }

  /** Stops background work (a search build in progress) so the process can exit. */
  close(): void {
    this.search.stop();
  }

  documents(): DocumentInfo[] {
    return this.snapshot.manifest.files.map((f) => ({ source: f.source, passages: f.passages, bytes: f.bytes }));
  }

  passageAtLine(source: string, line: number): Passage | undefined {
    const passages = this.bySource.get(source);
    if (!passages || passages.length === 0 || line < 1) return undefined;
    const last = passages[passages.length - 1]!;
    if (line > endLine(last)) return undefined; // past the end of the file
    // Blank lines before the first passage, or between passages, belong to the passage that follows.
    return passages.find((p) => endLine(p) >= line);
  }

  verifyQuotes(message: string): Promise<VerifyResult[]> {
    return verifyMessage(this.snapshot, message, this.documentText());
  }

  async documentSpan(passageId: string, start: number, end: number): Promise<QuoteMatch | undefined> {
    const passage = this.passage(passageId);
    if (!passage) return undefined;
    return documentSpan(this.bySource.get(passage.source) ?? [], start, end, this.documentText());
  }

  /** Document texts (for quotes across passages), read once per index. */
  private reader: { snapshot: IndexSnapshot; read: DocumentText } | null = null;

  private documentText(): DocumentText {
    if (this.reader?.snapshot !== this.snapshot) {
      this.reader = { snapshot: this.snapshot, read: documentReader(this.config.docsDir, this.snapshot.manifest.files) };
    }
    return this.reader.read;
  }

  status(): IndexStatus {
    const dense = denseAvailable(this.snapshot, this.model.embedder);
    let model = this.model.status;
    if (model.loaded && !dense) {
      model = { loaded: false, modelId: model.modelId, reason: 'index was built without this model; run a reindex' };
    }
    return {
      docsDir: this.config.docsDir,
      documents: this.snapshot.manifest.files.length,
      passages: this.snapshot.passages.length,
      skipped: this.snapshot.manifest.skipped,
      model,
      builtAt: this.snapshot.manifest.builtAt,
      version: VERSION,
      reindexing: this.reindexing !== null,
    };
  }

  reindex(onProgress?: (progress: Progress) => void): Promise<ReindexSummary> {
    if (this.reindexing) throw new IsnadError('REINDEX_RUNNING', 'A reindex is already running; wait for it to finish.');
    this.reindexing = this.runReindex(onProgress).finally(() => {
      this.reindexing = null;
    });
    return this.reindexing;
  }

  private async runReindex(onProgress?: (progress: Progress) => void): Promise<ReindexSummary> {
    if (!this.model.status.loaded && this.model.status.modelId !== null) {
      // The model may be back (files copied into MODEL_DIR, network restored): try again.
      this.model = (await loadModel(this.config, { ...this.options, modelMemory: undefined })).model;
    }
    const { snapshot, summary } = await build(this.config, this.model, this.snapshot, null, this.options.log, onProgress);
    if (summary.nothingChanged) return summary; // the serving index is this one already
    await this.directory.publish(snapshot, (done, total) => onProgress?.({ phase: 'write', done, total }));
    // Ready before it serves: the first autocomplete after a reindex must not pay for it.
    const search = new PassageSearch(snapshot.passages);
    await search.prepare();
    this.search.stop();
    this.snapshot = snapshot;
    this.search = search;
    this.indexPassages();
    return summary;
  }
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
  const directory = new IndexDirectory(config.indexDir, config.docsDir);
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
  const { summary } = result;
  if (summary.nothingChanged && loaded.snapshot) {
    // Writing an identical generation would only cost disk space (4 in ten minutes, 25 MB, before).
    log.info(`Nothing changed: the index of ${plural(summary.files, 'file')} and ${plural(summary.passages, 'passage')} is up to date.`);
    return { snapshot: loaded.snapshot, summary };
  }
  await loaded.directory.publish(result.snapshot, (done, total) => onProgress?.({ phase: 'write', done, total }));
  log.info(
    `Indexed ${plural(summary.files, 'file')} into ${plural(summary.passages, 'passage')} in ${summary.seconds.toFixed(1)} s: ` +
      `${describeChanges(summary)} (${summary.embedded} embedded, ${summary.reused} reused, ${summary.skipped.length} skipped)` +
      (summary.fullRebuildReason && loaded.snapshot ? `; full rebuild: ${summary.fullRebuildReason}` : ''),
  );
  return result;
}

/** `npm run ingest`: (re)builds the index incrementally and reports what happened. */
export async function ingestDocuments(config: CoreConfig, options: OpenOptions): Promise<ReindexSummary> {
  await assertDocsFolder(config.docsDir);
  await new IndexDirectory(config.indexDir, config.docsDir).checkUsable(); // before a model load that may take minutes
  const { model, remember } = await loadModel(config, options);
  const loaded = await loadIndex(config, options.log);
  const { summary } = await buildAndPublish(config, model, loaded, options);
  await remember();
  return summary;
}

/**
 * Loads the model and the index; builds or refreshes the index when there is none, it is unreadable,
 * or the documents changed. A failed build throws and leaves whatever index was there untouched.
 */
export async function openCollection(config: CoreConfig, options: OpenOptions): Promise<IndexedCollection> {
  // Before anything is said about the index: "Updating the index of /nonexistent…" would point the wrong way.
  await assertDocsFolder(config.docsDir);
  await new IndexDirectory(config.indexDir, config.docsDir).checkUsable(); // before a model load that may take minutes
  const { model, remember } = await loadModel(config, options);
  const loaded = await loadIndex(config, options.log);
  let snapshot = loaded.snapshot;
  const fresh =
    snapshot !== null &&
    fullRebuildReason(snapshot, model.embedder, config.docsDir, variantOf(config, model)) === null &&
    !(model.embedder !== null && snapshot.manifest.vectorStore !== config.vectorStore) &&
    !(await isStale(snapshot, config.docsDir));
  if (!fresh || snapshot === null) snapshot = (await buildAndPublish(config, model, loaded, options)).snapshot;
  await remember();
  return new IndexedCollection(config, snapshot, model, loaded.directory, options);
}
