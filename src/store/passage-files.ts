import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexBytes, readIndexJson, readIndexText } from '../index/index-file.js';
import { Utf16TextFile, type PassageText } from './passage-text.js';
import { freePartName, worthLinking } from './text-parts.js';
import { endLine } from '../text/lines.js';
import type { Passage } from '../types.js';

/**
 * Passages on disk as three kinds of file instead of one JSON array: parsing 100k passage objects (and
 * validating each) took most of a second; a text blob plus typed offsets loads in a fraction of it.
 *   passages.json  { sources: string[], ids: string[], fields: 8, text: 'utf16le', parts: string[], partChars: number[] }
 *   passages.bin   u32 × 8 per passage: source index, start, end, line, where its text starts in its part,
 *                  page (0: the document has no pages), last line (text/lines.ts endLine: ranking reads it
 *                  for hundreds of passages per question, so it is kept beside the text, not read from it),
 *                  part (an index into `parts`).
 *   passages*.u16  the parts: passages' texts in UTF-16LE, JavaScript's own string layout, so loading copies
 *                  it instead of decoding UTF-8 (Arabic is 2 bytes a letter either way). As extracted texts
 *                  (extracted-files.ts): an update hard-links the parts of the generation it was built from
 *                  whose passages it keeps, and writes only its new passages' texts into one new part; when
 *                  too little of the linked parts is still used, or they are too many (text-parts.ts),
 *                  everything is written into one part again. A linked part is never written to; `partChars` is each
 *                  part's length, so text added to a part is caught at load.
 * Indexes written before parts hold one passages.u16 whose passages follow each other: 7 fields, the
 * fifth the end of the passage's text; before last lines 6, before pages 5; before UTF-16 (no `text`
 * in the header) their text is passages.txt in UTF-8.
 */
const HEADER = 'passages.json';
const OFFSETS = 'passages.bin';
const TEXT = 'passages.u16';
const TEXT_UTF8 = 'passages.txt';
const FIELDS = 8;
const FIELDS_BEFORE_PARTS = 7;
const FIELDS_BEFORE_LAST_LINES = 6;
const FIELDS_BEFORE_PAGES = 5;
/** Passages made per turn of the event loop while loading (a few ms of work). */
const YIELD_EVERY = 5_000;

const partName = (k: number) => (k === 0 ? TEXT : `passages-${k}.u16`);

/**
 * Writes `passages` into `dir`. `from`: the generation the build was made from; the parts of it that
 * hold the text of passages kept from it are linked instead of written (see the header above).
 */
export async function writePassages(dir: string, passages: Passage[], from: string | null = null): Promise<void> {
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const offsets = new Uint32Array(passages.length * FIELDS);
  const linked = await linkParts(dir, from, passages);
  const parts = [...linked.values()].map((p) => p.name);
  const partChars = [...linked.values()].map((p) => p.chars);
  const fresh = parts.length;
  const texts: string[] = [];
  let freshChars = 0;
  let lastSource: string | null = null;
  let s = -1;
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    if (p.source !== lastSource) {
      lastSource = p.source;
      s = sourceIndex.get(p.source) ?? sourceIndex.set(p.source, sources.push(p.source) - 1).get(p.source)!;
    }
    const file = from ? StoredPassage.textFileOf(p) : null;
    const part = file ? linked.get(file)?.part : undefined;
    const o = i * FIELDS;
    if (part !== undefined) {
      offsets[o + 4] = StoredPassage.textAtOf(p);
      offsets[o + 7] = part;
    } else {
      // Read here, once: a passage kept without its part linked has its text in the previous generation.
      const text = p.text;
      texts.push(text);
      offsets[o + 4] = freshChars;
      offsets[o + 7] = fresh;
      freshChars += text.length;
    }
    offsets[o] = s;
    offsets[o + 1] = p.start;
    offsets[o + 2] = p.end;
    offsets[o + 3] = p.line;
    offsets[o + 5] = p.page ?? 0;
    offsets[o + 6] = endLine(p);
  }
  if (texts.length > 0 || parts.length === 0) {
    const name = freePartName(partName, (n) => parts.includes(n) || (from !== null && existsSync(path.join(from, n))));
    parts.push(name);
    partChars.push(freshChars);
    await fs.writeFile(path.join(dir, name), texts.join(''), 'utf16le');
  }
  await fs.writeFile(path.join(dir, HEADER), JSON.stringify({ sources, ids: passages.map((p) => p.id), fields: FIELDS, text: 'utf16le', parts, partChars }));
  await fs.writeFile(path.join(dir, OFFSETS), Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength));
}

/**
 * Hard-links into `dir` the text parts of generation `from` that hold kept `passages`' texts, when enough
 * of them is still used and they are few enough (worthLinking): each linked part (the file its
 * passages were loaded from) with its name, length and number in the new generation. Empty: every text is written.
 */
