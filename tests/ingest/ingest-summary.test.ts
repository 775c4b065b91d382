import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ingestDocuments, openCollection } from '../../src/open-collection.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

function setup(docs = copyOfSeeds()) {
  const lines: string[] = [];
  const log = createLogger('info', (line) => lines.push(line));
  const indexDir = path.join(tempDir(), 'index');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: indexDir, MODEL_ID: 'none' });
  const generations = () => (fs.existsSync(indexDir) ? fs.readdirSync(indexDir).filter((e) => e.startsWith('gen-')) : []);
  return { docs, config, log, lines, indexDir, generations };
}

describe('ingest says what happened', () => {
  it('counts added, changed, removed and unchanged files against the previous index', async () => {
    const { docs, config, log, lines } = setup();
    const first = await ingestDocuments(config, { log });
    expect(first.changes).toEqual({ added: 4, changed: 0, removed: 0, unchanged: 0 });
    const [a, b] = fs.readdirSync(docs).sort();
    fs.rmSync(path.join(docs, a!));
    fs.appendFileSync(path.join(docs, b!), '\nسطر جديد في آخر الملف.');
    fs.writeFileSync(path.join(docs, 'new-1.txt'), 'خبر جديد عن اجتماع اللجنة.');
    fs.writeFileSync(path.join(docs, 'new-2.md'), 'خبر ثان عن الوفود.');
    lines.length = 0;
    const second = await ingestDocuments(config, { log });
    expect(second.changes).toEqual({ added: 2, changed: 1, removed: 1, unchanged: 2 });
    expect(second.nothingChanged).toBe(false);
    expect(lines.join('\n')).toContain('2 added, 1 changed, 1 removed, 2 unchanged');
  });

  it('writes no new generation when nothing changed, and says so', async () => {
    const { config, log, lines, generations } = setup();
    await ingestDocuments(config, { log });
    const before = generations();
    expect(before).toHaveLength(1);
    lines.length = 0;
    const again = await ingestDocuments(config, { log });
    expect(again.nothingChanged).toBe(true);
    expect(generations()).toEqual(before);
    expect(lines.join('\n')).toMatch(/Nothing changed/);
    // The bot's /reindex takes the same path.
    const collection = await openCollection(config, { log });
    expect((await collection.reindex()).nothingChanged).toBe(true);
    expect(generations()).toEqual(before);
  });

  it('still writes nothing on the next run when a file is refused for its contents (a .pdf that is not a PDF)', async () => {
    const { docs, config, log, generations } = setup();
    fs.writeFileSync(path.join(docs, 'report.pdf'), 'not a pdf');
    const first = await ingestDocuments(config, { log });
    expect(first.skipped.map((s) => s.source)).toEqual(['report.pdf']);
    const before = generations();
    const again = await ingestDocuments(config, { log });
    expect(again.nothingChanged).toBe(true);
    expect(generations()).toEqual(before);
  });

  it('says "1 file", not "1 files"', async () => {
    const docs = tempDir();
    fs.writeFileSync(path.join(docs, 'one.txt'), 'نص واحد قصير عن اجتماع الوفود في أستانا.');
    const { config, log, lines } = setup(docs);
    await ingestDocuments(config, { log });
    expect(lines.join('\n')).toMatch(/Indexed 1 file into 1 passage in/);
  });

  it('warns about a skipped symbolic link like any skipped file, and lists unsupported files once by extension', async () => {
    const { docs, config, log, lines } = setup();
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'سر');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(docs, 'link.txt'));
    fs.writeFileSync(path.join(docs, 'a.doc'), 'old Word');
    fs.mkdirSync(path.join(docs, 'more'));
    fs.writeFileSync(path.join(docs, 'more', 'b.DOC'), 'old Word');
    fs.writeFileSync(path.join(docs, 'c.xlsx'), 'PK');
    fs.writeFileSync(path.join(docs, 'broken.txt'), Buffer.from([0x00, 0x01]));
    const summary = await ingestDocuments(config, { log });
    const warnings = lines.filter((l) => l.includes('WARN'));
    expect(warnings).toContain('[isnad] WARN: skipped link.txt: symbolic link points outside the documents folder; not read');
    expect(warnings).toContain('[isnad] WARN: skipped broken.txt: binary file (contains NUL bytes)');
    expect(warnings.filter((l) => l.includes('not supported'))).toEqual([
      '[isnad] WARN: 2 .doc files, 1 .xlsx file skipped: not supported yet (Isnad reads .txt, .md, .pdf, .docx, .html, .htm)',
    ]);
    expect(summary.unsupported).toEqual({ '.doc': 2, '.xlsx': 1 });
  });
});

describe('npm run ingest', () => {
  const ingest = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts'], { env: { ...process.env, MODEL_ID: 'none', ...env }, encoding: 'utf8', timeout: 60_000 });

  it('prints what changed, then "nothing changed" and writes nothing on a second run', () => {
    const docs = copyOfSeeds();
    fs.writeFileSync(path.join(docs, 'scan.tiff'), 'II*');
    const env = { DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index') };
    const first = ingest(env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^changes: 4 added, 0 changed, 0 removed, 0 unchanged\nfiles: 4\n/);
    expect(first.stdout).toContain('\nnot supported yet: 1 .tiff file\n');
    expect(first.stderr).toMatch(/\[isnad\] Indexed 4 files into \d+ passages/);
    const second = ingest(env);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^changes: nothing changed\n/);
    expect(second.stdout).toMatch(/\(unchanged, nothing written\)\n$/);
    expect(fs.readdirSync(env.INDEX_DIR).filter((e) => e.startsWith('gen-'))).toHaveLength(1);
  }, 60_000);
});
