import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from '../../src/ingest/chunk.js';
import type { Document } from '../../src/types.js';

const doc = (text: string, source = 'doc.txt'): Document => ({ source, text, hash: '', bytes: text.length });

/** The offset contract plus "no text is lost": every non-space character lies in exactly one passage. */
function assertContract(text: string): void {
  const passages = chunkDocument(doc(text));
  const covered = new Uint8Array(text.length);
  let previousEnd = 0;
  for (const p of passages) {
    expect(p.text).toBe(text.slice(p.start, p.end));
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.line).toBe(text.slice(0, p.start).split('\n').length);
    expect(p.text).toBe(p.text.trim());
    for (let i = p.start; i < p.end; i++) covered[i] = 1;
    previousEnd = p.end;
  }
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]!)) expect(covered[i], `character ${i} (${JSON.stringify(text[i])}) is in no passage`).toBe(1);
  }
  // Never splits a surrogate pair: both halves of an emoji stay in one passage.
  for (const p of passages) {
    const first = p.text.charCodeAt(0);
    const last = p.text.charCodeAt(p.text.length - 1);
    expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  }
}

const seeds = path.resolve('seeds');
const seedFiles = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'));

describe('chunkDocument', () => {
  it.each(seedFiles)('keeps the offset contract on seed %s', (file) => {
    assertContract(fs.readFileSync(path.join(seeds, file), 'utf8'));
  });

  it('keeps the offset contract on arbitrary text (property)', () => {
    const pieces = fc.constantFrom('كلمة', 'أستانا', '.', '؟', '،', ', ', '•', ' ', '\n', '\r\n', '\n\n', '😀', 'a', 'ـ', '\u200f', '1 - ', '#وسم_عربي');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 300 }), (parts) => {
        assertContract(parts.join(''));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('cuts at sentence ends and list items, within the size limits', () => {
    const text = fs.readFileSync(path.join(seeds, seedFiles.find((f) => f.startsWith('004'))!), 'utf8');
    // Short passages, so this list file gets several cuts (the default packs up to 600 characters).
    const passages = chunkDocument(doc(text), { ...DEFAULT_CHUNK_OPTIONS, targetChars: 320 });
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(DEFAULT_CHUNK_OPTIONS.maxChars);
    // List items start at their bullet, so a quoted item reads as one.
    expect(passages.some((p) => p.text.startsWith('• '))).toBe(true);
    // Passages end at a sentence or item boundary: after punctuation, or before a bullet or a line break.
    for (const p of passages.slice(0, -1)) {
      const gap = text.slice(p.end).match(/^\s*/)![0];
      const next = text[p.end + gap.length];
      expect(/[.!?؟؛:,]$/.test(p.text) || gap.includes('\n') || next === '•', JSON.stringify(p.text.slice(-30))).toBe(true);
    }
  });

  it('never cuts inside a word when a sentence is longer than the limit', () => {
    const words = Array.from({ length: 400 }, (_, i) => `كلمة${i}`);
    const text = words.join(' ');
    const passages = chunkDocument(doc(text));
    expect(passages.length).toBeGreaterThan(1);
    const seen = passages.flatMap((p) => p.text.split(' '));
    expect(seen).toEqual(words);
  });

  it('gives ids that survive a reindex when the text is unchanged and differ when it changes', () => {
    const para = (n: number) => `الفقرة رقم ${n} تتحدث عن المفاوضات في أستانا وتستمر بما يكفي لتكون مقطعا مستقلا بذاته في الفهرس الذي يبنيه البرنامج.`;
    const a = chunkDocument(doc([para(1), para(2)].join('\n\n')));
    const b = chunkDocument(doc([para(0), para(1), para(2)].join('\n\n')));
    expect(a).toHaveLength(2);
    const idsA = new Set(a.map((p) => p.id));
    expect(b.filter((p) => idsA.has(p.id)).map((p) => p.text)).toEqual(a.map((p) => p.text));
    expect(chunkDocument(doc('نص آخر تماما.'))[0]!.id).not.toBe(a[0]!.id);
    // The same text in another file is another passage.
    expect(chunkDocument(doc(a[0]!.text, 'other.txt'))[0]!.id).not.toBe(a[0]!.id);
  });

  it('gives repeated identical passages distinct ids', () => {
    const sentence = 'هذه جملة مكررة في الوثيقة نفسها وهي طويلة بما يكفي لتكون مقطعا مستقلا عن غيرها من الجمل الأخرى هنا.';
    const text = Array.from({ length: 6 }, () => sentence).join('\n\n');
    const ids = chunkDocument(doc(text)).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts lines with CRLF endings like LF', () => {
    const text = 'سطر طويل بما يكفي ليكون مقطعا مستقلا عن السطر الذي يليه في هذه الوثيقة القصيرة جدا، ولا يدمج مع غيره أبدا.\r\n'.repeat(3);
    const passages = chunkDocument(doc(text));
    expect(passages.map((p) => p.line)).toEqual([1, 2, 3]);
  });
});

describe('chunkDocument, exact output on small examples', () => {
  const small = { targetChars: 40, minChars: 10, maxChars: 60 };
  const chunk = (text: string) => chunkDocument(doc(text), small).map((p) => ({ text: p.text, start: p.start, line: p.line }));

  it('cuts at sentence ends when two sentences would pass the target size', () => {
    expect(chunk('بدأت المحادثات في أستانا. يرأس الوفد بشار الجعفري. وصل الوفد المعارض صباح اليوم.')).toEqual([
      { text: 'بدأت المحادثات في أستانا.', start: 0, line: 1 },
      { text: 'يرأس الوفد بشار الجعفري.', start: 26, line: 1 },
      { text: 'وصل الوفد المعارض صباح اليوم.', start: 51, line: 1 },
    ]);
  });

  it('keeps a heading shorter than the minimum with the paragraph after it, then cuts at the line break', () => {
    expect(chunk('العنوان\n\nالفقرة الأولى قصيرة.\nالفقرة الثانية أيضا قصيرة جدا هنا.')).toEqual([
      { text: 'العنوان\n\nالفقرة الأولى قصيرة.', start: 0, line: 1 },
      { text: 'الفقرة الثانية أيضا قصيرة جدا هنا.', start: 30, line: 4 },
    ]);
  });

  it('cuts a scraped list at a bullet', () => {
    expect(chunk('الدول الضامنة: روسيا، تركيا، إيران • المراقبون: الأمم المتحدة • الأردن')).toEqual([
      { text: 'الدول الضامنة: روسيا، تركيا، إيران', start: 0, line: 1 },
      { text: '• المراقبون: الأمم المتحدة • الأردن', start: 35, line: 1 },
    ]);
  });

  it('cuts text with no sentence end at a space, within the maximum size', () => {
    const text = Array.from({ length: 20 }, () => 'كلمة').join(' ');
    expect(chunk(text)).toEqual([
      { text: Array.from({ length: 12 }, () => 'كلمة').join(' '), start: 0, line: 1 },
      { text: Array.from({ length: 8 }, () => 'كلمة').join(' '), start: 60, line: 1 },
    ]);
  });
});

describe('default packing', () => {
  it('keeps a paragraph of up to 600 characters in one passage, and cuts a longer one at a sentence end', () => {
    const sentence = (n: number) => `${'كلمة '.repeat(n).trim()}.`;
    const fits = `${sentence(55)} ${sentence(60)}`; // 276 + 301 characters: one passage (it was cut at ~550 before)
    expect(fits.length).toBeGreaterThan(550);
    expect(fits.length).toBeLessThanOrEqual(600);
    expect(chunkDocument(doc(`${fits}\n`)).map((p) => p.text)).toEqual([fits]);
    const long = `${fits} ${sentence(10)}`;
    const passages = chunkDocument(doc(long));
    expect(passages.map((p) => p.text)).toEqual([fits, sentence(10)]);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(DEFAULT_CHUNK_OPTIONS.maxChars);
  });
});
