import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8, indexCorrupt, readIndexBytes, readIndexJson, readIndexText } from '../index/index-file.js';
import type { ExtractedText } from '../index/snapshot.js';
import { freePartName, worthLinking } from './text-parts.js';

/**
 * The text each reader extracted, as passages were cut from it: a PDF's or a Word file's bytes are
 * not the text, so the index keeps it. Every passage is `extracted.slice(start, end)` of its source.
 *   extracted.json   { version: 2, sources, pages: (number[] | null)[], parts: string[], part: number[],
 *                      byteStarts: number[], byteEnds: number[] }: each source's UTF-8 bytes in its part
 *   extracted*.txt   the parts: texts one after the other. An update hard-links the parts of the generation
 *                    it was built from whose texts it keeps, and writes its new texts into one new part;
 *                    when too little of the linked parts' bytes is still used, or they are too many
 *                    (text-parts.ts), it writes everything into one part again. A linked part is never written to.
 * Generations before parts: { sources, ends, byteEnds, pages } over one extracted.txt (ends count UTF-16
 * characters, byteEnds UTF-8 bytes, both running totals; older ones have no byteEnds).
 * Never read whole at load (it roughly doubles the index's text): it is the record of exactly what was
 * indexed, checksummed with the generation. Verify quote reads one document of it at a time (extractedReader).
 */
const HEADER = 'extracted.json';
const TEXT = 'extracted.txt';

const partName = (k: number) => (k === 0 ? TEXT : `extracted-${k}.txt`);

/**
 * Writes the documents' texts into `dir`. `from`: the generation the build was made from, when texts
 * marked `unchanged` are the ones it holds for their source (its parts are linked for those).
 */
export async function writeExtracted(dir: string, documents: readonly ExtractedText[], from: string | null = null): Promise<void> {
  const before = from ? await readHeader(from).catch(() => null) : null;
  const ranges = before?.ranges ? new Map(before.sources.map((source, i) => [source, before.ranges![i]!])) : null;
  const carried = documents.map((d) => (d.unchanged ? ranges?.get(d.source) ?? null : null));
  const parts: string[] = [];
  const partOf = new Map<string, number>();
  if (from && ranges) {
    const used = new Map<string, number>();
    for (const range of carried) if (range) used.set(range.file, (used.get(range.file) ?? 0) + range.end - range.start);
    let total = 0;
    for (const file of used.keys()) total += (await fs.stat(path.join(from, file))).size;
    const kept = [...used.values()].reduce((a, b) => a + b, 0);
    if (worthLinking(used.size, kept, total)) {
      for (const file of [...used.keys()].sort()) {
        await fs.link(path.join(from, file), path.join(dir, file)).catch(() => fs.copyFile(path.join(from, file), path.join(dir, file)));
        partOf.set(file, parts.length);
        parts.push(file);
      }
    }
  }
  const linked = (i: number) => (carried[i] && partOf.has(carried[i]!.file) ? carried[i]! : null);
  const fresh = freePartName(partName, (name) => parts.includes(name) || (before?.ranges?.some((r) => r.file === name) ?? false));
  const header = { version: 2, sources: [] as string[], pages: [] as (number[] | null)[], parts, part: [] as number[], byteStarts: [] as number[], byteEnds: [] as number[] };
  const texts: Buffer[] = [];
  let at = 0;
  documents.forEach((d, i) => {
    header.sources.push(d.source);
    header.pages.push(d.pages ?? null);
    const range = linked(i);
    if (range) {
      header.part.push(partOf.get(range.file)!);
      header.byteStarts.push(range.start);
      header.byteEnds.push(range.end);
      return;
    }
    const bytes = Buffer.from(d.text, 'utf8');
    texts.push(bytes);
    header.part.push(-1);
    header.byteStarts.push(at);
    header.byteEnds.push((at += bytes.length));
  });
  if (texts.length > 0 || parts.length === 0) {
    header.part = header.part.map((k) => (k === -1 ? parts.length : k));
    parts.push(fresh);
    await fs.writeFile(path.join(dir, fresh), Buffer.concat(texts));
  }
  await fs.writeFile(path.join(dir, HEADER), JSON.stringify(header));
}

interface ByteRange {
  /** The part file, in the generation's folder. */
  file: string;
  start: number;
  end: number;
}

interface Header {
  file: string;
  sources: string[];
  pages: (number[] | null)[];
  /** Each source's bytes; null in generations written before byte ranges were kept. */
  ranges: ByteRange[] | null;
  /** Running UTF-16 ends in extracted.txt, for generations written before byte ranges were kept. */
  ends: number[] | null;
}

const rising = (list: unknown[]) => list.every((end, i) => Number.isInteger(end) && (end as number) >= (i === 0 ? 0 : (list[i - 1] as number)));

