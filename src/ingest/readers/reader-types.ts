import type { ErrorCode } from '../../errors.js';

/** What every document reader implements (src/ingest/reader.ts lists them). */
export interface ReadText {
  text: string;
  /** Offsets in `text` where each page starts, for formats that have pages. */
  pages?: number[];
}

export interface DocumentReader {
  /** Recorded in the manifest, with `version`. */
  readonly name: string;
  /** Lower-case, with the dot. */
  readonly extensions: readonly string[];
  /** Bump when the same bytes would read differently. */
  readonly version: number;
  /** The text of the file, or why it cannot be indexed (a skip reason the user sees, with a stable code). */
  read(bytes: Buffer): Promise<ReadText | ReadRefusal>;
}

/** Why a file was not indexed. `code` is stable (tests, /docs add replies); `reason` is for people. */
export interface ReadRefusal {
  reason: string;
  code?: RefusalCode;
}

/** The error codes a reader's refusal may carry (each one of errors.ts's). */
export type RefusalCode = Extract<
  ErrorCode,
  | 'FILE_ENCRYPTED'
  | 'FILE_CORRUPT'
  | 'FILE_TYPE_MISMATCH'
  | 'FILE_TOO_LARGE'
  | 'FILE_NAME_INVALID'
  | 'ARCHIVE_TOO_LARGE'
  | 'NO_TEXT_LAYER'
  | 'TEXT_REVERSED'
  | 'FILE_UNREADABLE'
>;
