/**
 * Why the graph's own int8 distances rank poorly, and whether quantizing ourselves fixes it (not in the
 * product): usearch's f32 → i8 cast scales each vector to unit length × 127 and truncates, so a 384-dim
 * unit vector's components (~0.05) become small integers (~6). Here the same low-rank vectors are added
 * as Int8Array instead, rounded at one global scale (127 / the largest |component| of the data), and the
 * query likewise (an i8 index copies i8 input as is). For each graph, at several expansions: recall@10
 * of the graph's order alone, of its first 20 and 40 hits re-scored in f32, and of all 120 re-scored.
 *   npx tsx scripts/int8-scale.ts [SIZE=100000] [EXPANSIONS=64,128,256]    ONLY=own|cast
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { lowRankSet, recallAtK } from '../src/bench/vector-sets.js';
import { FlatVectorStore } from '../src/store/flat-store.js';
import { say } from './measure.js';

// usearch's JS wrapper converts an Int8Array to Float32Array before the native call (and the native cast then
// normalizes it again): the native index is driven directly, for both graphs alike.
const require = createRequire(import.meta.url);
const { CompiledIndex } = require(require.resolve('usearch').replace(/javascript\/dist\/cjs\/usearch\.js$/, 'prebuilds/linux-x64/usearch.node')) as {
  CompiledIndex: new (...args: unknown[]) => {
    add(keys: BigUint64Array, vectors: Float32Array | Int8Array, threads: number): void;
    search(q: Float32Array | Int8Array, k: number, threads: number): [BigUint64Array, Float32Array, unknown];
    save(file: string): void;
    view(file: string): void;
  };
};
const make = (expansion: number) => new CompiledIndex(d, 'ip', 'i8', 32, 128, expansion, false);
const size = Number(process.argv[2] ?? 100_000);
const expansions = (process.argv[3] ?? '64,128,256').split(',').map(Number);
const d = 384;
const set = lowRankSet(size, 200, d);
const exact = new FlatVectorStore(d, set.matrix, Array.from({ length: size }, (_, i) => String(i)));
const truth = set.queries.map((q) => exact.querySync(q, 10).map((h) => Number(h.id)));
let max = 0;
for (const x of set.matrix) max = Math.max(max, Math.abs(x));
const scale = 127 / max;
const toI8 = (v: Float32Array) => {
  const out = new Int8Array(v.length); // a loop: Int8Array.from(v, map) ran out of heap at 1M × 384
  for (let i = 0; i < v.length; i++) out[i] = Math.max(-127, Math.min(127, Math.round(v[i]! * scale)));
  return out;
};
say(`${size} low-rank vectors; largest |component| ${max.toFixed(3)}, global int8 scale ${scale.toFixed(1)} (usearch's own: 127 per unit length)`);

// ONLY=own / ONLY=cast: one of the two graphs (a 1M build takes ~10 minutes of both cores).
for (const own of [false, true].filter((o) => !process.env.ONLY || process.env.ONLY === (o ? 'own' : 'cast'))) {
  const graph = make(64);
  const started = performance.now();
  const keys = BigUint64Array.from({ length: size }, (_, i) => BigInt(i));
  graph.add(keys, own ? toI8(set.matrix) : set.matrix, 2);
  say(`${own ? 'own int8 (global scale, rounded)' : "usearch's cast (per-vector, truncated)"}: built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const file = `/tmp/isnad-tail/int8-scale-${own ? 'own' : 'cast'}-${process.pid}.usearch`;
  graph.save(file);
  for (const expansion of expansions) {
    const view = make(expansion);
    view.view(file);
    const hits = set.queries.map((q) => [...view.search(own ? toI8(q) : q, 120, 1)[0]].map(Number));
    const rescored = (m: number) => hits.map((h, q) => h.slice(0, m).map((row) => ({ row, s: exact.score(row, set.queries[q]!) })).sort((a, b) => b.s - a.s).slice(0, 10).map((x) => String(x.row)));
    const t = truth.map((r) => r.map(String));
    say(`  expansion ${expansion}: recall@10 graph order ${recallAtK(t, hits.map((h) => h.slice(0, 10).map(String))).toFixed(3)}, first 10 re-scored ${recallAtK(t, rescored(10)).toFixed(3)}, first 20 ${recallAtK(t, rescored(20)).toFixed(3)}, first 40 ${recallAtK(t, rescored(40)).toFixed(3)}, all 120 ${recallAtK(t, rescored(120)).toFixed(3)}`);
  }
}
