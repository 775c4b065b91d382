import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexBytes, readIndexJson, readIndexText } from '../index/index-file.js';
import type { Passage } from '../types.js';

/**
 * Passages on disk as three files instead of one JSON array: parsing 100k passage objects (and
 * validating each) took most of a second; a text blob plus typed offsets loads in a fraction of it.
 *   passages.json  { sources: string[], ids: string[], fields: 6, text: 'utf16le' }
 *   passages.bin   u32 × 6 per passage: source index, start, end, line, end of its text in the blob,
 *                  page (0: the document has no pages). Indexes written before pages have 5 fields.
 *   passages.u16   every passage's text, concatenated, in UTF-16LE: JavaScript's own string layout,
 *                  so loading copies it instead of decoding UTF-8 (Arabic is 2 bytes a letter either way).
 *                  Indexes written before it (no `text` in the header) hold passages.txt in UTF-8.
 */
const HEADER = 'passages.json';
const OFFSETS = 'passages.bin';
const TEXT = 'passages.u16';
const TEXT_UTF8 = 'passages.txt';
const FIELDS = 6;
const FIELDS_BEFORE_PAGES = 5;
/** Characters of passage text read from disk at a time (8 MB). */
const CHUNK_CHARS = 1 << 22;
/** Passages made per turn of the event loop while loading (a few ms of work). */
const YIELD_EVERY = 5_000;

export async function writePassages(dir: string, passages: Passage[]): Promise<void> {
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const offsets = new Uint32Array(passages.length * FIELDS);
  let textEnd = 0;
  passages.forEach((p, i) => {
    let s = sourceIndex.get(p.source);
    if (s === undefined) {
      s = sources.length;
      sourceIndex.set(p.source, s);
      sources.push(p.source);
    }
    textEnd += p.text.length;
    offsets.set([s, p.start, p.end, p.line, textEnd, p.page ?? 0], i * FIELDS);
  });
  await fs.writeFile(path.join(dir, HEADER), JSON.stringify({ sources, ids: passages.map((p) => p.id), fields: FIELDS, text: 'utf16le' }));
  await fs.writeFile(path.join(dir, OFFSETS), Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength));
  await fs.writeFile(path.join(dir, TEXT), passages.map((p) => p.text).join(''), 'utf16le');
}

export async function readPassages(dir: string, expected: number): Promise<Passage[]> {
  const headerFile = path.join(dir, HEADER);
  const header = (await readIndexJson(headerFile)) as { sources?: unknown; ids?: unknown; fields?: unknown; text?: unknown };
  const { sources, ids } = header;
  const fields = header.fields === undefined ? FIELDS_BEFORE_PAGES : header.fields;
  if (fields !== FIELDS && fields !== FIELDS_BEFORE_PAGES) throw indexCorrupt(headerFile, `has ${String(fields)} fields per passage`);
  const isString = (v: unknown) => typeof v === 'string';
  if (!Array.isArray(sources) || !Array.isArray(ids) || !sources.every(isString) || !ids.every(isString)) {
    throw indexCorrupt(headerFile, 'is inconsistent: sources and ids must be lists of strings');
  }
  if (ids.length !== expected) throw indexCorrupt(headerFile, `has ${ids.length} passages, the manifest says ${expected}`);

  const offsetsFile = path.join(dir, OFFSETS);
  const raw = await readIndexBytes(offsetsFile);
  if (raw.length !== expected * fields * 4) throw indexCorrupt(offsetsFile, `has ${raw.length} bytes, expected ${expected * fields * 4}`);
  const offsets = new Uint32Array(expected * fields);
  new Uint8Array(offsets.buffer).set(raw);

  if (header.text !== undefined && header.text !== 'utf16le') throw indexCorrupt(headerFile, `names an unknown text encoding ${JSON.stringify(header.text)}`);
  const textName = header.text === 'utf16le' ? TEXT : TEXT_UTF8;
  const textFile = path.join(dir, textName);
  const text = header.text === 'utf16le' ? await Utf16Text.open(textFile) : wholeText(await readIndexText(textFile));
  try {
    return await makePassages(expected, fields, offsets, sources as string[], ids as string[], text, offsetsFile, textName);
  } finally {
    await text.close();
  }
}

