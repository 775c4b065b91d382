/** A Collection backed by a few fixed passages, for the Discord tests (no index, no model). */
import type { Collection, IndexStatus, QuoteMatch, VerifyResult } from '../../src/collection.js';
import type { Progress, ReindexSummary } from '../../src/types.js';
import { IsnadError } from '../../src/errors.js';
import type { Answer, DocumentInfo, Passage, ScoredPassage } from '../../src/types.js';

export const PASSAGES: Passage[] = [
  {
    id: 'a1b2c3d4e5f6',
    source: '001_4a36f68e423f829a.txt',
    start: 0,
    end: 120,
    line: 1,
    text: 'بدأت المحادثات السورية في أستانا ، عاصمة كازاخستان ، بالجولة الرابعة. يرأس وفد النظام بشار الجعفري.',
  },
  {
    id: 'b2c3d4e5f6a1',
    source: '001_4a36f68e423f829a.txt',
    start: 121,
    end: 220,
    line: 2,
    text: 'ستستمر المحادثات لمدة يومين. في اليوم الأول ، ستُجرى اجتماعات ثنائية وثلاثية بين الأطراف.',
  },
  {
    id: 'c3d4e5f6a1b2',
    source: 'notes/announcements.md',
    start: 0,
    end: 90,
    line: 7,
    text: '@everyone the meeting moves to *Thursday* — details at https://example.org/agenda_2024 (bring __notes__).',
  },
  {
    id: 'd4e5f6a1b2c3',
    source: 'notes/english.txt',
    start: 0,
    end: 80,
    line: 3,
    text: 'The delegation of the United Nations attended as an observer in Astana.',
  },
];

const WORD = /[\p{L}\p{N}]+/gu;
const STOP = new Set(['the', 'and', 'what', 'who', 'for', 'with', 'this', 'that', 'من', 'في', 'ما', 'هو']);
const words = (text: string) => (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));

export interface FakeCollectionOptions {
  /** Delay of `ask` (ms), to make concurrency visible. */
  askDelayMs?: number;
  /** Delay between reindex progress steps (ms). */
  reindexStepMs?: number;
}

export class FakeCollection implements Collection {
  passages: Passage[] = [...PASSAGES];
  reindexing = false;
  asked: string[] = [];

  constructor(private readonly options: FakeCollectionOptions = {}) {}

  async ask(question: string, options: { top?: number } = {}): Promise<Answer> {
    this.asked.push(question);
    if (question.trim() === '') throw new IsnadError('QUESTION_INVALID', 'The question is empty.');
    if (this.options.askDelayMs) await new Promise((r) => setTimeout(r, this.options.askDelayMs));
    const q = new Set(words(question));
    const scored: ScoredPassage[] = this.passages
      .map((p) => ({ ...p, score: [...new Set(words(p.text))].filter((w) => q.has(w)).length, confidence: 0 }))
      .map((p) => ({ ...p, confidence: Math.min(1, p.score / 4) }))
      .sort((a, b) => b.score - a.score);
    const hits = scored.filter((p) => p.score >= 2).slice(0, options.top ?? 3);
    if (hits.length === 0) {
      return { query: question, answered: false, confidence: 0, results: [], closest: scored.slice(0, 2), mode: 'lexical' };
    }
    return { query: question, answered: true, confidence: hits[0]!.confidence, results: hits, closest: [], mode: 'lexical' };
  }

  passage(id: string): Passage | undefined {
    return this.passages.find((p) => p.id === id.trim().toLowerCase());
  }

  searchPassages(query: string, limit: number): Passage[] {
    const q = query.trim().toLowerCase();
    return this.passages.filter((p) => p.id.startsWith(q) || p.text.toLowerCase().includes(q)).slice(0, limit);
  }

  documents(): DocumentInfo[] {
    const map = new Map<string, DocumentInfo>();
    for (const p of this.passages) {
      const d = map.get(p.source) ?? { source: p.source, passages: 0, bytes: 0 };
      d.passages++;
      d.bytes += Buffer.byteLength(p.text);
      map.set(p.source, d);
    }
    return [...map.values()];
  }

