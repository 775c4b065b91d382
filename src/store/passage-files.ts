import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { closeWhenCollected, indexCorrupt, readIndexBytes, readIndexJson, readIndexText } from '../index/index-file.js';
import { endLine } from '../text/lines.js';
import type { Passage } from '../types.js';

/**
 * Passages on disk as three files instead of one JSON array: parsing 100k passage objects (and
 * validating each) took most of a second; a text blob plus typed offsets loads in a fraction of it.
 *   passages.json  { sources: string[], ids: string[], fields: 6, text: 'utf16le' }
 *   passages.bin   u32 × 7 per passage: source index, start, end, line, end of its text in the blob,
 *                  page (0: the document has no pages), last line (text/lines.ts endLine: ranking reads it
 *                  for hundreds of passages per question, so it is kept beside the text, not read from it).
 *                  Indexes written before last lines have 6 fields, before pages 5.
 *   passages.u16   every passage's text, concatenated, in UTF-16LE: JavaScript's own string layout,
 *                  so loading copies it instead of decoding UTF-8 (Arabic is 2 bytes a letter either way).
 *                  Indexes written before it (no `text` in the header) hold passages.txt in UTF-8.
 */
const HEADER = 'passages.json';
const OFFSETS = 'passages.bin';
const TEXT = 'passages.u16';
const TEXT_UTF8 = 'passages.txt';
const FIELDS = 7;
const FIELDS_BEFORE_LAST_LINES = 6;
const FIELDS_BEFORE_PAGES = 5;
/** Characters read ahead when passages are read in order (256 KB). */
const BLOCK_CHARS = 1 << 17;
/** Reads in order, each starting where the last ended, before reading ahead. */
const READS_BEFORE_AHEAD = 4;
/** Passages made per turn of the event loop while loading (a few ms of work). */
const YIELD_EVERY = 5_000;

export async function writePassages(dir: string, passages: Passage[]): Promise<void> {
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const offsets = new Uint32Array(passages.length * FIELDS);
  // Read once: a kept passage's text comes from the previous generation's file.
  const texts = passages.map((p) => p.text);
  let textEnd = 0;
  passages.forEach((p, i) => {
    let s = sourceIndex.get(p.source);
    if (s === undefined) {
      s = sources.length;
      sourceIndex.set(p.source, s);
      sources.push(p.source);
    }
    textEnd += texts[i]!.length;
    offsets.set([s, p.start, p.end, p.line, textEnd, p.page ?? 0, endLine(p)], i * FIELDS);
  });
  await fs.writeFile(path.join(dir, HEADER), JSON.stringify({ sources, ids: passages.map((p) => p.id), fields: FIELDS, text: 'utf16le' }));
  await fs.writeFile(path.join(dir, OFFSETS), Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength));
  await fs.writeFile(path.join(dir, TEXT), texts.join(''), 'utf16le');
}

export async function readPassages(dir: string, expected: number): Promise<Passage[]> {
  const headerFile = path.join(dir, HEADER);
  const header = (await readIndexJson(headerFile)) as { sources?: unknown; ids?: unknown; fields?: unknown; text?: unknown };
  const { sources, ids } = header;
  const fields = header.fields === undefined ? FIELDS_BEFORE_PAGES : header.fields;
  if (fields !== FIELDS && fields !== FIELDS_BEFORE_LAST_LINES && fields !== FIELDS_BEFORE_PAGES) throw indexCorrupt(headerFile, `has ${String(fields)} fields per passage`);
  const isString = (v: unknown) => typeof v === 'string';
  if (!Array.isArray(sources) || !Array.isArray(ids) || !sources.every(isString) || !ids.every(isString)) {
    throw indexCorrupt(headerFile, 'is inconsistent: sources and ids must be lists of strings');
  }
  if (ids.length !== expected) throw indexCorrupt(headerFile, `has ${ids.length} passages, the manifest says ${expected}`);

  const offsetsFile = path.join(dir, OFFSETS);
  const raw = await readIndexBytes(offsetsFile);
  if (raw.length !== expected * fields * 4) throw indexCorrupt(offsetsFile, `has ${raw.length} bytes, expected ${expected * fields * 4}`);
  // A view of the bytes as read (28 MB at 1M passages), unless a small file sits unaligned in Node's pool.
  const offsets = raw.byteOffset % 4 === 0 ? new Uint32Array(raw.buffer, raw.byteOffset, expected * fields) : new Uint32Array(new Uint8Array(raw).buffer);

  if (header.text !== undefined && header.text !== 'utf16le') throw indexCorrupt(headerFile, `names an unknown text encoding ${JSON.stringify(header.text)}`);
  const textName = header.text === 'utf16le' ? TEXT : TEXT_UTF8;
  const textFile = path.join(dir, textName);
  const text = header.text === 'utf16le' ? Utf16TextFile.open(textFile) : wholeText(await readIndexText(textFile));
  return makePassages(expected, fields, offsets, sources as string[], ids as string[], text, offsetsFile, textName);
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
  for (let i = 0; i < expected; i++) {
    // A reindex loads the new generation inside the running bot: let interactions through now and then.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const o = i * fields;
    const s = offsets[o]!;
    const start = offsets[o + 1]!;
    const end = offsets[o + 2]!;
    const line = offsets[o + 3]!;
    const textEnd = offsets[o + 4]!;
    const page = fields > FIELDS_BEFORE_PAGES ? offsets[o + 5]! : 0;
    // 0: not recorded (an older index), read from the text when asked.
    const lastLine = fields === FIELDS ? offsets[o + 6]! : 0;
    // The passage's length must equal its span in the file: that is what keeps citations exact.
    if (s >= sources.length || textEnd < textStart || end - start !== textEnd - textStart || textEnd > text.chars || line < 1 || (fields === FIELDS && lastLine < line)) {
      throw indexCorrupt(offsetsFile, `is inconsistent with ${textName} at passage ${i + 1}`);
    }
    passages[i] = new StoredPassage(ids[i] as string, sources[s] as string, start, end, line, page, lastLine, text, textStart);
    textStart = textEnd;
  }
  if (textStart !== text.chars) throw indexCorrupt(text.file, `has ${text.chars - textStart} characters no passage accounts for`);
  return passages;
}

