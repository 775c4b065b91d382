import { FlatVectorStore } from './flat-store.js';
import { HnswVectorStore } from './hnsw-store.js';
import type { VectorStore, VectorStoreKind } from '../index/vector-store.js';
import { VectraVectorStore } from './vectra-store.js';

export function createVectorStore(kind: VectorStoreKind, dimensions: number): VectorStore {
  if (kind === 'vectra') return VectraVectorStore.create(dimensions);
  if (kind === 'flat') return new FlatVectorStore(dimensions);
  return HnswVectorStore.create(dimensions);
}

export function loadVectorStore(kind: VectorStoreKind, dir: string, dimensions: number): Promise<VectorStore> {
  if (kind === 'vectra') return VectraVectorStore.load(dir, dimensions);
  if (kind === 'flat') return FlatVectorStore.load(dir);
  return HnswVectorStore.load(dir);
}