async function makePassages(
  expected: number,
  fields: number,
  offsets: Uint32Array,
  sources: string[],
  ids: string[],
  text: PassageText,
  offsetsFile: string,
  textName: string,
): Promise<Passage[]> {
  const passages = new Array<Passage>(expected);
  let textStart = 0;
  let row = 0;
  /** Where the passages from `row` on end, as far as CHUNK_CHARS from `textStart` reaches (read in one go). */
  const readAhead = () => {
    let until = 0;
    for (let k = row; k < expected; k++) {
      const end = offsets[k * fields + 4]!;
      if (end < until || end - textStart > CHUNK_CHARS) break;
      until = end;
    }
    return until;
  };
  for (let i = 0; i < expected; i++) {
    row = i;
    // A reindex loads the new generation inside the running bot: let interactions through now and then.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const o = i * fields;
    const s = offsets[o]!;
    const start = offsets[o + 1]!;
    const end = offsets[o + 2]!;
    const line = offsets[o + 3]!;
    const textEnd = offsets[o + 4]!;
    const page = fields === FIELDS ? offsets[o + 5]! : 0;
    // The passage's length must equal its span in the file: that is what keeps citations exact.
    if (s >= sources.length || textEnd < textStart || end - start !== textEnd - textStart || textEnd > text.chars || line < 1) {
      throw indexCorrupt(offsetsFile, `is inconsistent with ${textName} at passage ${i + 1}`);
    }
    // Two literal shapes, no spread: 100k passages are made at every load.
    const id = ids[i] as string;
    const source = sources[s] as string;
    const passageText = await text.slice(textStart, textEnd, readAhead);
    passages[i] = page ? { id, source, start, end, line, page, text: passageText } : { id, source, start, end, line, text: passageText };
    textStart = textEnd;
  }
  if (textStart !== text.chars) throw indexCorrupt(text.file, `has ${text.chars - textStart} characters no passage accounts for`);
  return passages;
}

/** The passages' concatenated text, sliced by character offsets. */
interface PassageText {
  readonly file: string;
  readonly chars: number;
  /** Characters `from`…`to`; `readAhead` says how far a read from disk may usefully go. */
  slice(from: number, to: number, readAhead: () => number): string | Promise<string>;
  close(): Promise<void>;
}

function wholeText(text: string, file = TEXT_UTF8): PassageText {
  return { file, chars: text.length, slice: (from, to) => text.slice(from, to), close: async () => undefined };
}

/**
 * passages.u16 read a few MB at a time (character n is at byte 2n): the file's bytes and the whole
 * text never sit in memory at once beside the passages' strings, which took ~70 MB more at the peak
 * of a 100k load.
 */
class Utf16Text implements PassageText {
  private chunk = '';
  private chunkStart = 0;
  private buffer = Buffer.alloc(0);

  private constructor(
    readonly file: string,
    private readonly handle: fs.FileHandle,
    readonly chars: number,
  ) {}

  static async open(file: string): Promise<Utf16Text> {
    const handle = await fs.open(file, 'r').catch((error: unknown) => Promise.reject(indexCorrupt(file, 'is missing', error)));
    const bytes = (await handle.stat()).size;
    if (bytes % 2 !== 0) {
      await handle.close();
      throw indexCorrupt(file, `has ${bytes} bytes, an odd number for UTF-16 text`);
    }
    return new Utf16Text(file, handle, bytes / 2);
  }

  async slice(from: number, to: number, readAhead: () => number): Promise<string> {
    if (from < this.chunkStart || to > this.chunkStart + this.chunk.length) {
      const until = Math.min(this.chars, Math.max(to, readAhead()));
      const bytes = 2 * (until - from);
      if (this.buffer.length < bytes) this.buffer = Buffer.allocUnsafe(Math.max(bytes, 2 * CHUNK_CHARS));
      const { bytesRead } = await this.handle.read(this.buffer, 0, bytes, 2 * from);
      if (bytesRead !== bytes) throw indexCorrupt(this.file, 'changed while it was read');
      this.chunk = this.buffer.toString('utf16le', 0, bytes);
      this.chunkStart = from;
    }
    return this.chunk.slice(from - this.chunkStart, to - this.chunkStart);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
