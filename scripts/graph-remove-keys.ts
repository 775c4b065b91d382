/**
 * Why the first 1 % update after a full build is slow at 1M: usearch's key lookup is a linear-probing hash
 * set keyed by the label itself (std::hash of an integer is the identity), and a full build labels its rows
 * 0…N−1, so the whole table is one populated run and every `remove` scans to its end. This builds an N-vector
 * graph (8 dimensions: the lookup's cost does not depend on them), saves and loads it, and times removing 10k
 * keys, with the labels as they are (`contiguous`) or spread by a multiplicative bijection (`mixed`):
 *   npx tsx scripts/graph-remove-keys.ts 1000000 contiguous|mixed
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type * as Usearch from 'usearch';

const { Index, MetricKind, ScalarKind } = createRequire(import.meta.url)('usearch') as typeof Usearch;
const size = Number(process.argv[2] ?? 1e6);
const mode = process.argv[3] ?? 'contiguous';
const dimensions = 8;
const keyOf = (label: number) => (mode === 'mixed' ? Math.imul(label, 0x9e3779b1) >>> 0 : label);
const options = { dimensions, metric: MetricKind.IP, quantization: ScalarKind.I8, connectivity: 8, expansion_add: 16, expansion_search: 64, multi: false };

let seed = 11;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5;
const vectors = new Float32Array(size * dimensions).map(random);
const built = new Index(options);
let started = performance.now();
built.add(BigUint64Array.from({ length: size }, (_, label) => BigInt(keyOf(label))), vectors, 2);
console.log(`${mode}: build ${((performance.now() - started) / 1000).toFixed(1)} s`);
const file = path.join(os.tmpdir(), `graph-remove-keys-${process.pid}.bin`);
built.save(file);
const loaded = new Index(options);
loaded.load(file);
const removed = BigUint64Array.from({ length: 10_000 }, (_, i) => BigInt(keyOf(i * 97)));
started = performance.now();
loaded.remove(removed);
console.log(`${mode}: remove 10k after load ${((performance.now() - started) / 1000).toFixed(2)} s (load average ${os.loadavg()[0]!.toFixed(1)})`);
