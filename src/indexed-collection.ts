import fs from 'node:fs';
import type { Collection, IndexStatus, QuoteMatch, VerifyResult } from './collection.js';
import { documentReader } from './collection/document-reader.js';
import type { LoadedModel } from './embed/embedder.js';
import { IsnadError, isIsnadError } from './errors.js';
import { perIndex, type IndexSnapshot } from './index/snapshot.js';
import { prepareRanking } from './retrieve/prepare.js';
import type { Logger } from './log.js';
import { answerQuestion, denseAvailable, type AskOptions } from './retrieve/answer.js';
import { PassageSearch } from './retrieve/passage-search.js';
import { hasLatinLetters } from './text/language.js';
import { isArabizi } from './text/arabizi.js';
import { endLine } from './text/lines.js';
import type { DictdDictionary } from './translate/dictd.js';
import { ENGLISH_SUPPORT_HINT } from './translate/support.js';
import { documentSpan } from './verify/span.js';
import { verifyMessage } from './verify/verify.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary } from './types.js';

/** From src/ under tsx, or dist/src/ when compiled: the nearest package.json above this file. */
function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    const file = new URL(up, import.meta.url);
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return 'unknown';
}

const VERSION: string = packageVersion();

export interface ServingSteps {
  log: Logger;
  /**
   * Builds and publishes the next index from the documents (reloading the model if it was missing).
   * Returns `current` itself when nothing changed and nothing was written.
   */
  rebuild(
    current: IndexSnapshot,
    model: LoadedModel,
    onProgress?: (progress: Progress) => void,
    /** Aborted when the collection is closed: the build stops and nothing is swapped in. */
    signal?: AbortSignal,
  ): Promise<{ snapshot: IndexSnapshot; model: LoadedModel; summary: ReindexSummary }>;
  /** The English→Arabic dictionary (DICT_DIR), opened on first use: null when absent or unreadable; none given: no dictionary. */
  dictionary?: () => DictdDictionary | null;
}

// Per-index lookups, derived on first use and dropped with the index they came from.
const byId = perIndex((snapshot) => new Map(snapshot.passages.map((p) => [p.id, p])));

const bySource = perIndex((snapshot) => {
  const map = new Map<string, Passage[]>();
  for (const p of snapshot.passages) {
    const list = map.get(p.source);
    if (list) list.push(p);
    else map.set(p.source, [p]);
  }
  return map;
});
const passageSearch = perIndex((snapshot) => new PassageSearch(snapshot.passages, snapshot.searchText));

/**
 * The query side of a collection: answers, passages, verification and status over the index being
 * served. How an index is opened, built and published is src/open-collection.ts; how a served one
 * rebuilds is handed in as `steps` (collection/serving-steps.ts).
 */
export class IndexedCollection implements Collection {
  private reindexing: Promise<ReindexSummary> | null = null;

  /** Document texts (for quotes across passages), read once per index. */
  private readonly documentTexts = perIndex((snapshot) => documentReader(snapshot, this.docsDir));

  constructor(
    private readonly docsDir: string,
    private snapshot: IndexSnapshot,
    private model: LoadedModel,
    private readonly steps: ServingSteps,
  ) {}

  /** The model as loaded (or not), to share with the servers' own collections. */
  get loadedModel(): LoadedModel {
    return this.model;
  }

  async ask(question: string, asked: AskOptions = {}): Promise<Answer> {
    const options = { dictionary: () => this.dictionary(), ...asked };
    try {
      return this.withEnglishNotice(await answerQuestion(this.snapshot, this.model.embedder, question, options));
    } catch (error) {
      if (isIsnadError(error) || options.mode !== undefined || !this.model.embedder) throw error;
      // The model failed on this query (out of memory, a broken session): answer from the lexical leg.
      this.steps.log.warn(`dense retrieval failed, answering lexical-only: ${error instanceof Error ? error.message : String(error)}`);
      return answerQuestion(this.snapshot, null, question, options);
    }
  }

  private englishNoticeGiven = false;

