import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowRankSet } from '../../src/bench/vector-sets.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { FORMAT_VERSION, type Manifest } from '../../src/index/snapshot.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { UsearchVectorStore } from '../../src/store/usearch-store.js';
import { writeIds } from '../../src/store/vector-ids.js';
import { resign } from '../helpers/index-files.js';
import { tempDir } from '../helpers/temp.js';

// A small graph threshold keeps this fast; the load path is that of a 1M index.
const GRAPH_AT = 500;
const dims = 16;
const n = 1200;
const set = lowRankSet(n, 5, dims, 11, 4);

/** A published index of `n` passages whose usearch store has a graph. */
async function published(): Promise<{ indexDir: string; generation: string; ids: string[] }> {
  const passages = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, source: 'a.txt', start: i * 10, end: i * 10 + 9, line: i + 1, text: `w${i % 97}`.padEnd(9, '.') }));
  const lexical = new Bm25Builder();
  for (const p of passages) lexical.add([p.text.slice(0, 3)]);
  const items = passages.map((p, row) => ({ id: p.id, vector: set.matrix.slice(row * dims, (row + 1) * dims) }));
  const vectors = await UsearchVectorStore.build(dims, items, null, GRAPH_AT);
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION, chunkerVersion: 1, analyzerVersion: 1, model: { id: 'synthetic', dimensions: dims, variant: '' },
    vectorStore: 'usearch', docsDir: '/nowhere', builtAt: new Date().toISOString(), passages: n, files: [], skipped: [],
  };
  const indexDir = path.join(tempDir(), 'index');
  const generation = await new IndexDirectory(indexDir).publish({ manifest, passages, lexical: lexical.finish(), vectors });
  return { indexDir, generation, ids: passages.map((p) => p.id) };
}

async function hitsOf(indexDir: string) {
  const snapshot = await new IndexDirectory(indexDir).load();
  expect(snapshot?.vectors).toBeInstanceOf(UsearchVectorStore);
  expect((snapshot!.vectors as UsearchVectorStore).hasGraph).toBe(true);
  return Promise.all(set.queries.map((q) => snapshot!.vectors!.query(q, 10)));
}

describe("a usearch store's ids kept with the passages", () => {
  it('are not written twice, and the index loads with the same hits as the same index in the format before (vector-ids.json)', async () => {
    const { indexDir, generation, ids } = await published();
    expect(fs.existsSync(path.join(generation, 'vector-ids.json'))).toBe(false);
    const hits = await hitsOf(indexDir);
    expect(hits.flat().length).toBe(set.queries.length * 10);
    expect(new Set(hits.flat().map((h) => h.id)).size).toBeGreaterThan(10);

    // The same generation as format 2 wrote it: its ids in vector-ids.json, usearch.json silent about them.
    await writeIds(generation, dims, ids);
    const metaFile = path.join(generation, 'usearch.json');
    const { ids: _ids, dimensions: _dimensions, ...meta } = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    fs.writeFileSync(metaFile, JSON.stringify(meta));
    const manifestFile = path.join(generation, 'manifest.json');
    fs.writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, 'utf8')), formatVersion: 2 }));
    resign(generation);
    expect(await hitsOf(indexDir)).toEqual(hits);
  }, 60_000);

  it('a store saved with its passage ids is refused, with the file named, when loaded without them', async () => {
    const { generation } = await published();
    await expect(UsearchVectorStore.load(generation)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/usearch\.json keeps its vectors' ids with the passages/) });
  }, 60_000);
});
