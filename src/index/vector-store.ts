export const VECTOR_STORE_KINDS = ['usearch', 'hnsw', 'flat', 'vectra'] as const;
export type VectorStoreKind = (typeof VECTOR_STORE_KINDS)[number];

export interface VectorItem {
  id: string;
  /** Unit length; scores are dot products, i.e. cosine similarity. */
  vector: Float32Array;
}

export interface VectorHit {
  id: string;
  score: number;
}

/**
 * A file-based vector store: built once per index generation, then only queried.
 * Two implementations share this surface so they can be compared in `npm run bench`.
 */
export interface VectorStore {
  readonly kind: VectorStoreKind;
  readonly dimensions: number;
  readonly size: number;
  /** Appends items; ids must be unique. */
  add(items: VectorItem[]): Promise<void>;
  /** The stored vector, used to reuse embeddings of unchanged passages on reindex: read it, do not change it (it may be a view). */
  get(id: string): Float32Array | undefined;
  /** The `topK` nearest items by cosine similarity, best first. */
  query(vector: Float32Array, topK: number): Promise<VectorHit[]>;
  /**
   * Writes the store into `dir` (which it owns from then on). `passageIds`: the ids of the passages of
   * the index it is saved with, in order: a store whose ids are those may keep them there (usearch).
   */
  save(dir: string, passageIds?: readonly string[]): Promise<void>;
  /**
   * Reads in, in the background, what a freshly loaded store would otherwise read on its first searches
   * (a graph served from its file: UsearchVectorStore). Stops early when `stopped()`.
   */
  warm?(stopped: () => boolean): Promise<unknown>;
}
