import fs from 'node:fs';
import type { Collection, IndexStatus } from './collection.js';
import type { VerifyResult } from './retrieve/verify.js';
import type { CoreConfig } from './config.js';
import type { LoadedModel } from './embed/embedder.js';
import { IsnadError, isIsnadError } from './errors.js';
import { buildIndex, fullRebuildReason, modelVariant } from './ingest/build-index.js';
import { scanDocuments } from './ingest/load.js';
import { hasLatinLetters } from './text/language.js';
import { lineAt } from './text/lines.js';
import { normalize } from './text/normalize.js';
import type { Logger } from './log.js';
import { answerQuestion, denseAvailable, type RetrieveOptions } from './retrieve/answer.js';
import { verifyQuote } from './retrieve/verify.js';
import type { IndexSnapshot } from './index/snapshot.js';
import { IndexDirectory } from './store/index-dir.js';
import { englishArabicDictionary, type DictdDictionary } from './translate/dictd.js';
import { ENGLISH_SUPPORT_HINT } from './translate/support.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary } from './types.js';

export const VERSION: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

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

export class IndexedCollection implements Collection {
  private reindexing: Promise<ReindexSummary> | null = null;
  private byId = new Map<string, Passage>();
  private bySource = new Map<string, Passage[]>();

  constructor(
    private readonly config: CoreConfig,
    private snapshot: IndexSnapshot,
    private model: LoadedModel,
    private readonly directory: IndexDirectory,
    private readonly options: OpenOptions,
  ) {
    this.indexPassages();
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
    options = { dictionary: () => this.dictionary(), ...options };
    try {
      return this.withEnglishNotice(await answerQuestion(this.snapshot, this.model.embedder, question, options));
    } catch (error) {
      if (isIsnadError(error) || options.mode !== undefined || !this.model.embedder) throw error;
      // The model failed on this query (out of memory, a broken session): answer from the lexical leg.
      this.options.log.warn(`dense retrieval failed, answering lexical-only: ${error instanceof Error ? error.message : String(error)}`);
      return answerQuestion(this.snapshot, null, question, options);
    }
  }

  private dictionaryState: { dictionary: DictdDictionary | null } | null = null;
  private englishNoticeGiven = false;

  /** The first English question that nothing can translate carries the how-to, once per process. */
  private withEnglishNotice(answer: Answer): Answer {
    if (this.englishNoticeGiven || !hasLatinLetters(answer.query)) return answer;
    const hint = this.englishHint();
    if (hint === null) return answer;
    this.englishNoticeGiven = true;
    return { ...answer, notice: hint };
  }

  private englishHint(): string | null {
    return this.dictionary() !== null || denseAvailable(this.snapshot, this.model.embedder) ? null : ENGLISH_SUPPORT_HINT;
  }

  /** The English→Arabic dictionary from DICT_DIR, opened on the first question that needs it; null when absent or unreadable. */
  dictionary(): DictdDictionary | null {
    if (!this.dictionaryState) {
      try {
        this.dictionaryState = { dictionary: englishArabicDictionary(this.config.dictDir) };
      } catch (error) {
        if (!isIsnadError(error)) throw error;
        this.options.log.warn(`${error.message} English questions are answered without it.`);
        this.dictionaryState = { dictionary: null };
      }
    }
    return this.dictionaryState.dictionary;
  }

  passage(id: string): Passage | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  searchPassages(query: string, limit: number): Passage[] {
    const q = query.trim().toLowerCase();
    if (q === '') return this.snapshot.passages.slice(0, limit);
    const found: Passage[] = [];
    for (const p of this.snapshot.passages) {
      if (p.id.startsWith(q)) found.push(p);
      if (found.length >= limit) return found;
    }
    const needle = normalize(q).replace(/\s+/g, ' ');
    const texts = this.normalizedTexts();
    for (let row = 0; row < texts.length && found.length < limit; row++) {
      const p = this.snapshot.passages[row]!;
      if (!p.id.startsWith(q) && texts[row]!.includes(needle)) found.push(p);
    }
    return found;
  }

  /** Normalized passage texts for autocomplete, computed once per index: per keystroke it took seconds at 100k. */
  private normalized: { snapshot: IndexSnapshot; texts: string[] } | null = null;

  private normalizedTexts(): string[] {
    if (this.normalized?.snapshot !== this.snapshot) {
      this.normalized = { snapshot: this.snapshot, texts: this.snapshot.passages.map((p) => normalize(p.text).replace(/\s+/g, ' ')) };
    }
    return this.normalized.texts;
  }

  documents(): DocumentInfo[] {
    return this.snapshot.manifest.files.map((f) => ({ source: f.source, passages: f.passages, bytes: f.bytes }));
  }

  passageAtLine(source: string, line: number): Passage | undefined {
    const passages = this.bySource.get(source);
    if (!passages || passages.length === 0 || line < 1) return undefined;
    const last = passages[passages.length - 1]!;
    const lastLine = (p: Passage) => p.line + lineAt(p.text, p.text.length) - 1;
    if (line > lastLine(last)) return undefined; // past the end of the file
    // Blank lines before the first passage, or between passages, belong to the passage that follows.
    return passages.find((p) => lastLine(p) >= line);
  }

  verifyQuote(text: string): VerifyResult {
    return verifyQuote(this.snapshot, text);
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
      english: { dictionary: this.dictionary()?.file ?? null, hint: this.englishHint() },
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
      this.model = await loadModel(this.config, this.options);
    }
    const { snapshot, summary } = await build(this.config, this.model, this.snapshot, null, this.options.log, onProgress);
    await this.directory.publish(snapshot, (done, total) => onProgress?.({ phase: 'write', done, total }));
    this.snapshot = snapshot;
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
export async function openCollection(config: CoreConfig, options: OpenOptions): Promise<IndexedCollection> {
  const model = await loadModel(config, options);
  const loaded = await loadIndex(config, options.log);
  const { snapshot, directory } = loaded;
  if (snapshot) {
    const reason = fullRebuildReason(snapshot, model.embedder, config.docsDir, variantOf(config, model));
    const storeChanged = model.embedder !== null && snapshot.manifest.vectorStore !== config.vectorStore;
    if (!reason && !storeChanged && !(await isStale(snapshot, config.docsDir))) {
      return new IndexedCollection(config, snapshot, model, directory, options);
    }
  }
  const built = await buildAndPublish(config, model, loaded, options);
  return new IndexedCollection(config, built.snapshot, model, directory, options);
}
