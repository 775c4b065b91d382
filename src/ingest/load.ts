import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import type { Document, SkippedFile } from '../types.js';
import { DOCUMENT_EXTENSIONS, readerFor, type DocumentReader, type ReadRefusal, type ReadText } from './reader.js';
import { hasUnseenCharacters } from '../text/invisible.js';

export interface FileEntry {
  source: string;
  absolutePath: string;
  bytes: number;
  mtimeMs: number;
  /** Device and inode seen by the scan: the file read later must be this one (see readDocument). */
  dev: number;
  ino: number;
  /** Status-change time: set by the system on every write (or rename), never settable back by a user. */
  ctimeMs: number;
  /**
   * Whether the stamp (size, times, inode) is old enough to tell the next scan whether the file changed:
   * both times more than STAMP_SETTLE_MS before the scan began. A file written just before (or during) the
   * scan may be written again within its filesystem's timestamp step, leaving its stamp as seen here.
   */
  settled: boolean;
}

/** See FileEntry.settled: more than any filesystem's timestamp step (FAT's is 2 s). */
export const STAMP_SETTLE_MS = 3000;

export interface ScanResult {
  files: FileEntry[];
  skipped: SkippedFile[];
  /** Files of a kind not read (yet), counted by lower-case extension ('' for none). */
  unsupported: Record<string, number>;
}