  passageAtLine(source: string, line: number): Passage | undefined {
    let best: Passage | undefined;
    for (const p of this.passages) if (p.source === source && p.line <= line) best = p;
    return best;
  }

  /** Verbatim when the text is a substring of a passage; altered when most of its words are in one; else not found. */
  async verifyQuotes(text: string): Promise<VerifyResult[]> {
    const quote = text.trim();
    const matchOf = (p: Passage, at: number, length: number): QuoteMatch => ({
      source: p.source, start: p.start + at, end: p.start + at + length, line: p.line, endLine: p.line, text: p.text.slice(at, at + length), passageIds: [p.id],
    });
    for (const p of this.passages) {
      const at = p.text.indexOf(quote);
      if (at >= 0) {
        const match = matchOf(p, at, quote.length);
        return [{ quote, verdict: 'verbatim', spellingDiffers: false, match, similarity: 1, changes: [], diff: [{ kind: 'same', text: match.text }] }];
      }
    }
    const q = words(quote);
    let best: { p: Passage; sim: number } | null = null;
    for (const p of this.passages) {
      const w = new Set(words(p.text));
      const sim = q.length === 0 ? 0 : q.filter((x) => w.has(x)).length / q.length;
      if (!best || sim > best.sim) best = { p, sim };
    }
    if (best && best.sim >= 0.6) {
      const match = matchOf(best.p, 0, best.p.text.length);
      return [{
        quote, verdict: 'altered', spellingDiffers: false, match, similarity: best.sim,
        changes: [{ op: 'replace', quote, document: match.text, kind: null }],
        diff: [{ kind: 'quote', text: quote }, { kind: 'document', text: match.text }],
      }];
    }
    return [{ quote, verdict: 'not_found', spellingDiffers: false, match: null, similarity: best?.sim ?? 0, changes: [], diff: [] }];
  }

  async documentSpan(passageId: string, start: number, end: number): Promise<QuoteMatch | undefined> {
    const p = this.passage(passageId);
    if (!p || start < p.start || end > p.end || end <= start) return undefined;
    return { source: p.source, start, end, line: p.line, endLine: p.line, text: p.text.slice(start - p.start, end - p.start), passageIds: [p.id] };
  }

  status(): IndexStatus {
    return {
      docsDir: '/docs',
      documents: this.documents().length,
      passages: this.passages.length,
      skipped: [{ source: 'scan.pdf', reason: 'binary file (not UTF-8 text)' }],
      model: { loaded: false, modelId: null, reason: 'MODEL_ID=none (lexical-only on purpose)' },
      builtAt: '2025-01-01T00:00:00.000Z',
      version: '0.1.0',
      reindexing: this.reindexing,
      english: { dictionary: null, hint: null },
    };
  }

  async prepareSearch(): Promise<void> {}

  close(): void {}

  reindex(onProgress?: (progress: Progress) => void): Promise<ReindexSummary> {
    if (this.reindexing) throw new IsnadError('REINDEX_RUNNING', 'A reindex is already running; wait for it to finish.');
    this.reindexing = true;
    const step = this.options.reindexStepMs ?? 20;
    return (async () => {
      try {
        const total = 10;
        for (let done = 1; done <= total; done++) {
          await new Promise((r) => setTimeout(r, step));
          onProgress?.({ phase: 'embed', done, total });
        }
        return {
          files: this.documents().length,
          read: this.documents().length,
          passages: this.passages.length,
          skipped: [],
          analyzed: 0,
          embedded: 0,
          reused: 0,
          seconds: (total * step) / 1000,
          fullRebuildReason: null,
          model: { loaded: false, modelId: null, reason: 'MODEL_ID=none' },
          changes: { added: 0, changed: 0, removed: 0, unchanged: this.documents().length },
          nothingChanged: true,
          unsupported: {},
        };
      } finally {
        this.reindexing = false;
      }
    })();
  }
}