async function linkParts(dir: string, from: string | null, passages: Passage[]): Promise<Map<Utf16TextFile, { name: string; chars: number; part: number }>> {
  const linked = new Map<Utf16TextFile, { name: string; chars: number; part: number }>();
  if (!from) return linked;
  const used = new Map<Utf16TextFile, number>();
  for (const p of passages) {
    const file = StoredPassage.textFileOf(p);
    if (file) used.set(file, (used.get(file) ?? 0) + p.end - p.start);
  }
  for (const file of used.keys()) if (path.resolve(path.dirname(file.file)) !== path.resolve(from)) used.delete(file);
  const total = [...used.keys()].reduce((sum, file) => sum + file.chars, 0);
  const kept = [...used.values()].reduce((sum, chars) => sum + chars, 0);
  if (!worthLinking(used.size, kept, total)) return linked;
  for (const file of [...used.keys()].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const name = path.basename(file.file);
    if (await fs.link(path.join(from, name), path.join(dir, name)).then(() => true, () => false)) linked.set(file, { name, chars: file.chars, part: linked.size });
  }
  return linked;
}

export async function readPassages(dir: string, expected: number): Promise<Passage[]> {
  const headerFile = path.join(dir, HEADER);
  const header = (await readIndexJson(headerFile)) as { sources?: unknown; ids?: unknown; fields?: unknown; text?: unknown; parts?: unknown; partChars?: unknown };
  const { sources, ids } = header;
  const fields = header.fields === undefined ? FIELDS_BEFORE_PAGES : header.fields;
  if (fields !== FIELDS && fields !== FIELDS_BEFORE_PARTS && fields !== FIELDS_BEFORE_LAST_LINES && fields !== FIELDS_BEFORE_PAGES) throw indexCorrupt(headerFile, `has ${String(fields)} fields per passage`);
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
  if (fields === FIELDS) return makePassages(expected, fields, offsets, sources as string[], ids as string[], openParts(dir, header, headerFile), offsetsFile);
  const textName = header.text === 'utf16le' ? TEXT : TEXT_UTF8;
  const textFile = path.join(dir, textName);
  const text = header.text === 'utf16le' ? Utf16TextFile.open(textFile) : wholeText(await readIndexText(textFile));
  return makePassages(expected, fields, offsets, sources as string[], ids as string[], [text], offsetsFile);
}

/** The text parts a header of parts names, each opened and checked to be as long as the header says. */
function openParts(dir: string, header: { parts?: unknown; partChars?: unknown }, headerFile: string): PassageText[] {
  const { parts, partChars } = header;
  const named = (name: unknown) => typeof name === 'string' && /^passages(-[1-9][0-9]*)?\.u16$/.test(name);
  if (!Array.isArray(parts) || !Array.isArray(partChars) || parts.length === 0 || parts.length !== partChars.length || !parts.every(named) || !partChars.every((n) => Number.isInteger(n) && n >= 0)) {
    throw indexCorrupt(headerFile, 'is inconsistent: parts and partChars must name its text files and their lengths');
  }
  return (parts as string[]).map((name, k) => {
    const text = Utf16TextFile.open(path.join(dir, name));
    if (text.chars !== partChars[k]) throw indexCorrupt(text.file, `has ${text.chars} characters, ${HEADER} says ${String(partChars[k])}`);
    return text;
  });
}

async function makePassages(expected: number, fields: number, offsets: Uint32Array, sources: string[], ids: string[], texts: PassageText[], offsetsFile: string): Promise<Passage[]> {
  const passages = new Array<Passage>(expected);
  const parted = fields === FIELDS;
  let textStart = 0;
  for (let i = 0; i < expected; i++) {
    // A reindex loads the new generation inside the running bot: let interactions through now and then.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const o = i * fields;
    const s = offsets[o]!;
    const start = offsets[o + 1]!;
    const end = offsets[o + 2]!;
    const line = offsets[o + 3]!;
    const page = fields > FIELDS_BEFORE_PAGES ? offsets[o + 5]! : 0;
    // 0: not recorded (an older index), read from the text when asked.
    const lastLine = fields >= FIELDS_BEFORE_PARTS ? offsets[o + 6]! : 0;
    // Before parts the texts follow each other, the fifth field being where each ends.
    const at = parted ? offsets[o + 4]! : textStart;
    const textEnd = parted ? at + end - start : offsets[o + 4]!;
    const text = texts[parted ? offsets[o + 7]! : 0];
    // The passage's length must equal its span in the file: that is what keeps citations exact.
    if (!text || s >= sources.length || textEnd < at || end - start !== textEnd - at || textEnd > text.chars || line < 1 || (fields >= FIELDS_BEFORE_PARTS && lastLine < line)) {
      throw indexCorrupt(offsetsFile, `is inconsistent with ${text ? path.basename(text.file) : 'its text parts'} at passage ${i + 1}`);
    }
    passages[i] = new StoredPassage(ids[i] as string, sources[s] as string, start, end, line, page, lastLine, text, at);
    textStart = textEnd;
  }
  if (!parted && textStart !== texts[0]!.chars) throw indexCorrupt(texts[0]!.file, `has ${texts[0]!.chars - textStart} characters no passage accounts for`);
  return passages;
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

  /** The UTF-16 text part `passage` was loaded from, or null (made by the chunker, or from an index whose text is UTF-8). */
  static textFileOf(passage: Passage): Utf16TextFile | null {
    return passage instanceof StoredPassage && passage.#file instanceof Utf16TextFile ? passage.#file : null;
  }

  /** Where a passage of `textFileOf` starts in that part (characters). */
  static textAtOf(passage: Passage): number {
    return (passage as StoredPassage).#at;
  }
}
