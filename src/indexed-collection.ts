import fs from 'node:fs';
import type { Collection, IndexStatus } from './collection.js';
import type { LoadedModel } from './embed/embedder.js';
import { IsnadError, isIsnadError } from './errors.js';
import { perIndex, type IndexSnapshot } from './index/snapshot.js';
import type { Logger } from './log.js';
import { answerQuestion, denseAvailable, type AskOptions } from './retrieve/answer.js';
import { verifyQuote, type VerifyResult } from './retrieve/verify.js';
import { lineAt } from './text/lines.js';
import { normalize } from './text/normalize.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary } from './types.js';

/**
 * The query side of a collection: answers, passages, verification and status over the index being
 * served. How an index is opened, built and published is src/open-collection.ts, handed in as `steps`.
 */
export const VERSION: string = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export interface ServingSteps {
  log: Logger;
  /** Builds and publishes the next index from the documents (reloading the model if it was missing). */
  rebuild(
    current: IndexSnapshot,
    model: LoadedModel,
    onProgress?: (progress: Progress) => void,
  ): Promise<{ snapshot: IndexSnapshot; model: LoadedModel; summary: ReindexSummary }>;
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
/** Normalized passage texts for autocomplete: per keystroke they took seconds at 100k. */
const normalizedTexts = perIndex((snapshot) => snapshot.passages.map((p) => normalize(p.text).replace(/\s+/g, ' ')));

export class IndexedCollection implements Collection {
  private reindexing: Promise<ReindexSummary> | null = null;

  constructor(
    private readonly docsDir: string,
    private snapshot: IndexSnapshot,
    private model: LoadedModel,
    private readonly steps: ServingSteps,
  ) {}

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    try {
      return await answerQuestion(this.snapshot, this.model.embedder, question, options);
    } catch (error) {
      if (isIsnadError(error) || options.mode !== undefined || !this.model.embedder) throw error;
      // The model failed on this query (out of memory, a broken session): answer from the lexical leg.
      this.steps.log.warn(`dense retrieval failed, answering lexical-only: ${error instanceof Error ? error.message : String(error)}`);
      return answerQuestion(this.snapshot, null, question, options);
    }
  }

  passage(id: string): Passage | undefined {
    return byId(this.snapshot).get(id.trim().toLowerCase());
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
    const texts = normalizedTexts(this.snapshot);
    for (let row = 0; row < texts.length && found.length < limit; row++) {
      const p = this.snapshot.passages[row]!;
      if (!p.id.startsWith(q) && texts[row]!.includes(needle)) found.push(p);
    }
    return found;
  }

  documents(): DocumentInfo[] {
    return this.snapshot.manifest.files.map((f) => ({ source: f.source, passages: f.passages, bytes: f.bytes }));
  }

  passageAtLine(source: string, line: number): Passage | undefined {
    const passages = bySource(this.snapshot).get(source);
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
      docsDir: this.docsDir,
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
    const { snapshot, model, summary } = await this.steps.rebuild(this.snapshot, this.model, onProgress);
    this.model = model;
    this.snapshot = snapshot;
    return summary;
  }
}
