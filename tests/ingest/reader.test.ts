import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { plainTextReader, readerFor, readersChanged, readerVersions } from '../../src/ingest/reader.js';
import { openCollection } from '../../src/open-collection.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const noModel = async () => ({ embedder: null, status: { loaded: false as const, modelId: null, reason: 'disabled' } });

describe('plain-text reader (.txt, .md)', () => {
  it('reads UTF-8 as is, dropping only a leading BOM', async () => {
    expect(await plainTextReader.read(Buffer.from('\uFEFFسطر\r\nline 2', 'utf8'))).toEqual({ text: 'سطر\r\nline 2' });
  });

  it('refuses UTF-16, binary and invalid UTF-8 with a reason the user can act on', async () => {
    expect(await plainTextReader.read(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ reason: 'UTF-16 encoded; re-save it as UTF-8' });
    expect(await plainTextReader.read(Buffer.from([0x41, 0x00, 0x42]))).toEqual({ reason: 'binary file (contains NUL bytes)' });
    expect(await plainTextReader.read(Buffer.from([0xc3, 0x28]))).toEqual({ reason: 'not valid UTF-8; re-save it as UTF-8' });
  });

  it('is chosen by extension, case-insensitively; other types have no reader', () => {
    expect(readerFor('notes/a.TXT')).toBe(plainTextReader);
    expect(readerFor('b.md')).toBe(plainTextReader);
    expect(readerFor('c.pdf')?.name).toBe('pdf');
    expect(readerFor('c.doc')).toBeUndefined();
    expect(readerFor('README')).toBeUndefined();
  });
});

describe('reader versions in the manifest', () => {
  it('names the reader whose version differs from the one the index was built with', () => {
    expect(readersChanged(readerVersions())).toBeNull();
    expect(readersChanged({ ...readerVersions(), 'plain-text': undefined as unknown as number })).toMatch(/document reader plain-text changed \(version unrecorded → \d+\)/);
    expect(readersChanged({ 'plain-text': 0 })).toMatch(/version 0 → \d+/);
  });

  it('a reader upgrade makes the next open reindex, saying why', async () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    const config = loadConfig({ DOCS_DIR: copyOfSeeds(), INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
    await openCollection(config, { log, loadModel: noModel });
    const generation = path.join(config.indexDir, fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8'));
    const manifestFile = path.join(generation, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    expect(manifest.readers).toEqual(readerVersions());
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, readers: { 'plain-text': 0 } }));
    lines.length = 0;
    await openCollection(config, { log, loadModel: noModel });
    expect(lines.join('\n')).toMatch(/full rebuild: document reader plain-text changed \(version 0 → \d+\)/);
  });
});