  /** The first English question that nothing can translate carries the how-to, once per process. */
  private withEnglishNotice(answer: Answer): Answer {
    // A question in Arabizi is read in Arabic letters (text/arabizi.ts): no English to support.
    if (this.englishNoticeGiven || !hasLatinLetters(answer.query) || isArabizi(answer.query)) return answer;
    const hint = this.englishHint();
    if (hint === null) return answer;
    this.englishNoticeGiven = true;
    return { ...answer, notice: hint };
  }

  private englishHint(): string | null {
    return this.dictionary() !== null || denseAvailable(this.snapshot, this.model.embedder) ? null : ENGLISH_SUPPORT_HINT;
  }

  private dictionary(): DictdDictionary | null {
    return this.steps.dictionary?.() ?? null;
  }

  passage(id: string): Passage | undefined {
    return byId(this.snapshot).get(id.trim().toLowerCase());
  }

  searchPassages(query: string, limit: number): Passage[] {
    return passageSearch(this.snapshot).search(query, limit);
  }

  /**
   * What serving needs, done before the first interaction: the dictionary is opened (it blocks for a few
   * hundred ms, which must not land inside a user's 3 s), every passage made searchable by text and
   * analyzed for ranking and every term's root and loose keys read (prepareRanking), and the vector graph
   * paged in (a graph served from its file is read by the searches that touch it). The bot calls it right after loading.
   */
  async prepareSearch(): Promise<void> {
    this.dictionary();
    const snapshot = this.snapshot;
    const stopped = () => this.closed || this.snapshot !== snapshot;
    await Promise.all([passageSearch(snapshot).prepare(), prepareRanking(snapshot, stopped), snapshot.vectors?.warm?.(stopped)]);
  }

  private closed = false;
  private readonly stopping = new AbortController();

  /** Stops background work (a search build or a reindex in progress) so the process can exit. */
  close(): void {
    this.closed = true;
    this.stopping.abort();
    passageSearch(this.snapshot).stop();
  }

  documents(): DocumentInfo[] {
    return this.snapshot.manifest.files.map((f) => ({ source: f.source, passages: f.passages, bytes: f.bytes }));
  }

  passageAtLine(source: string, line: number): Passage | undefined {
    const passages = bySource(this.snapshot).get(source);
    if (!passages || passages.length === 0 || line < 1) return undefined;
    const last = passages[passages.length - 1]!;
    if (line > endLine(last)) return undefined; // past the end of the file
    // Blank lines before the first passage, or between passages, belong to the passage that follows.
    return passages.find((p) => endLine(p) >= line);
  }

  verifyQuotes(message: string): Promise<VerifyResult[]> {
    return verifyMessage(this.snapshot, message, this.documentTexts(this.snapshot));
  }

  async documentSpan(passageId: string, start: number, end: number): Promise<QuoteMatch | undefined> {
    const passage = this.passage(passageId);
    if (!passage) return undefined;
    return documentSpan(bySource(this.snapshot).get(passage.source) ?? [], start, end, this.documentTexts(this.snapshot));
  }

  status(): IndexStatus {
    const dense = denseAvailable(this.snapshot, this.model.embedder);
    let model = this.model.status;
    if (model.loaded && !dense) {
      model = { loaded: false, modelId: model.modelId, reason: 'index was built without this model; run a reindex' };
    }
    return {
      docsDir: this.docsDir,
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
    const { snapshot, model, summary } = await this.steps.rebuild(this.snapshot, this.model, onProgress, this.stopping.signal);
    this.model = model;
    if (snapshot === this.snapshot) return summary; // nothing changed: the serving index is this one already
    // Ready before it serves: the first autocomplete or question after a reindex must not pay for it.
    await Promise.all([passageSearch(snapshot).prepare(), prepareRanking(snapshot, () => this.closed), snapshot.vectors?.warm?.(() => this.closed)]);
    passageSearch(this.snapshot).stop();
    this.snapshot = snapshot;
    return summary;
  }
}
