/**
 * One error type for everything a user can hit. `code` is stable (shown to users, used by tests);
 * the message says what was wrong and what to do.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: 'A configuration variable is missing or malformed.',
  DOCS_NOT_FOUND: 'The documents folder does not exist or cannot be read.',
  DOCS_EMPTY: 'The documents folder has no indexable documents (.txt, .md, .pdf, .docx, .html).',
  QUESTION_INVALID: 'The question is empty, has no words, or is too long.',
  QUOTE_INVALID: 'The quote to verify is empty or too long.',
  INDEX_CORRUPT: 'A file in the index folder is unreadable or inconsistent.',
  INDEX_DIR_UNSAFE: 'The index folder is not Isnad\'s, overlaps the documents folder, or is / or the home folder.',
  INDEX_MISSING: 'No index has been built yet.',
  DICTIONARY_INVALID: 'The English–Arabic dictionary files are unreadable or inconsistent.',
  MODEL_UNAVAILABLE: 'The embedding model could not be loaded.',
  DISCORD_UNREACHABLE: 'Discord could not be reached over the network.',
  REINDEX_RUNNING: 'A reindex is already running.',
  PASSAGE_NOT_FOUND: 'No passage has that id.',
  SOURCE_NOT_FOUND: 'No document has that name.',
  EVAL_GOLD_INVALID: 'The gold file is malformed.',
  COOLDOWN: 'Too many requests; wait before trying again.',
  FORBIDDEN: 'You do not have permission for this command.',
  FILE_TOO_LARGE: 'The file is larger than MAX_FILE_BYTES allows.',
  FILE_NAME_INVALID: 'The file name has a path, control characters or an extension that is not accepted.',
  FILE_TYPE_MISMATCH: 'The file\'s bytes are not what its extension says.',
  FILE_CORRUPT: 'The file is damaged and cannot be read.',
  FILE_ENCRYPTED: 'The file is password-protected or encrypted.',
  FILE_UNREADABLE: 'The file could not be read.',
  ARCHIVE_TOO_LARGE: 'The document unpacks to far more than its size (a zip bomb?).',
  NO_TEXT_LAYER: 'The PDF has no text layer (a scan): it needs OCR first.',
  TEXT_REVERSED: 'The PDF\'s Arabic text comes out in reversed (visual) order.',
  DOWNLOAD_FAILED: 'The attachment could not be downloaded from Discord.',
  INTERNAL: 'Something unexpected went wrong.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class IsnadError extends Error {
  override readonly name = 'IsnadError';
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isIsnadError(error: unknown, code?: ErrorCode): error is IsnadError {
  return error instanceof IsnadError && (code === undefined || error.code === code);
}
