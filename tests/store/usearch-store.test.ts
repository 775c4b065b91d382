import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowRankSet, randomSet, recallAtK } from '../../src/bench/vector-sets.js';
import { FlatVectorStore } from '../../src/store/flat-store.js';
import { UsearchVectorStore } from '../../src/store/usearch-store.js';
import { searchSettings, warmSearches } from '../../src/store/graph-search.js';
import type { VectorItem } from '../../src/index/vector-store.js';
import { tempDir } from '../helpers/temp.js';

/** A vector's own bytes (a store may hand out a view into a larger array). */
const bytesOf = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

// A small graph threshold keeps these fast; the code paths are those of a 100k collection.
const GRAPH_AT = 500;
const dims = 32;
const set = lowRankSet(3000, 40, dims, 7, 8);
const itemsOf = (from: number, to: number, prefix = 'p'): VectorItem[] =>
  Array.from({ length: to - from }, (_, i) => ({ id: `${prefix}${from + i}`, vector: set.matrix.slice((from + i) * dims, (from + i + 1) * dims) }));

async function recall(store: UsearchVectorStore, items: VectorItem[]): Promise<number> {
  const exact = new FlatVectorStore(dims);
  await exact.add(items);
  const truth = set.queries.map((q) => exact.querySync(q, 10).map((h) => h.id));
  const got = await Promise.all(set.queries.map(async (q) => (await store.query(q, 10)).map((h) => h.id)));
  return recallAtK(truth, got, 10);
}

