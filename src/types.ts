import type { ModelStatus } from './embed/embedder.js';
import type { ErrorCode } from './errors.js';

/** A source file as read from the docs folder. `text` is the file decoded as UTF-8 minus a leading BOM, nothing else. */
export interface Document {
  /** Path relative to the docs folder, with forward slashes. */
  source: string;
  text: string;
  /** sha256 of `text`, hex. */
  hash: string;
  bytes: number;
  /** Offsets in `text` where each page starts, when the reader knows pages. */
  pages?: number[];
}

/** The chunker's hard ceiling on a passage's length, in characters (quotes stay short enough to read in a message). */
export const MAX_PASSAGE_CHARS = 600;

/**
 * A quotable slice of a document. The contract: `text === documentText.slice(start, end)`,
 * offsets in UTF-16 code units (JS string indices), `line` is the 1-based line of `start` — within
 * its page when the document has pages (a PDF: "report.pdf · page 4 · line 7").
 */
export interface Passage {
  /** Stable: derived from source + text, so it survives a reindex when the text is unchanged. */
  id: string;
  source: string;
  start: number;
  end: number;
  line: number;
  /** 1-based page of `start`, for documents with pages (PDF); absent otherwise. */
  page?: number;
  text: string;
  /** The 1-based line its text ends on, when recorded (a passage loaded from an index): see text/lines.ts endLine. */
  readonly lastLine?: number;
}

export interface ScoredPassage extends Passage {
  /** Estimated chance (0..1) that this passage answers the question: calibrated, what users see. */
  confidence: number;
  /** The ranker's raw score (a linear score, not a probability): for debugging and ordering only. */
  score: number;
  /** The raw feature values behind `score` (BM25, coverage, dense…), for debugging. */
  scores?: Record<string, number>;
}

export const RETRIEVAL_MODES = ['hybrid', 'lexical', 'dense'] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

export interface Answer {
  /** The question as matched: links, mentions, emoji and markup cleaned out. */
  query: string;
  /** False when nothing in the collection answers; `results` is then empty and `closest` may hold near misses. */
  answered: boolean;
  /** Estimated chance that passage #1 answers; 0 when not answered. */
  confidence: number;
  results: ScoredPassage[];
  /** Nearest passages when not answered, explicitly *not* answers. */
  closest: ScoredPassage[];
  /** Which legs actually ran (lexical-only when no model is loaded). */
  mode: RetrievalMode;
  /** Said once per process: the question has English words but nothing here can translate them. */
  notice?: string;
}

export interface SkippedFile {
  source: string;
  reason: string;
  /** Stable code for refusals of a file's contents (FILE_CORRUPT, NO_TEXT_LAYER, …), when there is one. */
  code?: ErrorCode;
}

export interface DocumentInfo {
  source: string;
  passages: number;
  bytes: number;
}

export interface Progress {
  phase: 'scan' | 'chunk' | 'embed' | 'write';
  done: number;
  total: number;
}

export interface ReindexSummary {
  files: number;
  /** Files read; the others had the stamp the previous build recorded and kept what it read (KeptFiles.unreadDocument). */
  read: number;
  passages: number;
  skipped: SkippedFile[];
  /** Passages cut and analyzed in this run; the others kept the previous build's (their file unchanged). */
  analyzed: number;
  /** Passages whose vectors were computed in this run. */
  embedded: number;
  /** Passages whose vectors were reused from the previous index. */
  reused: number;
  seconds: number;
  /** Why everything was rebuilt (model or chunker changed, index unreadable), or null for an incremental run. */
  fullRebuildReason: string | null;
  model: ModelStatus;
  /** Documents compared with the previous index, by content. */
  changes: FileChanges;
  /** True when the new index would equal the previous one: nothing is written then. */
  nothingChanged: boolean;
  /** Files not read because their kind is not supported yet, counted by extension ('' when none). */
  unsupported: Record<string, number>;
}

export interface FileChanges {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** One query word for lexical search: a passage scores the best of its alternatives (see Bm25Index.searchGroups). */
export interface TermGroup {
  alternatives: Array<{ terms: string[]; weight: number }>;
  /** Coverage mass of the group when none of its alternatives occurs in the collection. */
  absentMass?: number;
  /** Coverage mass of the group, overriding the default above. */
  mass?: number;
}
