import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeDocument, isSkipped } from '../ingest/load.js';
import type { DocumentText } from '../verify/documents.js';

const CACHED = 32;

/**
 * Reads documents for quotes that cross a passage boundary (the text between two passages is only
 * in the file). A file whose hash differs from the index's is not used: its offsets would lie.
 */
export function documentReader(docsDir: string, files: Array<{ source: string; hash: string }>): DocumentText {
  const hashes = new Map(files.map((f) => [f.source, f.hash]));
  const cache = new Map<string, Promise<string | null>>();
  return (source) => {
    let text = cache.get(source);
    if (text === undefined) {
      text = read(docsDir, source, hashes.get(source));
      cache.set(source, text);
      if (cache.size > CACHED) cache.delete(cache.keys().next().value!);
    }
    return text;
  };
}

async function read(docsDir: string, source: string, hash: string | undefined): Promise<string | null> {
  if (hash === undefined) return null;
  try {
    const document = await decodeDocument(source, await fs.readFile(path.join(docsDir, source)));
    return isSkipped(document) || document.hash !== hash ? null : document.text;
  } catch {
    return null;
  }
}
