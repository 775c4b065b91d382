import fs from 'node:fs/promises';
import path from 'node:path';
import type { IndexSnapshot } from '../index/snapshot.js';
import { decodeDocument, hashText, isSkipped } from '../ingest/load.js';
import { extractedReader } from '../store/extracted-files.js';
import type { DocumentText } from '../verify/documents.js';

const CACHED = 32;

/** Remembers the texts of the last `limit` sources asked for (their promises: one read per source at a time). */
function cached(read: DocumentText, limit: number): DocumentText {
  const cache = new Map<string, Promise<string | null>>();
  return (source) => {
    let text = cache.get(source);
    if (text === undefined) {
      text = read(source);
      cache.set(source, text);
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
    }
    return text;
  };
}

/** A document file decoded as ingest decodes it; null when it is outside `docsDir`, unreadable or refused. */
async function decodeFile(docsDir: string, source: string): Promise<string | null> {
  const root = path.resolve(docsDir);
  const full = path.resolve(root, source);
  if (path.relative(root, full).startsWith('..')) return null;
  try {
    const document = await decodeDocument(source, await fs.readFile(full));
    return isSkipped(document) ? null : document.text;
  } catch {
    return null;
  }
}

/** The documents as their files read now, decoded like ingest (the eval's citation check: independent of the index). */
export function fileReader(docsDir: string, limit = CACHED): DocumentText {
  return cached((source) => decodeFile(docsDir, source), limit);
}

/**
 * The documents' text as `snapshot` indexed it, for quotes that cross a passage boundary (the text between
 * two passages is in no passage): kept in memory by a build, else read from its generation's extracted
 * text, so a PDF is not decoded again and an edited or removed file does not matter until the next reindex.
 * A generation written before byte ranges were kept falls back to the file. Any text whose hash is not the
 * index's is not used: its offsets would lie.
 */
export function documentReader(snapshot: Pick<IndexSnapshot, 'manifest' | 'extracted' | 'generation'>, docsDir: string): DocumentText {
  const hashes = new Map(snapshot.manifest.files.map((f) => [f.source, f.hash]));
  // Entries, not texts: a kept document's text is decoded from the previous generation only when asked.
  const built = new Map((snapshot.extracted ?? []).map((d) => [d.source, d]));
  const stored = snapshot.generation ? extractedReader(snapshot.generation) : null;
  return cached(async (source) => {
    const hash = hashes.get(source);
    if (hash === undefined) return null;
    const indexed = built.get(source)?.text ?? (await stored?.(source).catch(() => null)) ?? null;
    const text = indexed ?? (await decodeFile(docsDir, source));
    return text !== null && hashText(text) === hash ? text : null;
  }, CACHED);
}
