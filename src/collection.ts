import type { ModelStatus } from './embed/embedder.js';
import type { Answer, DocumentInfo, Passage, SkippedFile } from './types.js';

export interface Progress {
  phase: 'scan' | 'chunk' | 'embed' | 'write';
  done: number;
  total: number;
}

export interface QuoteMatch {
  /** The real text of the source at the matched location (a slice of the file). */
  source: string;
  start: number;
  end: number;
  line: number;
  text: string;
}

export interface VerifyResult {
  verdict: 'verbatim' | 'close' | 'not_found';
  /** The passage containing the match (for its id), when found. */
  passage: Passage | null;
  match: QuoteMatch | null;
  /** 0..1 similarity of the quoted text to `match.text` after normalization. */
  similarity: number;
}

export interface IndexStatus {
  docsDir: string;
  documents: number;
  passages: number;
  skipped: SkippedFile[];
  model: ModelStatus;
  /** ISO time the serving index was built. */
  builtAt: string | null;
  version: string;
  reindexing: boolean;
  /** English questions: the dictionary file in use (null: none), and how to get support when there is neither it nor the model. */
  english: { dictionary: string | null; hint: string | null };
}

export interface ReindexSummary {
  files: number;
  passages: number;
  skipped: SkippedFile[];
  /** Passages whose vectors were computed in this run. */
  embedded: number;
  /** Passages whose vectors were reused from the previous index. */
  reused: number;
  seconds: number;
  /** Why everything was rebuilt (model or chunker changed, index unreadable), or null for an incremental run. */
  fullRebuildReason: string | null;
  model: ModelStatus;
}

/** Everything the terminal and Discord front ends need from the core. */
export interface Collection {
  ask(question: string, options?: { top?: number }): Promise<Answer>;
  passage(id: string): Passage | undefined;
  /** For autocomplete: passages whose id starts with `query` or whose text contains it (normalized). */
  searchPassages(query: string, limit: number): Passage[];
  documents(): DocumentInfo[];
  /** The passage covering a 1-based line of a document. */
  passageAtLine(source: string, line: number): Passage | undefined;
  verifyQuote(text: string): VerifyResult;
  status(): IndexStatus;
  /** Build-then-swap: the old index keeps serving until the new one is complete. Throws REINDEX_RUNNING. */
  reindex(onProgress?: (progress: Progress) => void): Promise<ReindexSummary>;
}