/** The passages' concatenated text, sliced by character offsets. */
interface PassageText {
  readonly file: string;
  readonly chars: number;
  /** Characters `from`…`to`. */
  read(from: number, to: number): string;
}

function wholeText(text: string, file = TEXT_UTF8): PassageText {
  return { file, chars: text.length, read: (from, to) => text.slice(from, to) };
}

/**
 * A loaded passage: its text is read from the generation's text file when asked for, not held. At
 * 100k passages the texts are ~64 MB of UTF-16 strings, and serving reads only the few shown per
 * answer (ranking reads words.bin). `text` is an own enumerable getter, so a spread, JSON or a
 * structured clone of a passage carries its text like a plain object's.
 */
class StoredPassage implements Passage {
  declare readonly text: string;
  declare readonly page?: number;
  readonly #file: PassageText;
  readonly #at: number;
  readonly #lastLine: number;

  static readonly #TEXT: PropertyDescriptor = {
    get(this: StoredPassage) {
      return this.#file.read(this.#at, this.#at + this.end - this.start);
    },
    enumerable: true,
  };

  constructor(
    readonly id: string,
    readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly line: number,
    page: number,
    lastLine: number,
    file: PassageText,
    at: number,
  ) {
    // Same key order as a passage made by the chunker: id, source, start, end, line, page, text.
    if (page) Object.defineProperty(this, 'page', { value: page, enumerable: true });
    this.#file = file;
    this.#at = at;
    this.#lastLine = lastLine;
    Object.defineProperty(this, 'text', StoredPassage.#TEXT);
  }

  /** Not enumerable: a copy of the passage (a shown result) is a plain passage, which has none. */
  get lastLine(): number | undefined {
    return this.#lastLine || undefined;
  }
}


/**
 * passages.u16, open for as long as its passages live (character n is at byte 2n): a passage's text
 * is one read of its bytes. Opened at load, so a generation tidied away later stays readable. A run of
 * reads in order (writing a reindex, preparing autocomplete) is served from blocks read ahead, so a
 * pass over every passage costs a few hundred reads, not one per passage.
 */
class Utf16TextFile implements PassageText {
  private block = '';
  private blockStart = 0;
  private lastEnd = -1;
  /** Reads so far that each began where the previous one ended. */
  private inOrder = 0;

  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly chars: number,
  ) {
    closeWhenCollected.register(this, fd);
  }

  static open(file: string): Utf16TextFile {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw indexCorrupt(file, 'is missing', error);
    }
    const bytes = fstatSync(fd).size;
    if (bytes % 2 !== 0) {
      closeSync(fd);
      throw indexCorrupt(file, `has ${bytes} bytes, an odd number for UTF-16 text`);
    }
    return new Utf16TextFile(file, fd, bytes / 2);
  }

  read(from: number, to: number): string {
    this.inOrder = from === this.lastEnd ? this.inOrder + 1 : 0;
    this.lastEnd = to;
    if (from >= this.blockStart && to <= this.blockStart + this.block.length) return this.block.slice(from - this.blockStart, to - this.blockStart);
    // A few reads in a row first: an answer's shown passages are often neighbours, and read alone.
    const ahead = this.inOrder >= READS_BEFORE_AHEAD;
    const until = ahead ? Math.min(this.chars, Math.max(to, from + BLOCK_CHARS)) : to;
    const bytes = Buffer.allocUnsafe(2 * (until - from));
    const read = bytes.length ? readSync(this.fd, bytes, 0, bytes.length, 2 * from) : 0;
    if (read !== bytes.length) throw indexCorrupt(this.file, 'is shorter than when it was loaded (changed since?)');
    const text = bytes.toString('utf16le');
    if (!ahead) return text;
    this.block = text;
    this.blockStart = from;
    return text.slice(0, to - from);
  }
}
