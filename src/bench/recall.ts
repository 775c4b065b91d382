import type { VectorStore } from '../index/vector-store.js';
import { FlatVectorStore } from '../store/flat-store.js';
import { latencies, type LatencySummary } from './timing.js';
import { recallAtK } from './vector-sets.js';

export interface SearchQuality {
  /** Share of the exact scan's top 10 that the served store returns in its top 10, over the first `exactQueries` queries. */
  recallAt10: number;
  /** Queries compared with the exact scan: all of them up to EXACT_ROW_BUDGET rows scanned, a prefix past it. */
  exactQueries?: number;
  served: LatencySummary;
  /** The exact scan's latency over the same `exactQueries` queries (the scans that gave the truth, timed once). */
  flat: LatencySummary;
}

/**
 * Rows the exact scan may read in all (queries × stored vectors): 240 queries at 100k. Past it the
 * truth is computed for a prefix of the queries, at least EXACT_MIN_QUERIES: at 1M × 384 one exact
 * scan takes about a second, so 240 of them (twice: truth, then latency) took over eight minutes.
 */
const EXACT_ROW_BUDGET = 24_000_000;
const EXACT_MIN_QUERIES = 100;

/** How many of `queries` queries are compared with an exact scan over `size` vectors. */
export function exactQueryCount(size: number, queries: number): number {
  return Math.min(queries, Math.max(EXACT_MIN_QUERIES, Math.floor(EXACT_ROW_BUDGET / Math.max(1, size))));
}

/**
 * Latency and recall@10 of `store` against an exact scan of the same vectors. The exact scan runs
 * once per compared query, timed: its results are the truth, its times the flat row.
 * `served`: the store's latency when the caller timed it already (the serve workers do, right after
 * loading, before the exact copy takes its memory): it is not timed twice.
 */
export async function searchQuality(store: VectorStore, exact: FlatVectorStore, queries: Float32Array[], depth: number, served?: LatencySummary): Promise<SearchQuality> {
  const compared = queries.slice(0, exactQueryCount(exact.size, queries.length));
  const truth: string[][] = [];
  const flat = await latencies(compared, (q) => truth.push(exact.querySync(q, depth).slice(0, 10).map((h) => h.id)), 0);
  const got = await Promise.all(compared.map(async (q) => (await store.query(q, depth)).slice(0, 10).map((h) => h.id)));
  return {
    recallAt10: recallAtK(truth, got, 10),
    exactQueries: compared.length,
    served: served ?? (await latencies(queries, (q) => store.query(q, depth))),
    flat,
  };
}

/**
 * An exact copy of `store`'s vectors in one matrix, filled row by row: the former list of 1M items
 * (one array each) and the copy's own add made two more copies at 1M passages.
 */
export async function exactCopy(store: VectorStore, ids: readonly string[]): Promise<FlatVectorStore> {
  const d = store.dimensions;
  const matrix = new Float32Array(ids.length * d);
  ids.forEach((id, row) => matrix.set(store.get(id)!, row * d));
  return new FlatVectorStore(d, matrix, [...ids]);
}
