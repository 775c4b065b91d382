import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { readPassages, writePassages } from '../../src/store/passage-files.js';
import { endLine } from '../../src/text/lines.js';
import type { Passage } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

// Arabic with diacritics and tatweel, CRLF, an emoji (a surrogate pair), a lone surrogate, Latin, empty.
const TEXTS = ['وَفْدُ النظـــام السوري', 'line one\r\nline two', 'نص 📜 مع رمز', 'bad \ud800 half', 'plain ASCII', ''];

function passagesOf(texts: string[]): Passage[] {
  let at = 0;
  return texts.map((text, i) => {
    const passage: Passage = { id: `id-${i}`, source: i % 2 ? 'b.pdf' : 'a.txt', start: at, end: at + text.length, line: i + 1, text, ...(i % 2 ? { page: i } : {}) };
    at += text.length + 1;
    return passage;
  });
}

/** Rewrites a generation's passages as indexes before text parts held them: one passages.u16, 7 fields, the fifth where each text ends. */
function asBeforeParts(dir: string): void {
  const header = JSON.parse(fs.readFileSync(path.join(dir, 'passages.json'), 'utf8'));
  const eight = new Uint32Array(new Uint8Array(fs.readFileSync(path.join(dir, 'passages.bin'))).buffer);
  const seven = new Uint32Array((eight.length / 8) * 7);
  for (let i = 0; i < eight.length / 8; i++) {
    const [s, start, end, line, at, page, lastLine] = eight.subarray(i * 8, i * 8 + 7);
    seven.set([s!, start!, end!, line!, at! + end! - start!, page!, lastLine!], i * 7);
  }
  fs.writeFileSync(path.join(dir, 'passages.bin'), seven);
  fs.writeFileSync(path.join(dir, 'passages.json'), JSON.stringify({ sources: header.sources, ids: header.ids, fields: 7, text: 'utf16le' }));
}

