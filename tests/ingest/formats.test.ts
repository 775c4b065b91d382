import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { decodeDocument, isSkipped } from '../../src/ingest/load.js';
import { normalize, normalizeWithMap } from '../../src/text/normalize.js';
import type { Document } from '../../src/types.js';
import { DOCX_PARAGRAPHS, PDF_PAGES, makeDocx, makePdf, writeFixtures } from '../../scripts/make-format-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function read(name: string, bytes: Buffer): Promise<Document> {
  const result = await decodeDocument(name, bytes);
  if (isSkipped(result)) throw new Error(`${name} skipped: ${result.reason}`);
  return result;
}

describe('format fixtures', () => {
  it('are exactly what scripts/make-format-fixtures.ts writes', () => {
    const dir = tempDir();
    writeFixtures(dir);
    for (const name of fs.readdirSync(FIXTURES)) expect(fs.readFileSync(path.join(dir, name)).equals(fixture(name)), name).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(fs.readdirSync(FIXTURES).sort());
  });
});

describe('PDF reader', () => {
  it('reads the text layer page by page, in logical Arabic order, and knows where each page starts', async () => {
    const doc = await read('report.pdf', fixture('report.pdf'));
    expect(doc.pages).toHaveLength(2);
    const [first, second] = [doc.text.slice(doc.pages![0], doc.pages![1]).trim(), doc.text.slice(doc.pages![1])];
    expect(first).toBe(PDF_PAGES[0]!.join('\n'));
    expect(second).toBe(PDF_PAGES[1]!.join('\n'));
  });

  it('cites a PDF passage by page and by line within that page; no passage spans two pages', async () => {
    const doc = await read('report.pdf', fixture('report.pdf'));
    const passages = chunkDocument(doc, { minChars: 1, targetChars: 40, maxChars: 80 });
    const solar = passages.find((p) => p.text.includes('الطاقة الشمسية'))!;
    expect(solar).toMatchObject({ page: 2, line: 2 });
    for (const p of passages) {
      const pageStart = doc.pages![p.page! - 1]!;
      const pageEnd = doc.pages![p.page!] ?? doc.text.length;
      expect(p.start >= pageStart && p.end <= pageEnd).toBe(true);
    }
  });

  it('property: every passage of any PDF is its extracted text sliced at start..end', async () => {
    const word = fc.stringMatching(/^[ابتثجحخدذرزسشصضطظعغفقكلمنهوية]{2,7}$/);
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const pages = fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(pages, async (content) => {
        const doc = await read('p.pdf', makePdf({ pages: content }));
        expect(doc.pages).toHaveLength(content.length);
        for (const p of chunkDocument(doc, { minChars: 1, targetChars: 30, maxChars: 60 })) {
          expect(p.text).toBe(doc.text.slice(p.start, p.end));
          const pageLines = doc.text.slice(doc.pages![p.page! - 1]).split('\n');
          expect(pageLines[p.line - 1]!.startsWith(p.text.split('\n')[0]!)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('DOCX reader', () => {
  it('reads the raw text, one paragraph per block', async () => {
    const doc = await read('statement.docx', fixture('statement.docx'));
    expect(doc.text).toBe(DOCX_PARAGRAPHS.join('\n\n'));
    expect(doc.pages).toBeUndefined();
  });

  it('property: passages of any DOCX are slices of its extracted text', async () => {
    const paragraph = fc.array(fc.constantFrom('قال', 'المجلس', 'إن', 'المكتبة', 'تفتح', 'يوم', '&', '<b>', 'سبت.'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 6 }), async (paragraphs) => {
        const doc = await read('d.docx', makeDocx(paragraphs));
        expect(doc.text).toBe(paragraphs.join('\n\n'));
        for (const p of chunkDocument(doc, { minChars: 1, targetChars: 30, maxChars: 60 })) expect(p.text).toBe(doc.text.slice(p.start, p.end));
      }),
      { numRuns: 25 },
    );
  });
});

describe('HTML reader', () => {
  it('reads the main text only: no script, style, header, navigation, aside or footer', async () => {
    const doc = await read('article.html', fixture('article.html'));
    expect(doc.text).toBe(
      'مهرجان الكتاب السنوي\n\nافتتح مهرجان الكتاب السنوي أمس بمشاركة & حضور مئة وعشرين دار نشر.\n\nويستمر المهرجان عشرة أيام،\nوتقام فيه ندوات يومية للشعراء.',
    );
    for (const furniture of ['سكربت', 'الأنماط', 'الصفحة الرئيسية', 'الأخبار', 'النشرة', 'الحقوق', 'مقال']) expect(doc.text).not.toContain(furniture);
  });

  it('reads the whole body when the page marks no main content, and honours a declared windows-1256 charset', async () => {
    const body = '<html><head><meta charset="windows-1256"></head><body><nav>قائمة</nav><p>نص المقال</p></body></html>';
    const encoded = encode1256(body);
    expect((await read('a.htm', encoded)).text).toBe('نص المقال');
  });

  it('property: passages of any page are slices of its extracted text', async () => {
    const text = fc.array(fc.constantFrom('مهرجان', 'الكتاب', '&amp;', '&lt;', 'x', '،', '.'), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (paragraphs) => {
        const html = `<html><body><nav>menu</nav>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}<script>x()</script></body></html>`;
        const doc = await read('h.html', Buffer.from(html));
        expect(doc.text).not.toContain('menu');
        for (const p of chunkDocument(doc, { minChars: 1, targetChars: 30, maxChars: 60 })) expect(p.text).toBe(doc.text.slice(p.start, p.end));
      }),
      { numRuns: 25 },
    );
  });
});

/** windows-1256 for the few letters the test uses (Node can decode it but has no encoder). */
function encode1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

describe('Arabic presentation forms (what many PDFs extract)', () => {
  const presentation = '\uFEF9\uFEB3\uFE98\uFECC\uFEE4\uFE8E\uFEDD \uFE8D\uFEDF\uFEE4\uFEAA\uFEF3\uFEE8\uFE94'; // لإستعمال المدينة
  it('match the ordinary letters they draw; display keeps them as extracted', () => {
    expect(normalize(presentation)).toBe(normalize('لإستعمال المدينة'));
    const { text, map } = normalizeWithMap(presentation);
    // Offsets stay exact: every normalized character points back to the glyph it came from.
    const word = text.indexOf('المدينه');
    expect(presentation.slice(map[word], map[word + 'المدينه'.length])).toBe('\uFE8D\uFEDF\uFEE4\uFEAA\uFEF3\uFEE8\uFE94');
  });

  it('a ligature (one glyph for two letters) maps both letters back to it', () => {
    const { text, map } = normalizeWithMap('\uFEFB'); // لا
    expect(text).toBe('لا');
    expect(map).toEqual([0, 0, 1]);
  });
});
