import type { ModelStatus } from './embed/embedder.js';
import type { AskOptions } from './retrieve/answer.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary, SkippedFile } from './types.js';
import type { QuoteMatch, VerifyResult } from './verify/types.js';

export type { AskOptions } from './retrieve/answer.js';
export type { QuoteMatch, VerifyResult } from './verify/types.js';

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
  /** Options: how many passages (`top`), which legs (`mode`), which ranker and refusal weights (eval's folds). */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  passage(id: string): Passage | undefined;
  /** For autocomplete: passages whose id starts with `query` or whose text contains it (normalized). */
  searchPassages(query: string, limit: number): Passage[];
  documents(): DocumentInfo[];
  /** The passage covering a 1-based line of a document. */
  passageAtLine(source: string, line: number): Passage | undefined;
  /** One verdict per quote the message holds (at most 5), or for the whole message. Throws QUOTE_INVALID. */
  verifyQuotes(message: string): Promise<VerifyResult[]>;
  /** The document text at [start, end) of the document holding `passageId` (for "Post correction"). */
  documentSpan(passageId: string, start: number, end: number): Promise<QuoteMatch | undefined>;
  status(): IndexStatus;
  /** Build-then-swap: the old index keeps serving until the new one is complete. Throws REINDEX_RUNNING. */
  reindex(onProgress?: (progress: Progress) => void): Promise<ReindexSummary>;
  /** Makes every passage searchable by text ahead of the first autocomplete (the bot calls it after loading). */
  prepareSearch(): Promise<void>;
  /** Stops background work so the process can exit. */
  close(): void;
}