function toSource(root: string, absolutePath: string): string {
  return path.relative(root, absolutePath).split(path.sep).join('/');
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of a readable documents folder; DOCS_NOT_FOUND otherwise. */
export async function assertDocsFolder(root: string): Promise<string> {
  try {
    const realRoot = await fs.realpath(root);
    const stat = await fs.stat(realRoot);
    if (!stat.isDirectory()) throw new Error('not a directory');
    await fs.access(realRoot, fs.constants.R_OK | fs.constants.X_OK);
    return realRoot;
  } catch (error) {
    throw new IsnadError(
      'DOCS_NOT_FOUND',
      `Documents folder ${root} does not exist or cannot be read. Set DOCS_DIR (or --docs) to a readable folder of documents (.txt, .md, .pdf, .docx, .html).`,
      { docsDir: root },
      { cause: error },
    );
  }
}

/**
 * Lists the indexable files under `root`, recursively, in a stable order. Symbolic links are followed
 * only when they resolve inside the folder: a link to /etc/passwd must never be read and quoted.
 */
export async function scanDocuments(root: string, { settleMs = STAMP_SETTLE_MS } = {}): Promise<ScanResult> {
  const realRoot = await assertDocsFolder(root);
  const files: FileEntry[] = [];
  const skipped: SkippedFile[] = [];
  const unsupported: Record<string, number> = {};
  const visited = new Set<string>();
  const settledBefore = Date.now() - settleMs;

  async function walk(dir: string): Promise<void> {
    if (visited.has(dir)) return; // a link loop inside the folder
    visited.add(dir);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ source: toSource(realRoot, dir) || '.', reason: `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      let target = full;
      if (entry.isSymbolicLink()) {
        try {
          target = await fs.realpath(full);
        } catch {
          skipped.push({ source: toSource(realRoot, full), reason: 'broken symbolic link' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          skipped.push({ source: toSource(realRoot, full), reason: 'symbolic link points outside the documents folder; not read' });
          continue;
        }
      }
      let stat;
      try {
        stat = await fs.stat(target);
      } catch {
        skipped.push({ source: toSource(realRoot, full), reason: 'file disappeared or cannot be read' });
        continue;
      }
      if (stat.isDirectory()) {
        await walk(target);
      } else if (stat.isFile()) {
        const extension = path.extname(entry.name).toLowerCase();
        const badName = DOCUMENT_EXTENSIONS.includes(extension) ? badNameReason(entry.name) : null;
        if (badName) {
          // A newline or a direction override in a name would forge lines in citations and logs.
          skipped.push({ source: JSON.stringify(toSource(realRoot, full)), code: 'FILE_NAME_INVALID', reason: `${badName}; rename the file` });
        } else if (DOCUMENT_EXTENSIONS.includes(extension)) {
          const settled = stat.mtimeMs < settledBefore && stat.ctimeMs < settledBefore;
          files.push({ source: toSource(realRoot, full), absolutePath: target, bytes: stat.size, mtimeMs: stat.mtimeMs, dev: stat.dev, ino: stat.ino, ctimeMs: stat.ctimeMs, settled });
        } else {
          unsupported[extension] = (unsupported[extension] ?? 0) + 1;
        }
      }
    }
  }

  await walk(realRoot);
  files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { files, skipped, unsupported };
}

/** What the first bytes say a file is; null for text (or anything unrecognized). */
function sniffType(bytes: Buffer): 'pdf' | 'zip' | 'ole' | 'html' | null {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf'; // readers allow junk before the header
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'zip';
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) return 'ole';
  const head = bytes.toString('latin1', 0, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return null;
}

const EXPECTED: Record<string, ReturnType<typeof sniffType>> = { pdf: 'pdf', docx: 'zip' };

/** A refusal when the bytes are not what the extension says ("report.pdf" that is a Word file, say). */
function typeMismatch(reader: DocumentReader, bytes: Buffer): ReadRefusal | null {
  const found = sniffType(bytes);
  const expected = EXPECTED[reader.name];
  if (reader.name === 'docx' && found === 'ole') {
    return { code: 'FILE_ENCRYPTED', reason: 'encrypted Word document or old .doc format; save it as an unprotected .docx' };
  }
  if (expected !== undefined && found === expected) return null;
  // A text or HTML reader refuses a zip or Office file itself (binary); a PDF can pass for text, so it is named.
  if (expected === undefined && found !== 'pdf') return null;
  const actual = found === 'pdf' ? 'a PDF' : found === 'zip' ? 'a zip archive (e.g. .docx)' : found === 'ole' ? 'an old Office file' : found === 'html' ? 'an HTML page' : 'not a ' + reader.name.toUpperCase() + ' file';
  return { code: 'FILE_TYPE_MISMATCH', reason: `the extension says ${reader.extensions.join('/')} but the contents are ${actual}; rename it or export it again` };
}

/** Decodes a file's bytes with the reader for its extension; what cannot be read becomes a skip reason. */
export async function decodeDocument(source: string, bytes: Buffer): Promise<Document | SkippedFile> {
  const reader = readerFor(source);
  if (!reader) return { source, code: 'FILE_TYPE_MISMATCH', reason: `no reader for this file type (Isnad reads ${DOCUMENT_EXTENSIONS.join(', ')})` };
  const mismatch = typeMismatch(reader, bytes);
  if (mismatch) return { source, ...mismatch };
  let read: ReadText | ReadRefusal;
  try {
    read = await reader.read(bytes);
  } catch (error) {
    return { source, code: 'FILE_CORRUPT', reason: `cannot be read as ${reader.name} (${(error as Error).message})` };
  }
  if ('reason' in read) return { source, ...read };
  if (read.text.trim() === '') return { source, reason: 'empty file' };
  return { source, text: read.text, hash: hashText(read.text), bytes: bytes.length, ...(read.pages ? { pages: read.pages } : {}) };
}

/** Why a document name cannot be used (shown to the user), or null: no folders, no `..`, no control characters. */
export function badNameReason(name: string): string | null {
  if (name.trim() === '') return 'the name is empty';
  if (hasUnseenCharacters(name)) return 'the name has control or direction characters';
  if (name.includes('/') || name.includes('\\') || name.split(/[\\/]/).includes('..') || name === '.' || name === '..') return 'the name has a folder part (/ \\ or ..)';
  if (name.startsWith('.')) return 'the name starts with a dot (hidden file)';
  if (Buffer.byteLength(name) > 200) return 'the name is longer than 200 bytes';
  return null;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function isSkipped(value: Document | SkippedFile): value is SkippedFile {
  return 'reason' in value;
}

/** The skip of a file over MAX_FILE_BYTES (checked at scan size, open size and read size: it may grow in between). */
function tooLarge(source: string, bytes: number, maxFileBytes: number): SkippedFile {
  return { source, code: 'FILE_TOO_LARGE', reason: `too large (${bytes} bytes > MAX_FILE_BYTES ${maxFileBytes})` };
}

/**
 * Reads one scanned file; any problem becomes a skip reason rather than an exception. The scan's link
 * check could be raced (the file swapped for a link to `../bot.env` between scan and read), so the
 * file is opened without following a link and must be the very file (device + inode) the scan saw.
 */
export async function readDocument(file: FileEntry, maxFileBytes: number): Promise<Document | SkippedFile> {
  if (file.bytes > maxFileBytes) return tooLarge(file.source, file.bytes, maxFileBytes);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file.absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { source: file.source, reason: 'replaced by a symbolic link after the scan; not read' };
    return { source: file.source, reason: `cannot be read (${code ?? 'error'})` };
  }
  let bytes: Buffer;
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.dev !== file.dev || stat.ino !== file.ino) {
      return { source: file.source, reason: 'replaced by another file after the scan; not read (index again)' };
    }
    if (stat.size > maxFileBytes) return tooLarge(file.source, stat.size, maxFileBytes);
    bytes = await handle.readFile();
  } catch (error) {
    return { source: file.source, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle.close();
  }
  if (bytes.length > maxFileBytes) return tooLarge(file.source, bytes.length, maxFileBytes);
  return decodeDocument(file.source, bytes);
}
