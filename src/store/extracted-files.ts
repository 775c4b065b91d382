import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexJson, readIndexText } from '../index/index-file.js';
import type { ExtractedText } from '../index/snapshot.js';

/**
 * The text each reader extracted, as passages were cut from it: a PDF's or a Word file's bytes are
 * not the text, so the index keeps it. Every passage is `extracted.slice(start, end)` of its source.
 *   extracted.json  { sources: string[], ends: number[], pages: (number[] | null)[] }
 *   extracted.txt   the texts, concatenated
 * Never read at load (it roughly doubles the index's text): it is the record of exactly what was indexed,
 * checksummed with the generation. Serving re-reads documents from their files (collection/document-reader.ts).
 */
const HEADER = 'extracted.json';
const TEXT = 'extracted.txt';

export async function writeExtracted(dir: string, documents: readonly ExtractedText[]): Promise<void> {
  let end = 0;
  const ends = documents.map((d) => (end += d.text.length));
  const header = { sources: documents.map((d) => d.source), ends, pages: documents.map((d) => d.pages ?? null) };
  await fs.writeFile(path.join(dir, HEADER), JSON.stringify(header));
  await fs.writeFile(path.join(dir, TEXT), documents.map((d) => d.text).join(''), 'utf8');
}

/** The extracted texts of a generation by source; an empty map for an index written before they were kept. */
export async function readExtracted(dir: string): Promise<Map<string, ExtractedText>> {
  const headerFile = path.join(dir, HEADER);
  const result = new Map<string, ExtractedText>();
  try {
    await fs.access(headerFile);
  } catch {
    return result;
  }
  const header = (await readIndexJson(headerFile)) as { sources?: unknown; ends?: unknown; pages?: unknown };
  const { sources, ends, pages } = header;
  if (!Array.isArray(sources) || !Array.isArray(ends) || !Array.isArray(pages) || sources.length !== ends.length || pages.length !== ends.length) {
    throw indexCorrupt(headerFile, 'is inconsistent: sources, ends and pages must be lists of one length');
  }
  const text = await readIndexText(path.join(dir, TEXT));
  let start = 0;
  sources.forEach((source, i) => {
    const end = ends[i] as number;
    if (typeof source !== 'string' || !Number.isInteger(end) || end < start || end > text.length) {
      throw indexCorrupt(headerFile, `is inconsistent with ${TEXT} at document ${i + 1}`);
    }
    const documentPages = pages[i] as number[] | null;
    result.set(source, { source, text: text.slice(start, end), ...(documentPages ? { pages: documentPages } : {}) });
    start = end;
  });
  return result;
}

/**
 * The page starts each document was read with (null: no pages), from the header alone; null for an
 * index written before extracted texts were kept. A reindex keeps a paged document's passages only
 * when its pages are the same (passages never cross a page, so pages shape them too).
 */
export async function readExtractedPages(dir: string): Promise<Map<string, number[] | null> | null> {
  const headerFile = path.join(dir, HEADER);
  try {
    await fs.access(headerFile);
  } catch {
    return null;
  }
  const header = (await readIndexJson(headerFile)) as { sources?: unknown; pages?: unknown };
  const { sources, pages } = header;
  if (!Array.isArray(sources) || !Array.isArray(pages) || sources.length !== pages.length) {
    throw indexCorrupt(headerFile, 'is inconsistent: sources and pages must be lists of one length');
  }
  return new Map(sources.map((source, i) => [String(source), Array.isArray(pages[i]) ? (pages[i] as number[]) : null]));
}
