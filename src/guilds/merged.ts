import type { AskOptions, Collection, IndexStatus, QuoteMatch, VerifyResult } from '../collection.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary, ScoredPassage } from '../types.js';

const VERDICT_RANK = { verbatim: 2, altered: 1, not_found: 0 } as const;

function byConfidence(lists: ScoredPassage[][], top: number): ScoredPassage[] {
  return lists.flat().sort((a, b) => b.confidence - a.confidence || b.score - a.score).slice(0, top);
}

/**
 * A server's own collection searched together with the base collection it may see. Each collection
 * answers on its own (its calibrated confidence is comparable: same ranker, same calibration), and the
 * answers are merged by confidence. The server's own collection comes first: it owns /reindex.
 */
export class MergedCollection implements Collection {
  constructor(
    private readonly own: Collection,
    private readonly base: Collection,
  ) {}

  private get parts(): Collection[] {
    return [this.own, this.base];
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const answers = await Promise.all(this.parts.map((c) => c.ask(question, options)));
    const top = options.top ?? Math.max(...answers.map((a) => a.results.length + a.closest.length), 1);
    const answered = answers.filter((a) => a.answered);
    const results = byConfidence(answered.map((a) => a.results), top);
    return {
      query: answers[0]!.query,
      answered: results.length > 0,
      confidence: results[0]?.confidence ?? 0,
      results,
      closest: results.length > 0 ? [] : byConfidence(answers.map((a) => a.closest), top),
      mode: answers[0]!.mode,
    };
  }

  passage(id: string): Passage | undefined {
    for (const c of this.parts) {
      const found = c.passage(id);
      if (found) return found;
    }
    return undefined;
  }

  searchPassages(query: string, limit: number): Passage[] {
    return this.parts.flatMap((c) => c.searchPassages(query, limit)).slice(0, limit);
  }

  documents(): DocumentInfo[] {
    return this.parts.flatMap((c) => c.documents());
  }

  passageAtLine(source: string, line: number): Passage | undefined {
    const holder = this.parts.find((c) => c.documents().some((d) => d.source === source));
    return holder?.passageAtLine(source, line);
  }

  /** Each quote gets the best verdict either collection gives it. */
  async verifyQuotes(message: string): Promise<VerifyResult[]> {
    const [own, base] = await Promise.all(this.parts.map((c) => c.verifyQuotes(message)));
    return own!.map((mine, i) => {
      const theirs = base![i];
      if (!theirs) return mine;
      const better = VERDICT_RANK[theirs.verdict] - VERDICT_RANK[mine.verdict] || theirs.similarity - mine.similarity;
      return better > 0 ? theirs : mine;
    });
  }

  documentSpan(passageId: string, start: number, end: number): Promise<QuoteMatch | undefined> {
    const holder = this.parts.find((c) => c.passage(passageId));
    return holder ? holder.documentSpan(passageId, start, end) : Promise.resolve(undefined);
  }

  /** The server's own index, with the base collection's documents and passages counted in. */
  status(): IndexStatus {
    const own = this.own.status();
    const base = this.base.status();
    return { ...own, documents: own.documents + base.documents, passages: own.passages + base.passages, skipped: [...own.skipped, ...base.skipped] };
  }

  reindex(onProgress?: (progress: Progress) => void): Promise<ReindexSummary> {
    return this.own.reindex(onProgress);
  }

  async prepareSearch(): Promise<void> {
    await Promise.all(this.parts.map((c) => c.prepareSearch()));
  }

  /** Nothing of its own to stop: the library closes the server's collection, the bot the base. */
  close(): void {}
}
