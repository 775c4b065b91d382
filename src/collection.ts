import type { ModelStatus } from './embed/embedder.js';
import type { VerifyResult } from './retrieve/verify.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary, SkippedFile } from './types.js';

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
