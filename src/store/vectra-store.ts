import fs from 'node:fs/promises';
import path from 'node:path';
import { LocalIndex } from 'vectra';
import { IsnadError } from '../errors.js';
import type { VectorHit, VectorItem, VectorStore } from '../index/vector-store.js';

const VECTRA_FOLDER = 'vectra';

/**
 * vectra's LocalIndex (0.12.x, the last line that runs on Node 20). Kept behind the same interface for
 * small collections and for comparison; it keeps every vector as JSON in one file, so it cannot save
 * beyond ~65k passages and inserts in O(n²).
 */
export class VectraVectorStore implements VectorStore {
  readonly kind = 'vectra' as const;
  private pending: VectorItem[] = [];
  private cache = new Map<string, Float32Array>();

  private constructor(readonly dimensions: number, private index: LocalIndex | null) {}

  static create(dimensions: number): VectraVectorStore {
    return new VectraVectorStore(dimensions, null);
  }

  static async load(dir: string, dimensions: number): Promise<VectraVectorStore> {
    const folder = path.join(dir, VECTRA_FOLDER);
    const index = new LocalIndex(folder);
    if (!(await index.isIndexCreated())) {
      throw new IsnadError('INDEX_CORRUPT', `vectra index in ${folder} is missing.`, { file: folder });
    }
    const store = new VectraVectorStore(dimensions, index);
    try {
      for (const item of await index.listItems()) {
        if (item.vector.length !== dimensions) {
          throw new Error(`item ${item.id} has ${item.vector.length} dimensions, expected ${dimensions}`);
        }
        store.cache.set(item.id, Float32Array.from(item.vector));
      }
    } catch (error) {
      throw new IsnadError('INDEX_CORRUPT', `vectra index in ${folder} is unreadable: ${(error as Error).message}.`, { file: folder }, { cause: error });
    }
    return store;
  }

  get size(): number {
    return this.cache.size;
  }

  async add(items: VectorItem[]): Promise<void> {
    for (const item of items) {
      this.pending.push(item);
      this.cache.set(item.id, item.vector);
    }
  }

  get(id: string): Float32Array | undefined {
    return this.cache.get(id);
  }

  async query(vector: Float32Array, topK: number): Promise<VectorHit[]> {
    if (!this.index) throw new IsnadError('INDEX_MISSING', 'vectra store has not been saved yet.');
    const results = await this.index.queryItems(Array.from(vector), '', topK);
    return results.map((r) => ({ id: r.item.id, score: r.score }));
  }

  async save(dir: string): Promise<void> {
    const folder = path.join(dir, VECTRA_FOLDER);
    await fs.mkdir(dir, { recursive: true });
    const index = new LocalIndex(folder);
    await index.createIndex({ version: 1, deleteIfExists: true });
    await index.beginUpdate();
    for (const item of this.pending) await index.insertItem({ id: item.id, vector: Array.from(item.vector), metadata: {} });
    await index.endUpdate();
    this.pending = [];
    this.index = index;
  }
}
