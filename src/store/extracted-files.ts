import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexJson, readIndexText } from '../index/index-file.js';
import type { ExtractedText } from '../index/snapshot.js';

/**
 * The text each reader extracted, as passages were cut from it: a PDF's or a Word file's bytes are
 * not the text, so the index keeps it. Every passage is `extracted.slice(start, end)` of its source.
 *   extracted.json  { sources: string[], ends: number[], byteEnds: number[], pages: (number[] | null)[] }
 *   extracted.txt   the texts, concatenated (ends count UTF-16 characters, byteEnds UTF-8 bytes)
 * Never read whole at load (it roughly doubles the index's text): it is the record of exactly what was
 * indexed, checksummed with the generation. Verify quote reads one document of it at a time (extractedReader).
 */
const HEADER = 'extracted.json';
const TEXT = 'extracted.txt';

export async function writeExtracted(dir: string, documents: readonly ExtractedText[]): Promise<void> {
  let end = 0;
  const ends = documents.map((d) => (end += d.text.length));
  let byteEnd = 0;
  const byteEnds = documents.map((d) => (byteEnd += Buffer.byteLength(d.text, 'utf8')));
  const header = { sources: documents.map((d) => d.source), ends, byteEnds, pages: documents.map((d) => d.pages ?? null) };
  await fs.writeFile(path.join(dir, HEADER), JSON.stringify(header));
  await fs.writeFile(path.join(dir, TEXT), documents.map((d) => d.text).join(''), 'utf8');
}

/** The extracted texts of a generation by source; an empty map for an index written before they were kept. */
export async function readExtracted(dir: string): Promise<Map<string, ExtractedText>> {
  const headerFile = path.join(dir, HEADER);
  const result = new Map<string, ExtractedText>();
  if (!(await exists(headerFile))) return result;
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

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

interface ByteRange {
  start: number;
  end: number;
}

/** Each source's byte range in extracted.txt; null for a generation written before byte ranges were kept (or without extracted text). */
async function byteRanges(dir: string): Promise<Map<string, ByteRange> | null> {
  const headerFile = path.join(dir, HEADER);
  if (!(await exists(headerFile))) return null;
  const { sources, byteEnds } = (await readIndexJson(headerFile)) as { sources?: unknown; byteEnds?: unknown };
  if (byteEnds === undefined) return null;
  if (!Array.isArray(sources) || !Array.isArray(byteEnds) || sources.length !== byteEnds.length) {
    throw indexCorrupt(headerFile, 'is inconsistent: sources and byteEnds must be lists of one length');
  }
  const ranges = new Map<string, ByteRange>();
  let start = 0;
  sources.forEach((source, i) => {
    const end = byteEnds[i] as unknown;
    if (typeof source !== 'string' || !Number.isInteger(end) || (end as number) < start) throw indexCorrupt(headerFile, `has a bad byte range at document ${i + 1}`);
    ranges.set(source, { start, end: end as number });
    start = end as number;
  });
  return ranges;
}

/**
 * One document's extracted text at a time, read from the generation in `dir` by its byte range: a quote
 * needs a few documents, not the whole collection in memory, and not a PDF decoded again. Null for a
 * source the generation does not hold, and for every source of a generation written before byte ranges
 * were kept. A damaged header or text file rejects with INDEX_CORRUPT.
 */
export function extractedReader(dir: string): (source: string) => Promise<string | null> {
  let ranges: Promise<Map<string, ByteRange> | null> | undefined;
  return async (source) => {
    const range = (await (ranges ??= byteRanges(dir)))?.get(source);
    if (!range) return null;
    const file = path.join(dir, TEXT);
    const bytes = Buffer.alloc(range.end - range.start);
    const handle = await fs.open(file, 'r').catch((error: unknown) => {
      throw indexCorrupt(file, 'is missing', error);
    });
    try {
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, range.start);
      if (bytesRead !== bytes.length) throw indexCorrupt(file, `ends before ${JSON.stringify(source)} does (byte ${range.end})`);
    } finally {
      await handle.close();
    }
    return bytes.toString('utf8');
  };
}
