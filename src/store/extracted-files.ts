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

interface Header {
  file: string;
  sources: string[];
  ends: number[];
  /** Absent in generations written before byte ranges were kept. */
  byteEnds: number[] | null;
  pages: (number[] | null)[];
}

/** The generation's header, checked once for every reader below; null for an index written before extracted texts were kept. */
async function readHeader(dir: string): Promise<Header | null> {
  const file = path.join(dir, HEADER);
  if (!(await fs.access(file).then(() => true, () => false))) return null;
  const { sources, ends, byteEnds, pages } = (await readIndexJson(file)) as Record<string, unknown>;
  const lists = [sources, ends, pages, ...(byteEnds === undefined ? [] : [byteEnds])];
  if (!lists.every((list) => Array.isArray(list) && list.length === (sources as unknown[]).length)) {
    throw indexCorrupt(file, 'is inconsistent: sources, ends, byteEnds and pages must be lists of one length');
  }
  const rising = (list: unknown[]) => list.every((end, i) => Number.isInteger(end) && (end as number) >= (i === 0 ? 0 : (list[i - 1] as number)));
  const bad = (sources as unknown[]).findIndex((source) => typeof source !== 'string');
  if (bad !== -1 || !rising(ends as unknown[]) || (byteEnds !== undefined && !rising(byteEnds as unknown[]))) {
    throw indexCorrupt(file, `has a bad source or range${bad !== -1 ? ` at document ${bad + 1}` : ''}`);
  }
  return {
    file,
    sources: sources as string[],
    ends: ends as number[],
    byteEnds: byteEnds === undefined ? null : (byteEnds as number[]),
    pages: (pages as unknown[]).map((p) => (Array.isArray(p) ? (p as number[]) : null)),
  };
}

/** The extracted texts of a generation by source; an empty map for an index written before they were kept. */
export async function readExtracted(dir: string): Promise<Map<string, ExtractedText>> {
  const result = new Map<string, ExtractedText>();
  const header = await readHeader(dir);
  if (!header) return result;
  const text = await readIndexText(path.join(dir, TEXT));
  if ((header.ends.at(-1) ?? 0) > text.length) throw indexCorrupt(header.file, `is inconsistent with ${TEXT}`);
  header.sources.forEach((source, i) => {
    const documentPages = header.pages[i];
    result.set(source, { source, text: text.slice(header.ends[i - 1] ?? 0, header.ends[i]), ...(documentPages ? { pages: documentPages } : {}) });
  });
  return result;
}

interface ByteRange {
  start: number;
  end: number;
}

/** Each source's byte range in extracted.txt; null for a generation written before byte ranges were kept (or without extracted text). */
async function byteRanges(dir: string): Promise<Map<string, ByteRange> | null> {
  const header = await readHeader(dir);
  const byteEnds = header?.byteEnds;
  if (!header || !byteEnds) return null;
  return new Map(header.sources.map((source, i) => [source, { start: byteEnds[i - 1] ?? 0, end: byteEnds[i]! }]));
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

/**
 * The page starts each document was read with (null: no pages), from the header alone; null for an
 * index written before extracted texts were kept. A reindex keeps a paged document's passages only
 * when its pages are the same (passages never cross a page, so pages shape them too).
 */
export async function readExtractedPages(dir: string): Promise<Map<string, number[] | null> | null> {
  const header = await readHeader(dir);
  return header && new Map(header.sources.map((source, i) => [source, header.pages[i]!]));
}
