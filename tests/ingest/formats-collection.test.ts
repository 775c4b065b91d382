import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../src/cli/format-terminal.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { extractedReader, readExtracted } from '../../src/store/extracted-files.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { makePdf } from '../../scripts/make-format-fixtures.js';
import { currentGeneration } from '../helpers/index-files.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');

/** A documents folder holding the three readable fixtures, plus the reversed PDF when asked. */
function docsWithFixtures(extra: string[] = []): string {
  const docs = tempDir();
  for (const name of ['report.pdf', 'statement.docx', 'article.html', ...extra]) fs.copyFileSync(path.join(FIXTURES, name), path.join(docs, name));
  return docs;
}

describe('a collection of PDF, DOCX and HTML files', () => {
  it('answers from each format, citing a PDF by page and line', async () => {
    const docs = docsWithFixtures(['reversed.pdf']);
    const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
    const collection = await openCollection(config, { log: createLogger('error') });

    const solar = await collection.ask('هل تعمل المحطة بالطاقة الشمسية؟');
    expect(solar.answered).toBe(true);
    expect(solar.results[0]).toMatchObject({ source: 'report.pdf', page: 2 });
    expect(formatAnswer(solar, { color: false })).toMatch(/1\. report\.pdf · page 2 · lines? \d/);

    const library = await collection.ask('أين المكتبة العامة الجديدة؟');
    expect(library.results[0]?.source).toBe('statement.docx');
    expect(library.results[0]?.page).toBeUndefined();

    const festival = await collection.ask('كم دار نشر تشارك في مهرجان الكتاب؟');
    expect(festival.results[0]?.source).toBe('article.html');

    // The reversed PDF is reported (ingest log, /status), not indexed.
    expect(collection.status().skipped).toEqual([expect.objectContaining({ source: 'reversed.pdf', code: 'TEXT_REVERSED' })]);
  }, 60_000);

  it('keeps each file\'s extracted text in the index: every passage is a slice of it', async () => {
    const config = loadConfig({ DOCS_DIR: docsWithFixtures(), INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
    await openCollection(config, { log: createLogger('error') });
    const extracted = await readExtracted(currentGeneration(config.indexDir));
    expect([...extracted.keys()].sort()).toEqual(['article.html', 'report.pdf', 'statement.docx']);
    expect(extracted.get('report.pdf')?.pages).toHaveLength(2);
    const snapshot = await new IndexDirectory(config.indexDir, config.docsDir).load();
    const passages = snapshot!.passages;
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) expect(p.text).toBe(extracted.get(p.source)!.text.slice(p.start, p.end));
    // Verify quote reads one document at a time by its byte range: the same text, multi-byte letters and all.
    const readOne = extractedReader(currentGeneration(config.indexDir));
    for (const [source, { text }] of extracted) expect(await readOne(source)).toBe(text);
    expect(await readOne('absent.pdf')).toBeNull();
  }, 60_000);
});

describe('a PDF whose text layer is in Arabic presentation forms', () => {
  it('answers a question typed in ordinary letters and shows the text as extracted', async () => {
    const docs = tempDir();
    // "The city never sleeps" drawn with contextual glyphs (U+FExx), as many Arabic PDFs extract.
    const glyphs = '\uFE8D\uFEDF\uFEE4\uFEAA\uFEF3\uFEE8\uFE94 \uFEFB \uFE97\uFEE8\uFE8E\uFEE1';
    fs.writeFileSync(path.join(docs, 'glyphs.pdf'), makePdf({ pages: [['تقرير قصير'], [glyphs]] }));
    const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
    const collection = await openCollection(config, { log: createLogger('error') });
    const answer = await collection.ask('هل المدينة لا تنام؟');
    expect(answer.results[0]).toMatchObject({ source: 'glyphs.pdf', page: 2, line: 1, text: glyphs });
  }, 60_000);
});

describe('npm run ingest -- --docs DIR', () => {
  it('indexes .pdf, .docx, .html and .htm files and lists what it skipped', () => {
    const docs = docsWithFixtures(['scanned.pdf']);
    fs.copyFileSync(path.join(FIXTURES, 'article.html'), path.join(docs, 'copy.htm'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--docs', docs], {
      env: { ...process.env, MODEL_ID: 'none', INDEX_DIR: path.join(tempDir(), 'index') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(3); // 3: indexed, but some files were skipped
    expect(run.stdout).toContain('files: 4\n');
    expect(run.stdout).toContain('skipped: 1\n  - scanned.pdf: no text layer: needs OCR (2 pages of images only)\n');
  }, 60_000);
});
