import path from 'node:path';
import { prefetch } from './resident-graph.js';
import type { VectorItem, VectorStore, VectorStoreKind } from '../index/vector-store.js';

/*
 * Each store is imported only when chosen: vectra alone cost ~0.4 s and 113 MB on every start when it
 * was imported statically, and the native graph libraries are not needed below 10k passages' worth of use.
 */

/**
 * Starts the store holding `items` (in passage order); `previous` lets the usearch store patch its graph.
 * Resolves once the store's own work has started (a graph build or patch then runs in its worker thread,
 * so the caller can do other work meanwhile), to `done`, which resolves to the store.
 */
export async function startVectorStore(kind: VectorStoreKind, dimensions: number, items: VectorItem[], previous: VectorStore | null): Promise<{ done: Promise<VectorStore> }> {
  if (kind === 'usearch') {
    const { UsearchVectorStore } = await import('./usearch-store.js');
    return { done: UsearchVectorStore.build(dimensions, items, previous instanceof UsearchVectorStore ? previous : null) };
  }
  const store = await createVectorStore(kind, dimensions);
  return { done: store.add(items).then(() => store) };
}

/** The stores built by adding vectors one batch at a time (usearch builds its graph in `buildVectorStore`). */
async function createVectorStore(kind: Exclude<VectorStoreKind, 'usearch'>, dimensions: number): Promise<VectorStore> {
  if (kind === 'vectra') return (await import('./vectra-store.js')).VectraVectorStore.create(dimensions);
  if (kind === 'hnsw') return (await import('./hnsw-store.js')).HnswVectorStore.create(dimensions);
  return new (await import('./flat-store.js')).FlatVectorStore(dimensions);
}

/**
 * Starts reading what loading the store of `kind` in `dir` will read first thing (a usearch graph's file,
 * all of whose pages its view touches: ~0.2–0.6 s of a cold 1M load when read by page faults), and its
 * module, in the background while the rest of the index loads. Returns what stops it.
 */
export function readAheadVectorStore(kind: VectorStoreKind, dir: string): () => void {
  if (kind !== 'usearch') return () => undefined;
  let stopped = false;
  void import('./usearch-store.js').then(({ GRAPH_FILE }) => prefetch(path.join(dir, GRAPH_FILE), () => stopped)).catch(() => undefined);
  return () => {
    stopped = true;
  };
}

/** `passageIds`: the generation's passages' ids, in order (a usearch store saved with them does not keep its own). */
export async function loadVectorStore(kind: VectorStoreKind, dir: string, dimensions: number, passageIds: readonly string[]): Promise<VectorStore> {
  if (kind === 'vectra') return (await import('./vectra-store.js')).VectraVectorStore.load(dir, dimensions);
  if (kind === 'usearch') return (await import('./usearch-store.js')).UsearchVectorStore.load(dir, {}, passageIds);
  if (kind === 'hnsw') return (await import('./hnsw-store.js')).HnswVectorStore.load(dir);
  return (await import('./flat-store.js')).FlatVectorStore.load(dir);
}
