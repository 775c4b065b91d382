import path from 'node:path';
import { ERROR_CODES, IsnadError, type ErrorCode } from '../errors.js';
import { badNameReason, decodeDocument, isSkipped } from '../ingest/load.js';
import { DOCUMENT_EXTENSIONS } from '../ingest/reader.js';

const MAX_STEM = 100;

/**
 * The name an upload is stored under: the ingest's own name rules (no folder, no control or
 * direction characters, no leading dot), an extension Isnad reads. A name breaking those rules is refused; only characters
 * some file systems forbid (<>:"|?*) become `_`, and a long stem is cut at MAX_STEM.
 */
export function cleanFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const bad = badNameReason(name);
  if (bad) throw new IsnadError('FILE_NAME_INVALID', `The file name is not accepted: ${bad}. Rename the file (e.g. report.pdf) and upload it again.`);
  const extension = path.extname(name).toLowerCase();
  if (!DOCUMENT_EXTENSIONS.includes(extension)) {
    throw new IsnadError('FILE_NAME_INVALID', `Files ending in "${extension || '(none)'}" are not read; send ${DOCUMENT_EXTENSIONS.join(', ')}.`);
  }
  const stem = name.slice(0, name.length - extension.length).replace(/[<>:"|?*]/g, '_').slice(0, MAX_STEM);
  return `${stem}${extension}`;
}

/**
 * Reads the bytes exactly as the index will (type sniffed from the bytes, encrypted, corrupt, zip bomb,
 * no text layer, reversed Arabic): a file that would be skipped is refused before it is stored.
 */
export async function checkUpload(name: string, bytes: Uint8Array): Promise<{ pages: number | null }> {
  const document = await decodeDocument(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (isSkipped(document)) {
    const code: ErrorCode = document.code && document.code in ERROR_CODES ? (document.code as ErrorCode) : 'FILE_UNREADABLE';
    throw new IsnadError(code, `${name} was not added: ${document.reason}.`);
  }
  return { pages: document.pages?.length ?? null };
}
