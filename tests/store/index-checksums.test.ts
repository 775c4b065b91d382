/** Every file of an index generation is checked against its checksum: at load when its stamp moved, all of them by `ingest --check`. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { CountingEmbedder } from '../fakes/counting-embedder.js';
import { openCollection } from '../../src/open-collection.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { FORMAT_VERSION, type Manifest } from '../../src/index/snapshot.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { HnswVectorStore } from '../../src/store/hnsw-store.js';
import { currentGeneration } from '../helpers/index-files.js';
import { openLexical as open } from '../helpers/open-lexical.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';

describe('checksums', () => {
  it('a changed byte in any index file is caught by its checksum and the index rebuilt', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    const lines: string[] = [];
    await open(docs, indexDir, lines);
    const lexical = path.join(currentGeneration(indexDir), 'lexical.bin');
    const bytes = fs.readFileSync(lexical);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    fs.writeFileSync(lexical, bytes);
    const collection = await open(docs, indexDir, lines);
    expect(lines.join('\n')).toMatch(/lexical\.bin does not match its checksum in .*manifest\.json/);
    expect((await collection.ask(QUESTION)).answered).toBe(true);
  });

  it('covers files in subfolders too (vectra keeps its own folder)', async () => {
    const docs = copyOfSeeds();
    const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'test/counting', VECTOR_STORE: 'vectra' });
    const counting = async () => {
      const e = new CountingEmbedder();
      return { embedder: e, status: { loaded: true as const, modelId: e.modelId, dimensions: e.dimensions } };
    };
    await openCollection(config, { log: silentLogger, loadModel: counting });
    const generation = currentGeneration(config.indexDir);
    const manifest = JSON.parse(fs.readFileSync(path.join(generation, 'manifest.json'), 'utf8'));
    const vectraFiles = Object.keys(manifest.checksums).filter((name) => name.startsWith('vectra/'));
    expect(vectraFiles.length).toBeGreaterThan(0);
    expect(await new IndexDirectory(config.indexDir).load()).not.toBeNull();
    fs.appendFileSync(path.join(generation, vectraFiles[0]!), ' ');
    await expect(new IndexDirectory(config.indexDir).load()).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('does not match its checksum') });
  });

  it('a load trusts files whose size and time are as published; `ingest --check` hashes every one', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    await open(docs, indexDir);
    const generation = currentGeneration(indexDir);
    const files = Object.keys(JSON.parse(fs.readFileSync(path.join(generation, 'manifest.json'), 'utf8')).checksums);
    const check = (args: string[] = []) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--check', '--docs', docs, '--index', indexDir, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, MODEL_ID: 'none' },
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const healthy = check();
    expect(healthy).toMatchObject({ code: 0, stderr: '' });
    expect(healthy.stdout).toContain(`index ok: all ${files.length} files of ${generation} match their checksums`);

    // Damage that keeps size and time (a disk fault, a careful forger): the load does not hash, the check does.
    const passagesText = path.join(generation, 'passages.u16');
    const stat = fs.statSync(passagesText);
    const bytes = fs.readFileSync(passagesText);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
    fs.writeFileSync(passagesText, bytes);
    fs.utimesSync(passagesText, stat.atime, stat.mtime);
    expect(await new IndexDirectory(indexDir).load()).not.toBeNull();
    const damaged = check();
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toBe('');
    expect(damaged.stderr).toMatch(/passages\.u16 does not match its checksum in .*manifest\.json/);
    expect(damaged.stderr).toContain(`delete ${indexDir}/CURRENT and run \`npm run ingest\``);
    expect(damaged.stderr).toContain('[INDEX_CORRUPT]');
    // The check changed nothing: the index is still the damaged one, byte for byte.
    expect(fs.readFileSync(passagesText)).toEqual(bytes);
  }, 90_000);

  it('an index written before stamps were recorded has every file hashed at load', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    await open(docs, indexDir);
    const generation = currentGeneration(indexDir);
    const manifestFile = path.join(generation, 'manifest.json');
    const { stamps, ...older } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    expect(Object.keys(stamps).length).toBeGreaterThan(0);
    fs.writeFileSync(manifestFile, JSON.stringify(older));
    expect(await new IndexDirectory(indexDir).load()).not.toBeNull();
    const lexical = path.join(generation, 'lexical.bin');
    const stat = fs.statSync(lexical);
    const bytes = fs.readFileSync(lexical);
    bytes[0] = bytes[0]! ^ 0xff;
    fs.writeFileSync(lexical, bytes);
    fs.utimesSync(lexical, stat.atime, stat.mtime);
    await expect(new IndexDirectory(indexDir).load()).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/lexical\.bin does not match its checksum/) });
  });

  it('a corrupted hnsw.bin no longer kills the process: the load reports INDEX_CORRUPT instead', async () => {
    // A graph is only built from 10k vectors up; a synthetic one is quicker than a docs folder that big.
    const n = 10_000;
    const dimensions = 8;
    const passages = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, source: 'a.txt', start: i * 10, end: i * 10 + 9, line: i + 1, text: `w${i % 97}`.padEnd(9, '.') }));
    const lexical = new Bm25Builder();
    for (const p of passages) lexical.add([p.text.slice(0, 3)]);
    const vectors = HnswVectorStore.create(dimensions);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
    await vectors.add(passages.map((p) => {
      const v = new Float32Array(dimensions).map(random);
      const norm = Math.hypot(...v);
      return { id: p.id, vector: v.map((x) => x / norm) };
    }));
    const indexDir = path.join(tempDir(), 'index');
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION, chunkerVersion: 1, analyzerVersion: 1, model: { id: 'synthetic', dimensions, variant: '' },
      vectorStore: 'hnsw', docsDir: '/nowhere', builtAt: new Date().toISOString(), passages: n, files: [], skipped: [],
    };
    const generation = await new IndexDirectory(indexDir).publish({ manifest, passages, lexical: lexical.finish(), vectors });
    const loadInChild = () => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/store/load-index-child.ts', indexDir], { encoding: 'utf8', timeout: 60_000 });
      return { status: child.status, signal: child.signal, result: child.stdout.trim() ? JSON.parse(child.stdout.trim()) : null };
    };
    expect(loadInChild()).toMatchObject({ status: 0, result: { loaded: n, hits: 3 } });

    // 64 bytes of the graph header overwritten: hnswlib read this and crashed with SIGSEGV (exit 139).
    const graphFile = path.join(generation, 'hnsw.bin');
    const graph = fs.readFileSync(graphFile);
    graph.fill(0xff, 100, 164);
    fs.writeFileSync(graphFile, graph);
    const damaged = loadInChild();
    expect(damaged.signal).toBeNull();
    expect(damaged).toMatchObject({ status: 0, result: { code: 'INDEX_CORRUPT', message: expect.stringMatching(/hnsw\.bin does not match its checksum/) } });
  }, 90_000);
});
