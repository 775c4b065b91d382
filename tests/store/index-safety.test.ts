/**
 * The index folder may only ever hold, serve and delete what Isnad made (issue 10, items 1, 3, 4).
 * Checksums of what it holds: index-checksums.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { ingestDocuments, openCollection } from '../../src/open-collection.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { currentGeneration, resign } from '../helpers/index-files.js';
import { lexicalOnly, openLexical as open } from '../helpers/open-lexical.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';
const HOUR_AGO = new Date(Date.now() - 60 * 60 * 1000);

/** Every file under `dir` with its content, to compare before and after. */
function snapshotOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = entry.isFile() ? fs.readFileSync(full, 'utf8') : '<dir>';
  }
  return out;
}

/** Someone's folder with things named like Isnad's leftovers, all older than the cleanup age. */
function someonesFolder(): string {
  const dir = tempDir('isnad-someone-');
  fs.mkdirSync(path.join(dir, 'gen-reports'));
  fs.writeFileSync(path.join(dir, 'gen-reports', 'q3.txt'), 'quarterly numbers');
  fs.writeFileSync(path.join(dir, 'gen-keys.sh'), '#!/bin/sh\nssh-keygen\n');
  fs.mkdirSync(path.join(dir, '.tmp-build'));
  fs.writeFileSync(path.join(dir, '.CURRENT.notes'), 'mine');
  for (const name of ['gen-reports', 'gen-keys.sh', '.tmp-build', '.CURRENT.notes']) fs.utimesSync(path.join(dir, name), HOUR_AGO, HOUR_AGO);
  return dir;
}

describe('INDEX_DIR that is not Isnad’s', () => {
  it('refuses a folder that is not empty and not ours, and changes nothing in it', async () => {
    const folder = someonesFolder();
    const before = snapshotOf(folder);
    await expect(open(copyOfSeeds(), folder)).rejects.toMatchObject({
      code: 'INDEX_DIR_UNSAFE',
      message: expect.stringMatching(/INDEX_DIR .* is not empty and was not made by Isnad.*Point INDEX_DIR at an empty or new folder/),
    });
    expect(snapshotOf(folder)).toEqual(before);
  });

  it('refuses before loading the model (which can take minutes), and `npm run ingest` too', async () => {
    const folder = someonesFolder();
    let modelLoads = 0;
    const config = loadConfig({ DOCS_DIR: copyOfSeeds(), INDEX_DIR: folder, MODEL_ID: 'none' });
    const loadModel = async () => {
      modelLoads++;
      return lexicalOnly();
    };
    await expect(openCollection(config, { log: silentLogger, loadModel })).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE' });
    await expect(ingestDocuments(config, { log: silentLogger, loadModel })).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE' });
    expect(modelLoads).toBe(0);
  });

  it('refuses the home folder, even an empty one', async () => {
    const home = tempDir('isnad-home-');
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      await expect(open(copyOfSeeds(), home)).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE', message: expect.stringContaining('home folder') });
    } finally {
      process.env.HOME = saved;
    }
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('refuses / without reading or writing there', async () => {
    await expect(new IndexDirectory('/', copyOfSeeds()).load()).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE', message: expect.stringContaining('filesystem root') });
  });

  it('refuses INDEX_DIR equal to DOCS_DIR: no document deleted, the index never indexes itself', async () => {
    const docs = copyOfSeeds();
    fs.writeFileSync(path.join(docs, 'gen-history.md'), '# تاريخ الجولات\nالجولة الأولى في أستانا.\n');
    fs.utimesSync(path.join(docs, 'gen-history.md'), HOUR_AGO, HOUR_AGO);
    const before = snapshotOf(docs);
    await expect(open(docs, docs)).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE', message: expect.stringContaining('same folder') });
    await expect(open(docs, path.join(docs, '.'))).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE' });
    expect(snapshotOf(docs)).toEqual(before);
  });

  it('refuses an INDEX_DIR inside DOCS_DIR and a DOCS_DIR inside INDEX_DIR', async () => {
    const docs = copyOfSeeds();
    await expect(open(docs, path.join(docs, 'index'))).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE', message: expect.stringContaining('is inside DOCS_DIR') });
    expect(fs.existsSync(path.join(docs, 'index'))).toBe(false);

    const outer = tempDir();
    const innerDocs = path.join(outer, 'docs');
    fs.cpSync(docs, innerDocs, { recursive: true });
    await expect(open(innerDocs, outer)).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE', message: expect.stringContaining('is inside INDEX_DIR') });
  });

  it('refuses INDEX_DIR=. in a clone: ./gen-keep survives', async () => {
    const clone = tempDir('isnad-clone-');
    fs.writeFileSync(path.join(clone, 'package.json'), '{}');
    fs.mkdirSync(path.join(clone, 'gen-keep'));
    fs.writeFileSync(path.join(clone, 'gen-keep', 'notes.md'), 'keep me');
    fs.utimesSync(path.join(clone, 'gen-keep'), HOUR_AGO, HOUR_AGO);
    await expect(open(copyOfSeeds(), clone)).rejects.toMatchObject({ code: 'INDEX_DIR_UNSAFE' });
    expect(fs.readFileSync(path.join(clone, 'gen-keep', 'notes.md'), 'utf8')).toBe('keep me');
  });
});

describe('INDEX_DIR that is Isnad’s', () => {
  it('claims an empty folder (or one with only .gitkeep) with a versioned marker, then serves', async () => {
    const indexDir = tempDir();
    fs.writeFileSync(path.join(indexDir, '.gitkeep'), '');
    const collection = await open(copyOfSeeds(), indexDir);
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(indexDir, '.isnad-index'), 'utf8'))).toEqual({ isnad: 'index folder', markerVersion: 1 });
    expect(fs.existsSync(path.join(currentGeneration(indexDir), '.isnad-generation'))).toBe(true);
  });

  it('cleanup removes old generations it made, and nothing else, even under look-alike names', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    const collection = await open(docs, indexDir);
    const first = currentGeneration(indexDir);
    // Things a person put there afterwards, named like ours, plus a copied generation without our marker.
    fs.mkdirSync(path.join(indexDir, 'gen-notes'));
    const lookalike = path.join(indexDir, 'gen-2020-01-01T00-00-00-000Z-abcdef');
    fs.mkdirSync(lookalike);
    fs.writeFileSync(path.join(lookalike, 'mine.txt'), 'x');
    fs.appendFileSync(path.join(docs, fs.readdirSync(docs)[0]!), '\nسطر جديد.\n');
    await collection.reindex(); // touches `first`: a reader may still be loading it
    for (const p of [first, path.join(indexDir, 'gen-notes'), lookalike]) fs.utimesSync(p, HOUR_AGO, HOUR_AGO);
    fs.appendFileSync(path.join(docs, fs.readdirSync(docs)[0]!), '\nسطر آخر.\n'); // an unchanged reindex writes nothing
    await collection.reindex();
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.existsSync(path.join(indexDir, 'gen-notes'))).toBe(true);
    expect(fs.readFileSync(path.join(lookalike, 'mine.txt'), 'utf8')).toBe('x');
  });

  it('adopts an index written before the marker existed', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    await open(docs, indexDir);
    fs.rmSync(path.join(indexDir, '.isnad-index'));
    fs.rmSync(path.join(currentGeneration(indexDir), '.isnad-generation'));
    const collection = await open(docs, indexDir);
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    fs.appendFileSync(path.join(docs, fs.readdirSync(docs)[0]!), '\nسطر جديد.\n'); // the next write claims the folder
    await collection.reindex();
    expect(fs.existsSync(path.join(indexDir, '.isnad-index'))).toBe(true);
  });
});

