import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { badNameReason, decodeDocument, isSkipped, readDocument, scanDocuments } from '../../src/ingest/load.js';
import { createLogger } from '../../src/log.js';
import { ingestDocuments, openCollection } from '../../src/open-collection.js';
import type { SkippedFile } from '../../src/types.js';
import { makeDocx } from '../../scripts/make-format-fixtures.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

async function refusal(name: string, bytes: Buffer): Promise<SkippedFile> {
  const result = await decodeDocument(name, bytes);
  if (!isSkipped(result)) throw new Error(`${name} was read; expected a refusal`);
  return result;
}

/** A .docx whose document.xml inflates to `bytes` of spaces (deflate packs them ~1000:1). */
const zipBomb = (bytes: number) => makeDocx([], Buffer.alloc(bytes, 0x20));

describe('bad files get a coded refusal', () => {
  it('an encrypted PDF asks for an unprotected copy', async () => {
    expect(await refusal('secret.pdf', fixture('encrypted.pdf'))).toMatchObject({ code: 'FILE_ENCRYPTED', reason: expect.stringMatching(/encrypted PDF/) });
  });

  it('a truncated or garbage PDF is corrupt', async () => {
    const pdf = fixture('report.pdf');
    expect(await refusal('cut.pdf', pdf.subarray(0, 400))).toMatchObject({ code: 'FILE_CORRUPT' });
    expect(await refusal('junk.pdf', Buffer.from('%PDF-1.7\n' + 'x'.repeat(300)))).toMatchObject({ code: 'FILE_CORRUPT', reason: expect.stringMatching(/^corrupt PDF/) });
  });

  it('a scanned PDF (no text layer) needs OCR and is not indexed empty', async () => {
    expect(await refusal('scan.pdf', fixture('scanned.pdf'))).toMatchObject({ code: 'NO_TEXT_LAYER', reason: expect.stringMatching(/^no text layer: needs OCR/) });
  });

  it('a PDF whose Arabic comes out reversed is reported, naming the pages', async () => {
    expect(await refusal('visual.pdf', fixture('reversed.pdf'))).toMatchObject({ code: 'TEXT_REVERSED', reason: expect.stringMatching(/reversed\) order on pages 1, 2/) });
  });

  it('a zip bomb disguised as .docx is refused before mammoth inflates it', async () => {
    expect(await refusal('bomb.docx', zipBomb(65 * 1024 * 1024))).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', reason: expect.stringMatching(/zip bomb/) });
  });

  it('a zip whose headers understate its size is still caught by inflating with a ceiling', async () => {
    const bomb = zipBomb(65 * 1024 * 1024);
    // Rewrite every "uncompressed size" field of document.xml (local header and central directory) to 100.
    for (let i = 0; i < bomb.length - 4; i++) {
      if (bomb.readUInt32LE(i) === 0x04034b50 && bomb.toString('utf8', i + 30, i + 47) === 'word/document.xml') bomb.writeUInt32LE(100, i + 22);
      if (bomb.readUInt32LE(i) === 0x02014b50 && bomb.toString('utf8', i + 46, i + 63) === 'word/document.xml') bomb.writeUInt32LE(100, i + 24);
    }
    expect((await refusal('liar.docx', bomb)).code).toBe('ARCHIVE_TOO_LARGE');
  });

  it('an extension that lies is caught from the bytes', async () => {
    const pdf = fixture('report.pdf');
    const docx = fixture('statement.docx');
    expect(await refusal('report.docx', pdf)).toMatchObject({ code: 'FILE_TYPE_MISMATCH', reason: expect.stringMatching(/says \.docx but the contents are a PDF/) });
    expect(await refusal('statement.pdf', docx)).toMatchObject({ code: 'FILE_TYPE_MISMATCH', reason: expect.stringMatching(/says \.pdf but the contents are a zip/) });
    expect(await refusal('page.pdf', fixture('article.html'))).toMatchObject({ code: 'FILE_TYPE_MISMATCH', reason: expect.stringMatching(/an HTML page/) });
    expect(await refusal('notes.txt', pdf)).toMatchObject({ code: 'FILE_TYPE_MISMATCH' });
    expect(await refusal('sheet.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({ code: 'FILE_ENCRYPTED' });
  });

  it('a 200 MB file is refused from its size, without being read', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'huge.pdf');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: no disk used
    const [file] = (await scanDocuments(dir)).files;
    expect(await readDocument(file!, 10 * 1024 * 1024)).toMatchObject({ code: 'FILE_TOO_LARGE', reason: 'too large (209715200 bytes > MAX_FILE_BYTES 10485760)' });
  });

  it('names with a folder part or control characters are refused', () => {
    for (const name of ['../x.pdf', 'a/../../b.docx', 'dir\\x.html', '..', 'tab\there.pdf', 'line\nbreak.txt', 'rlo\u202Efdp.txt', 'rlm\u200Fname.txt', 'alm\u061Cname.txt', 'bell\u0007.txt']) expect(badNameReason(name), name).not.toBeNull();
    for (const name of ['report.pdf', 'تقرير ٢٠٢٤.docx', 'a b (1).html']) expect(badNameReason(name), name).toBeNull();
  });
});

describe('bad files change nothing', () => {
  it('ingest skips each one with its code, indexes the rest, and answers as before', async () => {
    const docs = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'report.pdf'), path.join(docs, 'report.pdf'));
    const lines: string[] = [];
    const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
    const log = createLogger('info', (l) => lines.push(l));
    const before = await ingestDocuments(config, { log });
    const question = 'هل تعمل المحطة بالطاقة الشمسية؟';
    const answerBefore = (await (await openCollection(config, { log })).ask(question)).results.map((r) => r.id);
    expect(answerBefore.length).toBeGreaterThan(0);

    fs.copyFileSync(path.join(FIXTURES, 'encrypted.pdf'), path.join(docs, 'secret.pdf'));
    fs.copyFileSync(path.join(FIXTURES, 'scanned.pdf'), path.join(docs, 'scan.pdf'));
    fs.copyFileSync(path.join(FIXTURES, 'reversed.pdf'), path.join(docs, 'visual.pdf'));
    fs.writeFileSync(path.join(docs, 'bomb.docx'), zipBomb(65 * 1024 * 1024));
    fs.copyFileSync(path.join(FIXTURES, 'report.pdf'), path.join(docs, 'liar.docx'));
    fs.writeFileSync(path.join(docs, 'cut.pdf'), fixture('report.pdf').subarray(0, 400));
    fs.writeFileSync(path.join(docs, 'bad\nname.txt'), 'سطر مزور');
    lines.length = 0;
    const after = await ingestDocuments(config, { log });
    expect(after.passages).toBe(before.passages);
    expect(Object.fromEntries(after.skipped.map((s) => [s.source, s.code]))).toEqual({
      'secret.pdf': 'FILE_ENCRYPTED',
      'scan.pdf': 'NO_TEXT_LAYER',
      'visual.pdf': 'TEXT_REVERSED',
      'bomb.docx': 'ARCHIVE_TOO_LARGE',
      'liar.docx': 'FILE_TYPE_MISMATCH',
      'cut.pdf': 'FILE_CORRUPT',
      '"bad\\nname.txt"': 'FILE_NAME_INVALID',
    });
    expect(lines.join('\n')).toContain('skipped scan.pdf: no text layer: needs OCR');
    expect((await (await openCollection(config, { log })).ask(question)).results.map((r) => r.id)).toEqual(answerBefore);
  }, 60_000);
});
