/**
 * The re-scored rows read one by one (readSync, the product) against all at once (async reads on libuv's
 * threadpool: run with UV_THREADPOOL_SIZE=4/16/64), with the vectors segments evicted from the page cache
 * before each phase (posix_fadvise DONTNEED), on the resident graph's first M hits.
 *   npx tsx scripts/rescore-parallel.ts GENERATION_DIR    QUERIES=100 DEPTH=60
 */
import fs, { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Prng } from '../src/bench/prng.js';
import { percentile } from '../src/bench/timing.js';
import { LowRankModel } from '../src/bench/vector-sets.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';
import { say, evictFromPageCache } from './measure.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: rescore-parallel.ts GENERATION_DIR');
const count = Number(process.env.QUERIES ?? 100);
const depth = Number(process.env.DEPTH ?? 60);
const store = await UsearchVectorStore.load(dir);
const inner = store as unknown as {
  graph: { search(v: Float32Array, k: number, threads: number): { keys: BigUint64Array } };
  flat: { score(row: number, v: Float32Array): number; onDisk: { fds: number[]; labels: Uint32Array; segmentRows: number } };
  rowOfGraphKey(key: number): number;
};
await store.makeResident();
const d = store.dimensions;
const { fds, segmentRows } = inner.flat.onDisk;
const read = promisify(fs.read);
const model = new LowRankModel();
const prng = new Prng(0xfa57);
const segments = readdirSync(dir).filter((f) => /^vectors-\d+\.f32$/.test(f)).map((f) => path.join(dir, f));
const evict = () => evictFromPageCache(segments);
const labelsOf = (v: Float32Array) => [...inner.graph.search(v, depth, 1).keys].map(Number).filter((key) => inner.rowOfGraphKey(key) >= 0);

async function phase(name: string, run: (v: Float32Array) => Promise<number> | number) {
  evict();
  const walls: number[] = [];
  for (let q = 0; q < count; q++) {
    const v = model.sample(prng);
    const t = performance.now();
    if (Number.isNaN(await run(v))) throw new Error('NaN');
    walls.push(performance.now() - t);
  }
  say(`${name}, evicted, ${depth} rows: wall p50/p95 ${percentile(walls, 50).toFixed(2)}/${percentile(walls, 95).toFixed(2)} ms`);
}
await phase('readSync one by one', (v) => labelsOf(v).reduce((sum, key) => sum + inner.flat.score(inner.rowOfGraphKey(key), v), 0));
await phase(`async reads at once (UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 4})`, async (v) => {
  const rows = await Promise.all(labelsOf(v).map(async (label) => {
    const segment = Math.floor(label / segmentRows);
    const into = new Float32Array(d);
    await read(fds[segment]!, new Uint8Array(into.buffer), 0, d * 4, (label - segment * segmentRows) * d * 4);
    let s = 0;
    for (let i = 0; i < d; i++) s += into[i]! * v[i]!;
    return s;
  }));
  return rows.reduce((a, b) => a + b, 0);
});
