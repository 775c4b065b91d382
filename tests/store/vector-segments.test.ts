/**
 * A graph store keeps its exact vectors by label in segments of 4,096: an update hard-links the full
 * segments it shares with the previous generation and writes only the rest. The linked files are the
 * published generation's own: nothing may change them, and an interrupted update must leave it whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowRankSet } from '../../src/bench/vector-sets.js';
import { buildIndex } from '../../src/ingest/build-index.js';
import { parseManifest, type IndexSnapshot } from '../../src/index/snapshot.js';
import type { VectorItem } from '../../src/index/vector-store.js';
import { verifyChecksums } from '../../src/store/checksums.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { UsearchVectorStore } from '../../src/store/usearch-store.js';
import { testBuildOptions } from '../helpers/build-options.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

/** A vector's own bytes (a store may hand out a view into a larger array). */
const bytesOf = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

const GRAPH_AT = 500;
const dims = 16;
const set = lowRankSet(9300, 5, dims, 3, 4);
const itemsOf = (from: number, to: number): VectorItem[] =>
  Array.from({ length: to - from }, (_, i) => ({ id: `p${from + i}`, vector: set.matrix.slice((from + i) * dims, (from + i + 1) * dims) }));
const segments = (dir: string) => fs.readdirSync(dir).filter((name) => /^vectors-\d+\.f32$/.test(name)).sort();
const inode = (dir: string, name: string) => fs.statSync(path.join(dir, name)).ino;

/** 9,000 vectors, then ~1 % replaced: 90 removed, 90 added. */
const first = () => itemsOf(0, 9000);
const second = () => [...itemsOf(90, 9000), ...itemsOf(9000, 9090)];
const third = () => [...itemsOf(180, 9000), ...itemsOf(9000, 9180)];

function manifestOf(dir: string) {
  const file = path.join(dir, 'manifest.json');
  return parseManifest(JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

/** Every file of generation `dir` hashed against its manifest (what `ingest --check` does), and its stamps as published. */
async function intact(dir: string): Promise<void> {
  const manifest = manifestOf(dir);
  await verifyChecksums(dir, manifest, new Set(['manifest.json', '.isnad-generation']), path.join(dir, 'manifest.json'), true);
  for (const [name, stamp] of Object.entries(manifest.stamps!)) {
    const stat = fs.statSync(path.join(dir, name));
    expect({ name, bytes: stat.size, mtimeMs: stat.mtimeMs }).toEqual({ name, ...stamp });
  }
}

describe('vector segments', () => {
  it('an update links the full segments it shares and writes the rest; every vector reads back the same', async () => {
    const dir1 = tempDir();
    await (await UsearchVectorStore.build(dims, first(), null, GRAPH_AT)).save(dir1);
    expect(segments(dir1)).toEqual(['vectors-000000.f32', 'vectors-000001.f32', 'vectors-000002.f32']);
    const next = await UsearchVectorStore.build(dims, second(), await UsearchVectorStore.load(dir1), GRAPH_AT);
    expect(next.lastUpdate.kind).toBe('incremental');
    const dir2 = tempDir();
    await next.save(dir2);
    expect(segments(dir2)).toEqual(segments(dir1));
    expect(inode(dir2, 'vectors-000000.f32')).toBe(inode(dir1, 'vectors-000000.f32'));
    expect(inode(dir2, 'vectors-000001.f32')).toBe(inode(dir1, 'vectors-000001.f32'));
    expect(inode(dir2, 'vectors-000002.f32')).not.toBe(inode(dir1, 'vectors-000002.f32')); // labels appended there

    const reloaded = await UsearchVectorStore.load(dir2);
    const wrong = second().filter((item) => !bytesOf(reloaded.get(item.id)!).equals(bytesOf(item.vector)));
    expect(wrong.map((item) => item.id)).toEqual([]);
    for (const added of itemsOf(9000, 9010)) expect((await reloaded.query(added.vector, 1))[0]!.id).toBe(added.id);
    expect(await reloaded.query(itemsOf(0, 1)[0]!.vector, 10)).not.toContainEqual(expect.objectContaining({ id: 'p0' }));
  }, 120_000);

  it('a segment cut short after loading is INDEX_CORRUPT naming it when all vectors are read (a reindex reusing them)', async () => {
    const dir = tempDir();
    await (await UsearchVectorStore.build(dims, first(), null, GRAPH_AT)).save(dir);
    const loaded = await UsearchVectorStore.load(dir);
    fs.truncateSync(path.join(dir, 'vectors-000001.f32'), 100);
    expect(() => first().forEach((item) => loaded.get(item.id))).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringContaining('vectors-000001.f32') }));
  }, 120_000);

  it('published generations sharing linked segments stay intact, through updates and an interrupted one', async () => {
    const docs = copyOfSeeds();
    const lexical = (await buildIndex(testBuildOptions(docs, null))).snapshot;
    const directory = new IndexDirectory(path.join(tempDir(), 'index'));
    const publish = (vectors: UsearchVectorStore): Promise<string> => directory.publish({ ...lexical, vectors } satisfies IndexSnapshot);

    // Each update starts from the published generation, loaded (as a reindex does).
    const gen1 = await publish(await UsearchVectorStore.build(dims, first(), null, GRAPH_AT));
    const gen2 = await publish(await UsearchVectorStore.build(dims, second(), await UsearchVectorStore.load(gen1), GRAPH_AT));
    expect(inode(gen2, 'vectors-000001.f32')).toBe(inode(gen1, 'vectors-000001.f32'));
    // Carried over, not hashed again: the same checksum and stamp as in the generation it was linked from.
    expect(manifestOf(gen2).checksums['vectors-000001.f32']).toBe(manifestOf(gen1).checksums['vectors-000001.f32']);
    expect(manifestOf(gen2).stamps!['vectors-000001.f32']).toEqual(manifestOf(gen1).stamps!['vectors-000001.f32']);
    await intact(gen1);
    await intact(gen2);

    // An update that fails after linking (say, the disk fills while writing the graph) publishes nothing.
    const store3 = await UsearchVectorStore.build(dims, third(), await UsearchVectorStore.load(gen2), GRAPH_AT);
    const failing = Object.create(store3, {
      save: {
        value: async (dir: string) => {
          await store3.save(dir);
          throw new Error('disk full');
        },
      },
    }) as UsearchVectorStore;
    await expect(publish(failing)).rejects.toThrow('disk full');
    expect(fs.readFileSync(path.join(directory.root, 'CURRENT'), 'utf8')).toBe(path.basename(gen2));
    await intact(gen2);

    const gen3 = await publish(await UsearchVectorStore.build(dims, third(), await UsearchVectorStore.load(gen2), GRAPH_AT));
    expect(inode(gen3, 'vectors-000000.f32')).toBe(inode(gen1, 'vectors-000000.f32'));
    for (const gen of [gen1, gen2, gen3]) await intact(gen);
    const served = await UsearchVectorStore.load(gen3);
    const wrong = third().filter((item) => !bytesOf(served.get(item.id)!).equals(bytesOf(item.vector)));
    expect(wrong).toEqual([]);
  }, 120_000);
});
