import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowRankSet } from '../../src/bench/vector-sets.js';
import { UsearchVectorStore } from '../../src/store/usearch-store.js';
import { graphKeyOf, labelOfGraphKey, RECORDLESS_SHAPE } from '../../src/store/graph-shape.js';
import type { VectorItem } from '../../src/index/vector-store.js';
import { tempDir } from '../helpers/temp.js';

// A small graph threshold keeps these fast; the code paths are those of a large collection.
const GRAPH_AT = 500;
const dims = 32;
const set = lowRankSet(2100, 20, dims, 7, 8);
const itemsOf = (from: number, to: number): VectorItem[] =>
  Array.from({ length: to - from }, (_, i) => ({ id: `p${from + i}`, vector: set.matrix.slice((from + i) * dims, (from + i + 1) * dims) }));
const metaOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'usearch.json'), 'utf8'));
const writeMeta = (dir: string, meta: unknown) => fs.writeFileSync(path.join(dir, 'usearch.json'), JSON.stringify(meta));

async function saved(store: UsearchVectorStore): Promise<string> {
  const dir = tempDir();
  await store.save(dir);
  return dir;
}

describe('the vector graph records what it was built with', () => {
  it('a connectivity-32 graph says so in usearch.json, loads back as 32, and a small update keeps it', async () => {
    const dir = await saved(await UsearchVectorStore.build(dims, itemsOf(0, 2000), null, GRAPH_AT, 32));
    expect(metaOf(dir).shape).toEqual({ connectivity: 32, expansionAdd: 128, quantization: 'i8', metric: 'ip', keys: 'mixed' });
    const loaded = await UsearchVectorStore.load(dir);
    expect(loaded.shape.connectivity).toBe(32);
    // 1 % replaced, no connectivity asked for: the graph is patched, not rebuilt, and stays 32.
    const next = await UsearchVectorStore.build(dims, [...itemsOf(20, 2000), ...itemsOf(2000, 2020)], loaded, GRAPH_AT);
    expect(next.lastUpdate).toEqual({ kind: 'incremental', added: 20, removed: 20 });
    const reloaded = await UsearchVectorStore.load(await saved(next));
    expect(reloaded.shape.connectivity).toBe(32);
    for (const added of itemsOf(2000, 2020)) expect((await reloaded.query(added.vector, 1))[0]!.id).toBe(added.id);
  }, 60_000);

  it('an index written before the shape was recorded loads as connectivity 16 with the same answers, and is rebuilt when a denser graph is wanted', async () => {
    const store = await UsearchVectorStore.build(dims, itemsOf(0, 2000), null, GRAPH_AT, RECORDLESS_SHAPE);
    const dir = await saved(store);
    const { shape: _recorded, ...old } = metaOf(dir);
    writeMeta(dir, old);
    const loaded = await UsearchVectorStore.load(dir);
    expect(loaded.shape.connectivity).toBe(16);
    for (const q of set.queries) expect(await loaded.query(q, 10)).toEqual(await store.query(q, 10));
    const patched = await UsearchVectorStore.build(dims, [...itemsOf(20, 2000), ...itemsOf(2000, 2020)], loaded, GRAPH_AT, 16);
    expect(patched.lastUpdate.kind).toBe('incremental');
    const upgraded = await UsearchVectorStore.build(dims, [...itemsOf(20, 2000), ...itemsOf(2000, 2020)], loaded, GRAPH_AT, 32);
    expect(upgraded.lastUpdate).toEqual({ kind: 'full', added: 2000, removed: 0 });
    expect((await UsearchVectorStore.load(await saved(upgraded))).shape.connectivity).toBe(32);
    await patched.discard();
    // With no connectivity asked for (a reindex), the old graph is rebuilt as a denser one: the upgrade path.
    const reindexed = await UsearchVectorStore.build(dims, [...itemsOf(20, 2000), ...itemsOf(2000, 2020)], loaded, GRAPH_AT);
    expect(reindexed.lastUpdate.kind).toBe('full');
    expect(reindexed.shape.connectivity).toBeGreaterThan(16);
    await reindexed.discard();
  }, 60_000);

  it('a new graph keys its labels spread apart (usearch removes a key by scanning its run), and maps them back for every hit', async () => {
    const shape = { ...RECORDLESS_SHAPE, connectivity: 32, keys: 'mixed' as const };
    // The mapping is a bijection: labels come back from their keys, and neighbouring labels are far apart as keys.
    for (const label of [0, 1, 2, 999_999, 2 ** 31, 2 ** 32 - 1]) expect(labelOfGraphKey(graphKeyOf(label, shape), shape)).toBe(label);
    const keys = Array.from({ length: 1000 }, (_, label) => graphKeyOf(label, shape)).sort((a, b) => a - b);
    expect(Math.min(...keys.slice(1).map((key, i) => key - keys[i]!))).toBeGreaterThan(1000);
    // A patched graph with mixed keys: removed passages are gone and new ones found, before and after a reload.
    const store = await UsearchVectorStore.build(dims, itemsOf(0, 2000), null, GRAPH_AT);
    expect(store.shape.keys).toBe('mixed');
    const next = await UsearchVectorStore.build(dims, [...itemsOf(20, 2000), ...itemsOf(2000, 2020)], store, GRAPH_AT);
    expect(next.lastUpdate).toEqual({ kind: 'incremental', added: 20, removed: 20 });
    for (const served of [next, await UsearchVectorStore.load(await saved(next))]) {
      for (const added of itemsOf(2000, 2020)) expect((await served.query(added.vector, 1))[0]!.id).toBe(added.id);
      for (const gone of itemsOf(0, 20)) expect((await served.query(gone.vector, 10)).map((hit) => hit.id)).not.toContain(gone.id);
    }
    await store.discard();
  }, 60_000);

  it('a recorded shape that does not match the graph file, or that this version cannot serve, is INDEX_CORRUPT (so the index is rebuilt)', async () => {
    const dir = await saved(await UsearchVectorStore.build(dims, itemsOf(0, 1000), null, GRAPH_AT, 16));
    const meta = metaOf(dir);
    writeMeta(dir, { ...meta, shape: { ...meta.shape, connectivity: 32 } });
    await expect(UsearchVectorStore.load(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/usearch\.bin has connectivity 16, usearch\.json records 32/) });
    writeMeta(dir, { ...meta, shape: { ...meta.shape, quantization: 'b1' } });
    await expect(UsearchVectorStore.load(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('graph shape this version cannot serve') });
    writeMeta(dir, { ...meta, shape: { ...meta.shape, keys: 'hashed' } });
    await expect(UsearchVectorStore.load(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('graph shape this version cannot serve') });
  }, 60_000);
});
