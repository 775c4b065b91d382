import type { VectorStore } from '../index/vector-store.js';
import { FlatVectorStore } from '../store/flat-store.js';
import { latencies, type LatencySummary } from './timing.js';
import { recallAtK } from './vector-sets.js';

export interface SearchQuality {
  /** Share of the exact scan's top 10 that the served store returns in its top 10. */
  recallAt10: number;
  served: LatencySummary;
  flat: LatencySummary;
}

/**
 * Latency and recall@10 of `store` against an exact scan of the same vectors, over the same queries.
 * `served`: the store's latency when the caller timed it already (the serve workers do, right after
 * loading, before the exact copy takes its memory): it is not timed twice.
 */
export async function searchQuality(store: VectorStore, exact: FlatVectorStore, queries: Float32Array[], depth: number, served?: LatencySummary): Promise<SearchQuality> {
  const truth = queries.map((q) => exact.querySync(q, 10).map((h) => h.id));
  const got = await Promise.all(queries.map(async (q) => (await store.query(q, depth)).slice(0, 10).map((h) => h.id)));
  return {
    recallAt10: recallAtK(truth, got, 10),
    served: served ?? (await latencies(queries, (q) => store.query(q, depth))),
    flat: await latencies(queries, (q) => exact.query(q, depth)),
  };
}

export async function exactCopy(store: VectorStore, ids: readonly string[]): Promise<FlatVectorStore> {
  const exact = new FlatVectorStore(store.dimensions);
  await exact.add(ids.map((id) => ({ id, vector: store.get(id)! })));
  return exact;
}

