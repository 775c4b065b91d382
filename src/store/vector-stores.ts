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

export async function loadVectorStore(kind: VectorStoreKind, dir: string, dimensions: number): Promise<VectorStore> {
  if (kind === 'vectra') return (await import('./vectra-store.js')).VectraVectorStore.load(dir, dimensions);
  if (kind === 'usearch') return (await import('./usearch-store.js')).UsearchVectorStore.load(dir);
  if (kind === 'hnsw') return (await import('./hnsw-store.js')).HnswVectorStore.load(dir);
  return (await import('./flat-store.js')).FlatVectorStore.load(dir);
}
