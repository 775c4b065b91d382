import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import type { Document, SkippedFile } from '../types.js';
import { DOCUMENT_EXTENSIONS, readerFor } from './reader.js';

export interface FileEntry {
  source: string;
  absolutePath: string;
  bytes: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: FileEntry[];
  skipped: SkippedFile[];
}

function toSource(root: string, absolutePath: string): string {
  return path.relative(root, absolutePath).split(path.sep).join('/');
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists the indexable files under `root`, recursively, in a stable order. Symbolic links are followed
 * only when they resolve inside the folder: a link to /etc/passwd must never be read and quoted.
 */
export async function scanDocuments(root: string): Promise<ScanResult> {
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
    const stat = await fs.stat(realRoot);
    if (!stat.isDirectory()) throw new Error('not a directory');
    await fs.access(realRoot, fs.constants.R_OK | fs.constants.X_OK);
  } catch (error) {
    throw new IsnadError(
      'DOCS_NOT_FOUND',
      `Documents folder ${root} does not exist or cannot be read. Set DOCS_DIR (or --docs) to a readable folder of .txt/.md files.`,
      { docsDir: root },
      { cause: error },
    );
  }
  const files: FileEntry[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>();

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
      } else if (stat.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        files.push({ source: toSource(realRoot, full), absolutePath: target, bytes: stat.size, mtimeMs: stat.mtimeMs });
      }
    }
  }

  await walk(realRoot);
  files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { files, skipped };
}

/** Decodes a file's bytes with the reader for its extension; what cannot be read becomes a skip reason. */
export function decodeDocument(source: string, bytes: Buffer): Document | SkippedFile {
  const reader = readerFor(source);
  if (!reader) return { source, reason: 'no reader for this file type' };
  const read = reader.read(bytes);
  if ('reason' in read) return { source, reason: read.reason };
  if (read.text.trim() === '') return { source, reason: 'empty file' };
  return { source, text: read.text, hash: hashText(read.text), bytes: bytes.length, ...(read.pages ? { pages: read.pages } : {}) };
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function isSkipped(value: Document | SkippedFile): value is SkippedFile {
  return 'reason' in value;
}

/** Reads one scanned file; any problem becomes a skip reason rather than an exception. */
export async function readDocument(file: FileEntry, maxFileBytes: number): Promise<Document | SkippedFile> {
  if (file.bytes > maxFileBytes) {
    return { source: file.source, reason: `too large (${file.bytes} bytes > MAX_FILE_BYTES ${maxFileBytes})` };
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file.absolutePath);
  } catch (error) {
    return { source: file.source, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.length > maxFileBytes) {
    return { source: file.source, reason: `too large (${bytes.length} bytes > MAX_FILE_BYTES ${maxFileBytes})` };
  }
  return decodeDocument(file.source, bytes);
}