/** The generation's header, checked once for every reader below; null for an index written before extracted texts were kept. */
async function readHeader(dir: string): Promise<Header | null> {
  const file = path.join(dir, HEADER);
  if (!(await fs.access(file).then(() => true, () => false))) return null;
  const raw = (await readIndexJson(file)) as Record<string, unknown>;
  const { sources, pages } = raw;
  const count = Array.isArray(sources) ? sources.length : -1;
  const isList = (list: unknown) => Array.isArray(list) && list.length === count;
  const bad = Array.isArray(sources) ? sources.findIndex((source) => typeof source !== 'string') : 0;
  if (!isList(pages) || bad !== -1) throw indexCorrupt(file, `has a bad source or page list${bad > 0 ? ` at document ${bad + 1}` : ''}`);
  const pageLists = (pages as unknown[]).map((p) => (Array.isArray(p) ? (p as number[]) : null));
  if (raw.version === 2) {
    const { parts, part, byteStarts, byteEnds } = raw;
    const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
    const partNames = Array.isArray(parts) && parts.every((p) => typeof p === 'string' && /^extracted(-\d+)?\.txt$/.test(p)) ? (parts as string[]) : null;
    if (!partNames || ![part, byteStarts, byteEnds].every(isList)) throw indexCorrupt(file, 'is inconsistent: sources, pages, part, byteStarts and byteEnds must be lists of one length');
    const ranges = (sources as string[]).map((_, i) => {
      const k = (part as unknown[])[i];
      const start = (byteStarts as unknown[])[i];
      const end = (byteEnds as unknown[])[i];
      if (!isCount(k) || (k as number) >= partNames.length || !isCount(start) || !isCount(end) || (end as number) < (start as number)) {
        throw indexCorrupt(file, `has a bad range at document ${i + 1}`);
      }
      return { file: partNames[k as number]!, start: start as number, end: end as number };
    });
    return { file, sources: sources as string[], pages: pageLists, ranges, ends: null };
  }
  const { ends, byteEnds } = raw;
  if (!isList(ends) || (byteEnds !== undefined && !isList(byteEnds))) throw indexCorrupt(file, 'is inconsistent: sources, ends, byteEnds and pages must be lists of one length');
  if (!rising(ends as unknown[]) || (byteEnds !== undefined && !rising(byteEnds as unknown[]))) throw indexCorrupt(file, 'has a bad source or range');
  const starts = (list: number[], i: number) => list[i - 1] ?? 0;
  const ranges = byteEnds === undefined ? null : (byteEnds as number[]).map((end, i, all) => ({ file: TEXT, start: starts(all, i), end }));
  return { file, sources: sources as string[], pages: pageLists, ranges, ends: ends as number[] };
}

/**
 * The extracted texts of a generation by source; an empty map for an index written before they were kept.
 * Each text is decoded when first asked for: an update that keeps a document's passages never needs it.
 */
export async function readExtracted(dir: string): Promise<Map<string, ExtractedText>> {
  const result = new Map<string, ExtractedText>();
  const header = await readHeader(dir);
  if (!header) return result;
  const add = (i: number, text: string | (() => string)) => {
    const documentPages = header.pages[i];
    const extracted = { source: header.sources[i]!, ...(documentPages ? { pages: documentPages } : {}) } as ExtractedText;
    if (typeof text === 'string') extracted.text = text;
    else {
      let decoded: string | undefined;
      Object.defineProperty(extracted, 'text', { get: () => (decoded ??= text()), enumerable: true });
    }
    result.set(header.sources[i]!, extracted);
  };
  if (!header.ranges) {
    const text = await readIndexText(path.join(dir, TEXT));
    const ends = header.ends!;
    if ((ends.at(-1) ?? 0) > text.length) throw indexCorrupt(header.file, `is inconsistent with ${TEXT}`);
    header.sources.forEach((_, i) => add(i, text.slice(ends[i - 1] ?? 0, ends[i])));
    return result;
  }
  const parts = new Map<string, Buffer>();
  for (const [i, range] of header.ranges.entries()) {
    let bytes = parts.get(range.file);
    if (!bytes) parts.set(range.file, (bytes = await readIndexBytes(path.join(dir, range.file))));
    if (range.end > bytes.length) throw indexCorrupt(path.join(dir, range.file), `ends before ${JSON.stringify(header.sources[i])} does (byte ${range.end})`);
    const part = bytes;
    add(i, () => decodeUtf8(part.subarray(range.start, range.end)));
  }
  return result;
}

/** Each source's byte range in its part; null for a generation written before byte ranges were kept (or without extracted text). */
async function byteRanges(dir: string): Promise<Map<string, ByteRange> | null> {
  const header = await readHeader(dir);
  if (!header?.ranges) return null;
  return new Map(header.sources.map((source, i) => [source, header.ranges![i]!]));
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
    const file = path.join(dir, range.file);
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