describe('passage files', () => {
  it('give back every passage exactly: text code unit for code unit, offsets, lines and pages', async () => {
    const dir = tempDir();
    const passages = passagesOf(TEXTS);
    await writePassages(dir, passages);
    expect(await readPassages(dir, passages.length)).toEqual(passages);
  });

  it('give back texts larger together, and one alone, than a read from disk (8 MB)', async () => {
    const dir = tempDir();
    // Each text its own letters, so a passage cut from the wrong place cannot pass for another.
    const texts = Array.from({ length: 60 }, (_, i) => String.fromCharCode(0x0621 + (i % 40), 0x20, 0x30 + (i % 10)).repeat(i === 30 ? 1_500_000 : 30_000 + i));
    const passages = passagesOf(texts);
    await writePassages(dir, passages);
    const read = await readPassages(dir, passages.length);
    expect(read.map((p) => p.text.length)).toEqual(texts.map((t) => t.length));
    expect(read.every((p, i) => p.text === texts[i])).toBe(true);
  });

  it('read from disk keep the citation contract: text === source.slice(start, end), in any order of reading (property)', async () => {
    const pieces = fc.constantFrom('كلمة', 'وَفْدُ', '.', '؟', ' ', '\n', '\r\n', '😀', 'a', 'ـ');
    const document = fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 200 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(document, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 40 }), async (texts, picks) => {
        const dir = tempDir();
        const sources = texts.map((text, i) => ({ source: `doc-${i}.txt`, text }));
        const passages = sources.flatMap(({ source, text }) => chunkDocument({ source, text, hash: '', bytes: text.length }));
        await writePassages(dir, passages);
        const read = await readPassages(dir, passages.length);
        const sourceText = new Map(sources.map((s) => [s.source, s.text]));
        const check = (p: Passage) => {
          expect(p.text).toBe(sourceText.get(p.source)!.slice(p.start, p.end));
          // The last line recorded at write time is the one the text gives (ranking reads it without the text).
          expect(p.lastLine).toBe(endLine({ line: p.line, text: p.text }));
        };
        // Scattered reads (one passage's bytes each), then every passage in order (read-ahead blocks).
        for (const pick of picks) if (read.length) check(read[pick % read.length]!);
        read.forEach(check);
        expect(read.map((p) => ({ ...p }))).toEqual(passages);
      }),
      { numRuns: 50, seed: 7 },
    );
  });

  it('still read an index written before UTF-16 text (passages.txt in UTF-8, no encoding in the header)', async () => {
    const dir = tempDir();
    const passages = passagesOf(TEXTS.filter((t) => !t.includes('\ud800'))); // UTF-8 cannot hold a lone surrogate
    await writePassages(dir, passages);
    asBeforeParts(dir);
    const header = JSON.parse(fs.readFileSync(path.join(dir, 'passages.json'), 'utf8'));
    delete header.text;
    fs.writeFileSync(path.join(dir, 'passages.json'), JSON.stringify(header));
    fs.writeFileSync(path.join(dir, 'passages.txt'), fs.readFileSync(path.join(dir, 'passages.u16')).toString('utf16le'), 'utf8');
    fs.rmSync(path.join(dir, 'passages.u16'));
    expect(await readPassages(dir, passages.length)).toEqual(passages);
  });

  it('still read an index written before last lines were recorded (6 fields): the last line then comes from the text', async () => {
    const dir = tempDir();
    const passages = passagesOf(['one\ntwo\nthree', 'single', 'a\r\nb\n\n']);
    await writePassages(dir, passages);
    asBeforeParts(dir);
    const header = JSON.parse(fs.readFileSync(path.join(dir, 'passages.json'), 'utf8'));
    const seven = new Uint32Array(new Uint8Array(fs.readFileSync(path.join(dir, 'passages.bin'))).buffer);
    const six = seven.filter((_, i) => i % 7 !== 6);
    fs.writeFileSync(path.join(dir, 'passages.bin'), six);
    fs.writeFileSync(path.join(dir, 'passages.json'), JSON.stringify({ ...header, fields: 6 }));
    const read = await readPassages(dir, passages.length);
    expect(read).toEqual(passages);
    expect(read.map((p) => p.lastLine)).toEqual([undefined, undefined, undefined]);
    expect(read.map(endLine)).toEqual([3, 2, 4]);
  });

  it('read from the file opened at load: the generation removed later still reads; text cut short after load is INDEX_CORRUPT, not a wrong quote', async () => {
    const dir = tempDir();
    const passages = passagesOf(TEXTS);
    await writePassages(dir, passages);
    const read = await readPassages(dir, passages.length);
    const file = path.join(dir, 'passages.u16');
    const kept = path.join(tempDir(), 'kept.u16');
    fs.copyFileSync(file, kept);
    fs.rmSync(file); // a reindex's tidy-up removing an old generation while it still serves
    expect(read.map((p) => p.text)).toEqual(TEXTS);
    fs.copyFileSync(kept, file);
    const fresh = await readPassages(dir, passages.length);
    fs.truncateSync(file, 4);
    expect(() => fresh[2]!.text).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringContaining('passages.u16') }));
  });

  it('name an unknown text encoding instead of misreading the text', async () => {
    const dir = tempDir();
    await writePassages(dir, passagesOf(TEXTS));
    const header = JSON.parse(fs.readFileSync(path.join(dir, 'passages.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'passages.json'), JSON.stringify({ ...header, text: 'utf32' }));
    await expect(readPassages(dir, TEXTS.length)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('unknown text encoding "utf32"') });
  });

  it('an update links the text part of the passages it keeps, writes only its new texts, and reads back the same passages', async () => {
    const before = tempDir();
    const texts = Array.from({ length: 40 }, (_, i) => `نص المقطع ${i} `.repeat(20));
    await writePassages(before, passagesOf(texts));
    const loaded = await readPassages(before, texts.length);
    // Two passages gone, one new at the end: what a 1 % update does to a large index.
    const fresh: Passage = { id: 'new', source: 'c.txt', start: 0, end: 9, line: 1, text: 'مقطع جديد' };
    const next = [...loaded.slice(0, 10), ...loaded.slice(12), fresh];
    const after = tempDir();
    await writePassages(after, next, before);
    const inode = (dir: string, name: string) => fs.statSync(path.join(dir, name)).ino;
    expect(inode(after, 'passages.u16')).toBe(inode(before, 'passages.u16'));
    expect(fs.readFileSync(path.join(after, 'passages-1.u16')).toString('utf16le')).toBe(fresh.text);
    const read = await readPassages(after, next.length);
    expect(read.map((p) => ({ ...p }))).toEqual(next.map((p) => ({ ...p })));

    // Text added to a part after it was written is caught at load, not served as a shifted quote.
    fs.appendFileSync(path.join(after, 'passages-1.u16'), Buffer.from('زيادة', 'utf16le'));
    await expect(readPassages(after, next.length)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('passages-1.u16 has 14 characters, passages.json says 9') });
  });

  it('writes every text again when the update keeps less than three quarters of the linked part', async () => {
    const before = tempDir();
    const texts = Array.from({ length: 8 }, (_, i) => `نص ${i} `.repeat(50));
    await writePassages(before, passagesOf(texts));
    const loaded = await readPassages(before, texts.length);
    const after = tempDir();
    await writePassages(after, loaded.slice(0, 5), before);
    expect(fs.readdirSync(after).filter((name) => name.endsWith('.u16'))).toEqual(['passages-1.u16']);
    expect(fs.statSync(path.join(after, 'passages-1.u16')).ino).not.toBe(fs.statSync(path.join(before, 'passages.u16')).ino);
    expect((await readPassages(after, 5)).map((p) => p.text)).toEqual(texts.slice(0, 5));
  });
});
