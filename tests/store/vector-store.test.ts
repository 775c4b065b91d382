import { describe, expect, it } from 'vitest';
import { FlatVectorStore } from '../../src/store/flat-store.js';
import type { VectorStore } from '../../src/index/vector-store.js';
import { topKIndices } from '../../src/index/top-k.js';
import { VectraVectorStore } from '../../src/store/vectra-store.js';
import { GRAPH_MIN_SIZE, HnswVectorStore } from '../../src/store/hnsw-store.js';
import { UsearchVectorStore } from '../../src/store/usearch-store.js';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp.js';

function unit(values: number[]): Float32Array {
  const v = Float32Array.from(values);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const items = [
  { id: 'north', vector: unit([0, 1, 0]) },
  { id: 'east', vector: unit([1, 0, 0]) },
  { id: 'north-east', vector: unit([1, 1, 0]) },
  { id: 'up', vector: unit([0, 0, 1]) },
];

const stores: Array<[string, (dims: number) => VectorStore, (dir: string, dims: number) => Promise<VectorStore>]> = [
  ['usearch', (d) => UsearchVectorStore.create(d), (dir) => UsearchVectorStore.load(dir)],
  ['hnsw', (d) => HnswVectorStore.create(d), (dir) => HnswVectorStore.load(dir)],
  ['flat', (d) => new FlatVectorStore(d), (dir) => FlatVectorStore.load(dir)],
  ['vectra', (d) => VectraVectorStore.create(d), (dir, d) => VectraVectorStore.load(dir, d)],
];

describe.each(stores)('%s vector store', (_name, create, load) => {
  it('finds nearest vectors by cosine, best first, after a save and load', async () => {
    const store = create(3);
    await store.add(items);
    const dir = tempDir();
    await store.save(dir);
    const loaded = await load(dir, 3);
    expect(loaded.size).toBe(4);
    const hits = await loaded.query(unit([1, 0.9, 0]), 2);
    expect(hits.map((h) => h.id)).toEqual(['north-east', 'east']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(Array.from(loaded.get('up')!)).toEqual(Array.from(items[3]!.vector));
    expect(loaded.get('missing')).toBeUndefined();
  });
});

describe('FlatVectorStore', () => {
  it('rejects a vector file whose size does not match its ids', async () => {
    const store = new FlatVectorStore(3);
    await store.add(items);
    const dir = tempDir();
    await store.save(dir);
    const fs = await import('node:fs');
    fs.truncateSync(`${dir}/vectors.f32`, 20);
    await expect(FlatVectorStore.load(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('vectors.f32') });
  });

  it('rejects a vector of the wrong dimension', async () => {
    await expect(new FlatVectorStore(4).add(items)).rejects.toThrow(/dimensions/);
  });
});

describe('topKIndices', () => {
  it('matches a full sort', () => {
    const scores = Float32Array.from({ length: 500 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const expected = [...scores].map((score, index) => ({ index, score })).sort((a, b) => b.score - a.score).slice(0, 10);
    expect(topKIndices(scores, 10).map((h) => h.index)).toEqual(expected.map((h) => h.index));
  });
});

describe('HnswVectorStore above the graph threshold', () => {
  const dims = 16;
  const count = GRAPH_MIN_SIZE + 500;
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const vectors = Array.from({ length: count }, (_, i) => ({ id: `p${i}`, vector: unit(Array.from({ length: dims }, random)) }));

  it('finds nearly the same neighbours as an exact scan, from a saved graph', async () => {
    const store = HnswVectorStore.create(dims);
    await store.add(vectors);
    const dir = tempDir();
    await store.save(dir);
    expect(fs.existsSync(path.join(dir, 'hnsw.bin'))).toBe(true);
    const loaded = await HnswVectorStore.load(dir);
    const exact = new FlatVectorStore(dims);
    await exact.add(vectors);
    let found = 0;
    const queries = 50;
    for (let q = 0; q < queries; q++) {
      const query = unit(Array.from({ length: dims }, random));
      const truth = new Set(exact.querySync(query, 10).map((h) => h.id));
      const hits = await loaded.query(query, 10);
      found += hits.filter((h) => truth.has(h.id)).length;
      expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[hits.length - 1]!.score);
    }
    expect(found / (queries * 10)).toBeGreaterThan(0.9);
  }, 60_000);

  it('reports a missing graph file as INDEX_CORRUPT naming it', async () => {
    const store = HnswVectorStore.create(dims);
    await store.add(vectors);
    const dir = tempDir();
    await store.save(dir);
    fs.rmSync(path.join(dir, 'hnsw.bin'));
    await expect(HnswVectorStore.load(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('hnsw.bin') });
  }, 60_000);
});