describe('UsearchVectorStore above the graph threshold', () => {
  it('finds the exact top 10 (re-scored graph candidates), from a saved and reloaded graph', async () => {
    const items = itemsOf(0, 2000);
    const store = await UsearchVectorStore.build(dims, items, null, GRAPH_AT);
    expect(store.lastUpdate.kind).toBe('full');
    const dir = tempDir();
    await store.save(dir);
    expect(fs.existsSync(path.join(dir, 'usearch.bin'))).toBe(true);
    const loaded = await UsearchVectorStore.load(dir);
    expect(loaded.hasGraph).toBe(true);
    expect(await recall(loaded, items)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('a loaded store scores from its vectors file: same hits and vectors as before saving, a copy saves whole', async () => {
    const items = itemsOf(0, 2000);
    const store = await UsearchVectorStore.build(dims, items, null, GRAPH_AT);
    const dir = tempDir();
    await store.save(dir);
    const loaded = await UsearchVectorStore.load(dir);
    for (const q of set.queries.slice(0, 10)) expect(await loaded.query(q, 10)).toEqual(await store.query(q, 10));
    // A few vectors one by one, then (past the threshold) all of them: identical either way.
    const differing = items.slice(0, 1500).filter((item) => !bytesOf(loaded.get(item.id)!).equals(bytesOf(item.vector)));
    expect(differing.map((item) => item.id)).toEqual([]);
    const copy = tempDir();
    const again = await UsearchVectorStore.load(dir);
    await again.save(copy);
    // The vectors by label, in segments of 4,096: 2,000 labels fit in one.
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('vectors'))).toEqual(['vectors-000000.f32']);
    expect(fs.readFileSync(path.join(copy, 'vectors-000000.f32'))).toEqual(fs.readFileSync(path.join(dir, 'vectors-000000.f32')));
  }, 60_000);

  it('a loaded store keeps serving after its generation folder is removed (an old one tidied away)', async () => {
    const items = itemsOf(0, 2000);
    const dir = tempDir();
    await (await UsearchVectorStore.build(dims, items, null, GRAPH_AT)).save(dir);
    const loaded = await UsearchVectorStore.load(dir);
    const before = await loaded.query(set.queries[0]!, 10);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(await loaded.query(set.queries[0]!, 10)).toEqual(before);
    // Past the one-by-one threshold the whole file is read, still through the open file.
    const last = items.slice(0, 1100).map((item) => loaded.get(item.id)!).at(-1)!;
    expect(bytesOf(last).equals(bytesOf(items[1099]!.vector))).toBe(true);
  }, 60_000);

  it('a vectors file cut short after loading is reported as INDEX_CORRUPT naming it, not as wrong scores', async () => {
    const items = itemsOf(0, 2000);
    const dir = tempDir();
    await (await UsearchVectorStore.build(dims, items, null, GRAPH_AT)).save(dir);
    const loaded = await UsearchVectorStore.load(dir);
    fs.truncateSync(path.join(dir, 'vectors-000000.f32'), 100 * dims * 4);
    await expect(Promise.all(set.queries.map((q) => loaded.query(q, 10)))).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
      message: expect.stringMatching(/vectors-000000\.f32 ends before label \d+/),
    });
  }, 60_000);

  it('patches the previous graph on a small change: removed passages are gone, new ones are found', async () => {
    const before = itemsOf(0, 2000);
    const first = await UsearchVectorStore.build(dims, before, null, GRAPH_AT);
    const dir = tempDir();
    await first.save(dir);
    const loaded = await UsearchVectorStore.load(dir);
    // 1 % of passages replaced: 20 removed, 20 added.
    const after = [...before.slice(20), ...itemsOf(2000, 2020)];
    const next = await UsearchVectorStore.build(dims, after, loaded, GRAPH_AT);
    expect(next.lastUpdate).toEqual({ kind: 'incremental', added: 20, removed: 20 });
    const dir2 = tempDir();
    await next.save(dir2);
    const reloaded = await UsearchVectorStore.load(dir2);
    for (const removed of before.slice(0, 20)) {
      const hits = await reloaded.query(removed.vector, 10);
      expect(hits.map((h) => h.id)).not.toContain(removed.id);
    }
    for (const added of after.slice(-20)) expect((await reloaded.query(added.vector, 1))[0]!.id).toBe(added.id);
    expect(await recall(reloaded, after)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('rebuilds from scratch when too much changed, and reuses the graph when nothing did', async () => {
    const before = itemsOf(0, 1000);
    const first = await UsearchVectorStore.build(dims, before, null, GRAPH_AT);
    const same = await UsearchVectorStore.build(dims, before, first, GRAPH_AT);
    expect(same.lastUpdate.kind).toBe('unchanged');
    const half = [...before.slice(500), ...itemsOf(1000, 1500)];
    const rebuilt = await UsearchVectorStore.build(dims, half, first, GRAPH_AT);
    expect(rebuilt.lastUpdate.kind).toBe('full');
    // Never saved: their temporary graph files are removed.
    for (const store of [rebuilt, same, first]) await store.discard();
  }, 60_000);

  it('reports a missing graph file as INDEX_CORRUPT naming it', async () => {
    const store = await UsearchVectorStore.build(dims, itemsOf(0, 1000), null, GRAPH_AT);
    const dir = tempDir();
    await store.save(dir);
    fs.rmSync(path.join(dir, 'usearch.bin'));
    await expect(UsearchVectorStore.load(dir)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('usearch.bin') });
  }, 60_000);

  it('a larger collection is searched wider, and a wider search finds more of the exact top 10', async () => {
    // Each size is searched at least as widely as every smaller one, and 1M clearly wider than 100k.
    const sizes = [10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000];
    for (const connectivity of [16, 24, 32, 48]) {
      const settings = sizes.map((size) => searchSettings(size, connectivity));
      for (let i = 1; i < sizes.length; i++) expect(settings[i]!.expansion).toBeGreaterThanOrEqual(settings[i - 1]!.expansion);
      expect(searchSettings(1_000_000, connectivity).expansion).toBeGreaterThan(searchSettings(100_000, connectivity).expansion);
    }
    // Random vectors (the hard case), re-scoring only the hits asked for: the expansion alone decides.
    const hard = randomSet(4000, 40, dims, 11);
    const items = Array.from({ length: 4000 }, (_, row) => ({ id: `r${row}`, vector: hard.matrix.slice(row * dims, (row + 1) * dims) }));
    const dir = tempDir();
    await (await UsearchVectorStore.build(dims, items, null, GRAPH_AT)).save(dir);
    const exact = new FlatVectorStore(dims, hard.matrix, items.map((i) => i.id));
    const truth = hard.queries.map((q) => exact.querySync(q, 10).map((h) => h.id));
    const recallWith = async (expansion: number) => {
      const store = await UsearchVectorStore.load(dir, { expansion, rescore: 0 });
      return recallAtK(truth, await Promise.all(hard.queries.map(async (q) => (await store.query(q, 10)).map((h) => h.id))));
    };
    const narrow = await recallWith(20);
    const wide = await recallWith(400);
    expect(wide).toBeGreaterThan(narrow);
    expect(wide).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('from 300k vectors only the graph\'s first hits are re-scored, still in exact order with exact scores and the same top 10', async () => {
    // Below the size whose graph is made resident nothing changes: twice the hits wanted, at least 100.
    expect(searchSettings(100_000, 32)).toMatchObject({ perHit: 2, rescore: 100 });
    expect(searchSettings(1_000_000, 32)).toMatchObject({ perHit: 1, rescore: 40 });
    expect(searchSettings(300_000, 32)).toMatchObject({ perHit: 1, rescore: 40 });
    const items = itemsOf(0, 2000);
    const dir = tempDir();
    await (await UsearchVectorStore.build(dims, items, null, GRAPH_AT)).save(dir);
    const deep = await UsearchVectorStore.load(dir, { rescore: 100, perHit: 2 });
    const shallow = await UsearchVectorStore.load(dir, { rescore: 40, perHit: 1 });
    const exact = new FlatVectorStore(dims, set.matrix.slice(0, 2000 * dims), items.map((i) => i.id));
    const dot = (id: string, q: Float32Array) => exact.get(id)!.reduce((sum, x, i) => sum + x * q[i]!, 0);
    for (const q of set.queries) {
      const hits = await shallow.query(q, 10);
      expect(hits).toHaveLength(10);
      for (const hit of hits) expect(hit.score).toBeCloseTo(dot(hit.id, q), 5);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    }
    expect(await recall(shallow, items)).toBeGreaterThanOrEqual(0.95);
    expect(await recall(shallow, items)).toBeGreaterThanOrEqual((await recall(deep, items)) - 0.02);
    // Asked for more hits than the minimum, it re-scores as many as asked: every one of them comes back.
    expect(await shallow.query(set.queries[0]!, 60)).toHaveLength(60);
  }, 60_000);

  it('warming a freshly loaded graph searches it in the background, changes no hit, and stops when told', async () => {
    const items = itemsOf(0, 2000);
    const dir = tempDir();
    await (await UsearchVectorStore.build(dims, items, null, GRAPH_AT)).save(dir);
    const cold = await UsearchVectorStore.load(dir);
    const expected = await Promise.all(set.queries.map((q) => cold.query(q, 10)));
    const loaded = await UsearchVectorStore.load(dir);
    // Questions asked while it warms are answered in between its searches (one per event-loop turn).
    let warmed = false;
    const warming = loaded.warm(undefined, 50).then((searched) => {
      warmed = true;
      return searched;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const during = await loaded.query(set.queries[0]!, 10);
    expect(warmed).toBe(false);
    expect(during).toEqual(expected[0]);
    expect(await warming).toBe(50);
    expect(await Promise.all(set.queries.map((q) => loaded.query(q, 10)))).toEqual(expected);
    // The size's rule by default; nothing when stopped, and nothing without a graph to page in.
    expect(await loaded.warm()).toBe(warmSearches(loaded.size));
    expect(await loaded.warm(() => true)).toBe(0);
    const small = await UsearchVectorStore.build(dims, itemsOf(0, 100), null, GRAPH_AT);
    expect(small.hasGraph).toBe(false);
    expect(await small.warm()).toBe(0);
  }, 60_000);
});
