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
  if (!Array.isArray(sources) || !Array.isArray(ids) || ![...sources, ...ids].every((v) => typeof v === 'string')) {
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
  const text = header.text === 'utf16le' ? await readUtf16(textFile) : await readIndexText(textFile);
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
    const page = fields === FIELDS ? offsets[o + 5]! : 0;
    // The passage's length must equal its span in the file: that is what keeps citations exact.
    if (s >= sources.length || end - start !== textEnd - textStart || textEnd > text.length || line < 1) {
      throw indexCorrupt(offsetsFile, `is inconsistent with ${textName} at passage ${i + 1}`);
    }
    // Two literal shapes, no spread: 100k passages are made at every load.
    const id = ids[i] as string;
    const source = sources[s] as string;
    const passageText = text.slice(textStart, textEnd);
    passages[i] = page ? { id, source, start, end, line, page, text: passageText } : { id, source, start, end, line, text: passageText };
    textStart = textEnd;
  }
  if (textStart !== text.length) throw indexCorrupt(textFile, `has ${text.length - textStart} characters no passage accounts for`);
  return passages;
}

async function readUtf16(file: string): Promise<string> {
  const bytes = await readIndexBytes(file);
  if (bytes.length % 2 !== 0) throw indexCorrupt(file, `has ${bytes.length} bytes, an odd number for UTF-16 text`);
  return bytes.toString('utf16le');
}
