/**
 * How the vector store was chosen (issue 14): hnswlib vs usearch (f32 / f16 / i8, with and without
 * re-scoring the candidates on the exact vectors), recall@10 against an exact scan and latency.
 *   npx tsx scripts/compare-ann.ts [count=20000] [lowrank|random] [hnsw,usearch]
 *   QUANTS=f32,f16,i8 CONNECTIVITY=16 EFS=64,128,256: the usearch variants, graph degree and search expansions tried.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import hnswlib from 'hnswlib-node';
import usearch from 'usearch';
import { lowRankSet, randomSet, recallAtK } from '../src/bench/vector-sets.js';
import { FlatVectorStore } from '../src/store/flat-store.js';
import { summarize } from '../src/bench/timing.js';

const n = Number(process.argv[2] ?? 20000);
const which = process.argv[3] ?? 'lowrank';
const libs = (process.argv[4] ?? 'hnsw,usearch').split(',');
const connectivity = Number(process.env.CONNECTIVITY ?? 16);
const efs = (process.env.EFS ?? '64,128,256').split(',').map(Number);
const set = which === 'random' ? randomSet(n, 200) : lowRankSet(n, 200);
const d = set.dimensions;
const flat = new FlatVectorStore(d);
const ids = Array.from({ length: n }, (_, i) => String(i));
await flat.add(ids.map((id, i) => ({ id, vector: set.matrix.subarray(i * d, (i + 1) * d) })));
let t = performance.now();
const exact = set.queries.map((q) => flat.querySync(q, 10).map((h) => h.id));
console.log(set.label, n, 'flat ms/query', ((performance.now() - t) / 200).toFixed(2));

function measure(name: string, fn: (q: Float32Array) => string[]) {
  for (let i = 0; i < 10; i++) fn(set.queries[i]!);
  const samples: number[] = [];
  const got: string[][] = [];
  for (const q of set.queries) { const s = performance.now(); got.push(fn(q)); samples.push(performance.now() - s); }
  const l = summarize(samples);
  console.log(name.padEnd(40), 'recall@10', recallAtK(exact, got).toFixed(3), 'p50', l.p50.toFixed(3), 'p95', l.p95.toFixed(3));
}

if (libs.includes('hnsw')) {
  t = performance.now();
  const g = new hnswlib.HierarchicalNSW('ip', d);
  g.initIndex(n, 16, 100, 42);
  for (let i = 0; i < n; i++) g.addPoint(Array.from(set.matrix.subarray(i * d, (i + 1) * d)), i);
  console.log('hnswlib build s', ((performance.now() - t) / 1000).toFixed(1));
  for (const ef of [100, 200, 400]) {
    g.setEf(ef);
    measure(`hnswlib M16 ef${ef} k50`, (q) => g.searchKnn(Array.from(q), 50).neighbors.slice(0, 10).map(String));
  }
}
if (libs.includes('usearch')) {
  const rerank = (keys: BigUint64Array, q: Float32Array) => {
    const scored = Array.from(keys, (k) => { const row = Number(k); const v = set.matrix.subarray(row * d, (row + 1) * d); let s = 0; for (let i = 0; i < d; i++) s += v[i]! * q[i]!; return { row, s }; });
    return scored.sort((a, b) => b.s - a.s).slice(0, 10).map((x) => String(x.row));
  };
  for (const quant of (process.env.QUANTS ?? 'f32,f16,i8').split(',')) {
    t = performance.now();
    const idx = new usearch.Index({ dimensions: d, metric: usearch.MetricKind.IP, quantization: quant as never, connectivity, expansion_add: 128, expansion_search: 64, multi: false });
    const keys = new BigUint64Array(n);
    for (let i = 0; i < n; i++) keys[i] = BigInt(i);
    idx.add(keys, set.matrix, 2);
    console.log(`usearch ${quant} connectivity ${connectivity} build s`, ((performance.now() - t) / 1000).toFixed(1));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-compare-ann-')), `us-${quant}.usearch`);
    idx.save(file);
    for (const ef of efs) {
      const v = new usearch.Index({ dimensions: d, metric: usearch.MetricKind.IP, quantization: quant as never, connectivity, expansion_add: 128, expansion_search: ef, multi: false });
      t = performance.now();
      v.view(file);
      const viewMs = performance.now() - t;
      measure(`usearch ${quant} ef${ef} k50 (view ${viewMs.toFixed(0)} ms)`, (q) => Array.from(v.search(q, 50, 1).keys.slice(0, 10), String));
      measure(`usearch ${quant} ef${ef} k100 rerank`, (q) => rerank(v.search(q, 100, 1).keys, q));
    }
  }
}
console.log('rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
