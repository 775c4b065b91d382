/**
 * The served vector store alone at scale, without a corpus (quicker than `npm run bench` when only the
 * vector numbers are wanted):  npx tsx scripts/store-at-scale.ts [count=100000]
 * Low-rank 384-dim vectors: full build (worker thread), save, cold load, first query, p50/p95 and
 * recall@10 against an exact scan at depth 50, then an update replacing 1 % of the vectors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exactCopy, searchQuality } from '../src/bench/recall.js';
import { peakRssMb, timed } from '../src/bench/timing.js';
import { lowRankSet } from '../src/bench/vector-sets.js';
import { UsearchVectorStore } from '../src/store/usearch-store.js';

const count = Number(process.argv[2] ?? 100_000);
const d = 384;
const extra = Math.round(count / 100);
const set = lowRankSet(count + extra, 240, d);
const items = Array.from({ length: count + extra }, (_, row) => ({ id: `p${row}`, vector: set.matrix.subarray(row * d, (row + 1) * d) }));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-store-scale-'));
const full = await timed(async () => {
  const store = await UsearchVectorStore.build(d, items.slice(0, count), null);
  await store.save(path.join(dir, 'a'));
});
const afterBuild = peakRssMb();
const loaded = await timed(() => UsearchVectorStore.load(path.join(dir, 'a')));
const store = loaded.value;
const first = await timed(() => store.query(set.queries[0]!, 50));
const exact = await exactCopy(store, items.slice(0, count).map((i) => i.id));
const q = await searchQuality(store, exact, set.queries, 50);
// Replace 1 %: drop the first `extra` vectors, add `extra` new ones.
const update = await timed(async () => {
  const next = await UsearchVectorStore.build(d, items.slice(extra), store);
  await next.save(path.join(dir, 'b'));
  return next.lastUpdate;
});
const f = (n: number) => n.toFixed(2);
console.log(`${count} × ${d} low-rank vectors (usearch int8 graph, re-scored):`);
console.log(`  full build + save ${f(full.ms / 1000)} s (peak RSS so far ${afterBuild.toFixed(0)} MB)`);
console.log(`  cold load ${f(loaded.ms / 1000)} s; first query ${f(first.ms)} ms`);
console.log(`  search p50 ${f(q.served.p50)} / p95 ${f(q.served.p95)} ms at recall@10 ${q.recallAt10.toFixed(3)}; exact scan p50 ${f(q.flat.p50)} / p95 ${f(q.flat.p95)} ms`);
console.log(`  update 1 % (−${extra} / +${extra}): ${f(update.ms / 1000)} s = ${((100 * update.ms) / full.ms).toFixed(1)} % of the full build (${update.value.kind})`);
fs.rmSync(dir, { recursive: true, force: true });
