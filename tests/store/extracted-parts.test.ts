/**
 * An update links the previous generation's extracted-text parts for the documents it keeps and writes
 * only the new texts; quotes read the same text either way, and the linked generation stays intact.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/ingest/build-index.js';
import { parseManifest, type PreviousIndex } from '../../src/index/snapshot.js';
import { verifyChecksums } from '../../src/store/checksums.js';
import { extractedReader, readExtracted } from '../../src/store/extracted-files.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { testBuildOptions } from '../helpers/build-options.js';
import { currentGeneration } from '../helpers/index-files.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const build = (docsDir: string, previous: PreviousIndex | null) => buildIndex(testBuildOptions(docsDir, previous));

const parts = (dir: string) => fs.readdirSync(dir).filter((name) => /^extracted.*\.txt$/.test(name)).sort();
const inode = (dir: string, name: string) => fs.statSync(path.join(dir, name)).ino;

async function hashedWhole(dir: string): Promise<void> {
  const file = path.join(dir, 'manifest.json');
  const manifest = parseManifest(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  await verifyChecksums(dir, manifest, new Set(['manifest.json', '.isnad-generation']), file, true);
  for (const [name, stamp] of Object.entries(manifest.stamps!)) expect(fs.statSync(path.join(dir, name)).mtimeMs, name).toBe(stamp.mtimeMs);
}

describe('extracted text parts', () => {
  it('an update links the kept texts and writes the new ones; every document reads back as a full build stores it', async () => {
    const docs = copyOfSeeds();
    const directory = new IndexDirectory(path.join(tempDir(), 'index'));
    const gen1 = await directory.publish((await build(docs, null)).snapshot);
    expect(parts(gen1)).toEqual(['extracted.txt']);
    fs.writeFileSync(path.join(docs, 'added.txt'), 'وصلت القافلة الزرقاء إلى الميناء الشمالي.\n');
    const gen2 = await directory.publish((await build(docs, await directory.loadReusable(currentGeneration(directory.root)))).snapshot);
    expect(parts(gen2)).toEqual(['extracted-1.txt', 'extracted.txt']);
    expect(inode(gen2, 'extracted.txt')).toBe(inode(gen1, 'extracted.txt'));
    expect(fs.readFileSync(path.join(gen2, 'extracted-1.txt'), 'utf8')).toBe('وصلت القافلة الزرقاء إلى الميناء الشمالي.\n');

    const full = await new IndexDirectory(path.join(tempDir(), 'index')).publish((await build(docs, null)).snapshot);
    const expected = await readExtracted(full);
    expect(await readExtracted(gen2)).toEqual(expected);
    const quote = extractedReader(gen2);
    for (const [source, text] of expected) expect(await quote(source)).toBe(text.text);
    await hashedWhole(gen1);
    await hashedWhole(gen2);
  });

  it('writes every text into one part again once most of the linked bytes belong to removed documents', async () => {
    const docs = copyOfSeeds();
    const directory = new IndexDirectory(path.join(tempDir(), 'index'));
    await directory.publish((await build(docs, null)).snapshot);
    const seeds = fs.readdirSync(docs).sort();
    for (const name of seeds.slice(0, 3)) fs.rmSync(path.join(docs, name));
    const gen2 = await directory.publish((await build(docs, await directory.loadReusable(currentGeneration(directory.root)))).snapshot);
    expect(parts(gen2)).toHaveLength(1);
    expect(fs.statSync(path.join(gen2, parts(gen2)[0]!)).size).toBe(fs.statSync(path.join(docs, seeds[3]!)).size);
    expect([...(await readExtracted(gen2)).keys()]).toEqual([seeds[3]]);
  });
});
