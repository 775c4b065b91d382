/**
 * A served graph moved from its mapped file into process memory (UsearchVectorStore.makeResident, run by the
 * bot after start-up through warm): the same hits before and after, questions answered during and after the
 * swap, stopped when told, nothing for a store without a graph, and a file replaced since it was loaded is
 * never swapped in (the store keeps serving the graph it had).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowRankSet } from '../../src/bench/vector-sets.js';
import { UsearchVectorStore } from '../../src/store/usearch-store.js';
import type { VectorItem } from '../../src/index/vector-store.js';
import { tempDir } from '../helpers/temp.js';

const GRAPH_AT = 500;
const dims = 32;
const set = lowRankSet(2000, 30, dims, 11, 8);
const items: VectorItem[] = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, vector: set.matrix.slice(i * dims, (i + 1) * dims) }));

async function savedStore(): Promise<{ dir: string; store: UsearchVectorStore }> {
  const built = tempDir();
  await (await UsearchVectorStore.build(dims, items, null, GRAPH_AT)).save(built);
  // Loaded from a copy: the built store still maps the file it saved, until it is collected.
  const dir = tempDir();
  fs.cpSync(built, dir, { recursive: true });
  return { dir, store: await UsearchVectorStore.load(dir) };
}
const hitsOf = (store: UsearchVectorStore) => Promise.all(set.queries.map((q) => store.query(q, 10)));
/** Whether this process maps `file` (the graph served as a view of it). */
const mapped = (file: string) => fs.readFileSync('/proc/self/maps', 'utf8').includes(file);

describe('UsearchVectorStore.makeResident', () => {
  it('serves the same hits from memory as from the mapped file, which it no longer maps', async () => {
    const { dir, store } = await savedStore();
    const graphFile = path.join(dir, 'usearch.bin');
    const before = await hitsOf(store);
    expect(mapped(graphFile)).toBe(true);
    const done = await store.makeResident(undefined, 0);
    expect(done.state).toBe('resident');
    expect(mapped(graphFile)).toBe(false);
    expect(await hitsOf(store)).toEqual(before);
    expect((await store.makeResident(undefined, 0)).state).toBe('already');
  });

  it('answers questions asked while it runs and right after the swap', async () => {
    const { store } = await savedStore();
    const before = await hitsOf(store);
    const making = store.makeResident(undefined, 0);
    const during = await Promise.all(set.queries.map(async (q, i) => {
      for (let turn = 0; turn < i % 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      return store.query(q, 10);
    }));
    expect((await making).state).toBe('resident');
    expect(during).toEqual(before);
    expect(await hitsOf(store)).toEqual(before);
  });

  it('is part of warm, as the bot runs it after loading, from RESIDENT_MIN_SIZE vectors on', async () => {
    const { dir, store } = await savedStore();
    await store.warm(undefined, 5);
    expect(mapped(path.join(dir, 'usearch.bin'))).toBe(true); // 2000 vectors: served from its file
    expect((await store.makeResident()).state).toBe('small');
    await store.warm(undefined, 5, 0);
    expect(mapped(path.join(dir, 'usearch.bin'))).toBe(false);
    expect((await store.makeResident(undefined, 0)).state).toBe('already');
  });

  it('stops when told (the bot closing, or another index served) and keeps serving the view', async () => {
    const { dir, store } = await savedStore();
    const before = await hitsOf(store);
    let asked = 0;
    const done = await store.makeResident(() => ++asked > 1, 0);
    expect(done.state).toBe('stopped');
    expect(mapped(path.join(dir, 'usearch.bin'))).toBe(true);
    expect(await hitsOf(store)).toEqual(before);
    expect((await store.makeResident(undefined, 0)).state).toBe('resident');
  });

  it('does nothing for a store without a graph', async () => {
    const small = await UsearchVectorStore.build(dims, items.slice(0, 100), null, GRAPH_AT);
    expect(small.hasGraph).toBe(false);
    expect((await small.makeResident(undefined, 0)).state).toBe('no-graph');
    expect((await small.query(set.queries[0]!, 3)).length).toBe(3);
  });

  it('never swaps in a graph file replaced since it was loaded: it says so and keeps serving the graph it had', async () => {
    const { dir, store } = await savedStore();
    const before = await hitsOf(store);
    const other = tempDir();
    await (await UsearchVectorStore.build(dims, items.slice(0, 1000), null, GRAPH_AT)).save(other);
    fs.renameSync(path.join(other, 'usearch.bin'), path.join(dir, 'usearch.bin'));
    const done = await store.makeResident(undefined, 0);
    expect(done).toMatchObject({ state: 'failed', reason: expect.stringContaining('replaced') });
    expect(await hitsOf(store)).toEqual(before);
  });
});