describe('CURRENT', () => {
  it('is followed only to a generation of our own inside INDEX_DIR: a forged index elsewhere is never served', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    await open(docs, indexDir);
    const real = currentGeneration(indexDir);

    // A forged index, built elsewhere from the same file names with invented text, made to look current.
    const forgedDocs = tempDir();
    for (const name of fs.readdirSync(docs)) fs.writeFileSync(path.join(forgedDocs, name), 'FORGED وفد النظام السوري يرأسه شخص مختلق تماما.\n');
    const elsewhere = path.join(tempDir(), 'elsewhere');
    await open(forgedDocs, elsewhere);
    const forged = currentGeneration(elsewhere);
    const realManifest = JSON.parse(fs.readFileSync(path.join(real, 'manifest.json'), 'utf8'));
    const forgedManifest = JSON.parse(fs.readFileSync(path.join(forged, 'manifest.json'), 'utf8'));
    fs.writeFileSync(path.join(forged, 'manifest.json'), JSON.stringify({ ...forgedManifest, docsDir: realManifest.docsDir, files: realManifest.files }));
    resign(forged);

    for (const pointer of [path.relative(indexDir, forged), forged]) {
      fs.writeFileSync(path.join(indexDir, 'CURRENT'), pointer);
      await expect(new IndexDirectory(indexDir).load()).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('not an index generation of this folder') });
      const lines: string[] = [];
      const collection = await open(docs, indexDir, lines);
      const answer = await collection.ask(QUESTION);
      expect(answer.answered).toBe(true);
      expect([...answer.results, ...answer.closest].some((p) => p.text.includes('FORGED'))).toBe(false);
      expect(collection.searchPassages('FORGED', 5)).toEqual([]);
      expect(lines.join('\n')).toContain('Rebuilding the index');
    }

    // A name of our pattern that is a link to the forged generation is refused too.
    const linkName = 'gen-2030-01-01T00-00-00-000Z-abcdef';
    fs.symlinkSync(forged, path.join(indexDir, linkName));
    fs.writeFileSync(path.join(indexDir, 'CURRENT'), linkName);
    await expect(new IndexDirectory(indexDir).load()).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('not a folder here') });
  }, 30_000);
});
