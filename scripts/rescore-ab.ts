/**
 * The shipped re-scoring depth against main's, through the store's own query (k = 50, the bench's row),
 * on one loaded 1M index, graph resident: the rows warm, evicted (posix_fadvise DONTNEED on every
 * segment before the phase), and after IDLE seconds of idling (what this VM's DAMON pageout evicts).
 * Recall@10 against the exact top 10 that scripts/rescore-depth.ts cached for its 100 queries.
 *   npx tsx scripts/rescore-ab.ts GENERATION_DIR     IDLE=30 ROUNDS=2
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Prng } from '../src/bench/prng.js';
import { percentile } from '../src/bench/timing.js';
import { LowRankModel } from '../src/bench/vector-sets.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';
import { say, evictFromPageCache, generationIds } from './measure.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: rescore-ab.ts GENERATION_DIR');
const idle = Number(process.env.IDLE ?? 30);
const rounds = Number(process.env.ROUNDS ?? 2);
const K = 50;
const ids = generationIds(dir);
const stores = {
  'main max(100, 2k)': await UsearchVectorStore.load(dir, { rescore: 100, perHit: 2 }, ids),
  'shipped max(40, k)': await UsearchVectorStore.load(dir, {}, ids),
};
for (const store of Object.values(stores)) await store.makeResident();
const model = new LowRankModel();
const truthQueries = (() => {
  const prng = new Prng(0x5eed); // rescore-depth.ts's queries, in its order
  return Array.from({ length: 100 }, () => model.sample(prng));
})();
const truth = JSON.parse(readFileSync(`/tmp/isnad-tail/truth-${path.basename(dir)}-100.json`, 'utf8')) as number[][];
for (const [name, store] of Object.entries(stores)) {
  let found = 0;
  for (const [q, v] of truthQueries.entries()) {
    const top = (await store.query(v, K)).slice(0, 10).map((h) => h.id);
    found += truth[q]!.filter((row) => top.includes(ids[row]!)).length;
  }
  say(`${name}: recall@10 ${(found / 1000).toFixed(3)} (100 queries, k = ${K})`);
}
const segments = readdirSync(dir).filter((f) => /^vectors-\d+\.f32$/.test(f)).map((f) => path.join(dir, f));
const evict = () => evictFromPageCache(segments);
const prng = new Prng(0xab);
for (let round = 1; round <= rounds; round++) {
  for (const state of ['evicted', `after ${idle} s idle`, 'warm'] as const) {
    for (const [name, store] of Object.entries(stores)) {
      const queries = Array.from({ length: 240 }, () => model.sample(prng));
      if (state === 'evicted') evict();
      else if (state === 'warm') for (const v of queries) await store.query(v, K);
      else await new Promise((resolve) => setTimeout(resolve, idle * 1000));
      const wall: number[] = [];
      const cpu: number[] = [];
      const b0 = process.resourceUsage().fsRead;
      for (const v of queries) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await store.query(v, K);
        wall.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      const blocks = (process.resourceUsage().fsRead - b0) / queries.length;
      say(`round ${round}, ${state}, ${name}: wall p50/p95 ${percentile(wall, 50).toFixed(2)}/${percentile(wall, 95).toFixed(2)} ms, CPU ${percentile(cpu, 50).toFixed(2)}/${percentile(cpu, 95).toFixed(2)}; blocks read/query ${blocks.toFixed(0)}`);
    }
  }
}
