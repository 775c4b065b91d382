import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/bench/fake-embedder.js';
import { PrecomputedEmbedder, TimingEmbedder } from '../../src/bench/embedders.js';
import { exactQueryCount, searchQuality } from '../../src/bench/recall.js';
import { latencies, percentile, summarize } from '../../src/bench/timing.js';
import { lowRankSet } from '../../src/bench/vector-sets.js';
import { FlatVectorStore } from '../../src/store/flat-store.js';

describe('timing helpers', () => {
  it('percentile is nearest-rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([3], 95)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([1, 2, 3, 4])).toMatchObject({ count: 4, p50: 2, max: 4, mean: 2.5 });
  });

  it('latencies times each input once after the warm-up', async () => {
    let calls = 0;
    const summary = await latencies([1, 2, 3], () => calls++, 2);
    expect(summary.count).toBe(3);
    expect(calls).toBe(5);
    expect(summary.cpu!.p95).toBeGreaterThanOrEqual(0);
  });

  it.runIf(fs.existsSync('/proc/thread-self/schedstat'))('latencies tells the main thread\'s CPU apart from another thread\'s', async () => {
    // Each timed call waits for a thread that spins until it has run 30 ms on a core (its own schedstat); the
    // thread lives on between calls, as V8's helper threads do.
    const spinner = new Worker(`const fs = require('node:fs'); const { parentPort } = require('node:worker_threads');
      const ns = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
      parentPort.on('message', () => { const start = ns(); while (ns() - start < 30e6); parentPort.postMessage(0); });`, { eval: true });
    const run = () => new Promise((resolve) => { spinner.once('message', resolve); spinner.postMessage(0); });
    const summary = await latencies([1, 2, 3], run, 1);
    await spinner.terminate();
    expect(summary.cpu!.p50).toBeGreaterThanOrEqual(25);
    expect(summary.cpu!.main!.p95).toBeLessThan(summary.cpu!.p50 - 20);
  });

  it('latencies can warm up on other inputs, so no timed call repeats an earlier one', async () => {
    const seen: string[] = [];
    const summary = await latencies(['a', 'b'], (q) => seen.push(q), ['x', 'y', 'z']);
    expect(seen).toEqual(['x', 'y', 'z', 'a', 'b']);
    expect(summary.count).toBe(2);
  });
});

describe('bench embedders', () => {
  it('the hash embedder is deterministic and unit length', async () => {
    const e = new HashEmbedder();
    const [a] = await e.embedPassages(['بدأت المحادثات السورية في أستانا']);
    const b = await e.embedQuery('بدأت المحادثات السورية في أستانا');
    expect(Array.from(a!)).toEqual(Array.from(b));
    expect(Math.hypot(...b)).toBeCloseTo(1, 5);
    expect(Math.hypot(...(await e.embedQuery('؟')))).toBeCloseTo(1, 5);
  });

  it('TimingEmbedder adds up passage time; PrecomputedEmbedder serves known queries only', async () => {
    const timing = new TimingEmbedder(new HashEmbedder());
    await timing.embedPassages(['نص']);
    expect(timing.passageMs).toBeGreaterThanOrEqual(0);
    expect(timing.dimensions).toBe(64);
    const v = new Float32Array(64);
    const pre = new PrecomputedEmbedder('m', 64, new Map([['سؤال', v]]));
    expect(await pre.embedQuery('سؤال')).toBe(v);
    await expect(pre.embedQuery('آخر')).rejects.toThrow(/no precomputed vector/);
  });
});

describe('recall against the exact scan', () => {
  it('compares every query up to 100k vectors, and a prefix of at least 100 past that', () => {
    expect(exactQueryCount(100_000, 240)).toBe(240);
    expect(exactQueryCount(300_000, 240)).toBe(100);
    expect(exactQueryCount(1_000_000, 240)).toBe(100);
    expect(exactQueryCount(1_000_000, 60)).toBe(60);
  });

  it('gives the exact scan recall 1 and times one scan per compared query', async () => {
    const d = 16;
    const set = lowRankSet(500, 30, d, 3, 4);
    const ids = Array.from({ length: 500 }, (_, i) => `p${i}`);
    const exact = new FlatVectorStore(d, set.matrix, ids);
    // A store that misses its best hit on every query: recall drops by a tenth.
    const missing = { ...exact, query: async (q: Float32Array, k: number) => (await exact.query(q, k + 1)).slice(1) } as unknown as FlatVectorStore;
    const same = await searchQuality(exact, exact, set.queries, 10);
    expect(same.recallAt10).toBe(1);
    expect(same.exactQueries).toBe(30);
    expect(same.flat.count).toBe(30);
    expect((await searchQuality(missing, exact, set.queries, 10)).recallAt10).toBeCloseTo(0.9, 5);
  });
});
