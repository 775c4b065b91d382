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
  /** The stored vector, used to reuse embeddings of unchanged passages on reindex. */
  get(id: string): Float32Array | undefined;
  /** The `topK` nearest items by cosine similarity, best first. */
  query(vector: Float32Array, topK: number): Promise<VectorHit[]>;
  /** Writes the store into `dir` (which it owns from then on). */
  save(dir: string): Promise<void>;
}

/** Keeps the best `k` (score, index) pairs; O(n log k) over a scan. */
export function topKIndices(scores: Float32Array, k: number): Array<{ index: number; score: number }> {
  const limit = Math.min(k, scores.length);
  if (limit <= 0) return [];
  const heapIdx = new Int32Array(limit);
  const heapVal = new Float32Array(limit);
  let size = 0;
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && heapVal[l]! < heapVal[m]!) m = l;
      if (r < size && heapVal[r]! < heapVal[m]!) m = r;
      if (m === i) return;
      [heapVal[i], heapVal[m]] = [heapVal[m]!, heapVal[i]!];
      [heapIdx[i], heapIdx[m]] = [heapIdx[m]!, heapIdx[i]!];
      i = m;
    }
  };
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (size < limit) {
      let j = size++;
      heapVal[j] = s;
      heapIdx[j] = i;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (heapVal[p]! <= heapVal[j]!) break;
        [heapVal[p], heapVal[j]] = [heapVal[j]!, heapVal[p]!];
        [heapIdx[p], heapIdx[j]] = [heapIdx[j]!, heapIdx[p]!];
        j = p;
      }
    } else if (s > heapVal[0]!) {
      heapVal[0] = s;
      heapIdx[0] = i;
      siftDown(0);
    }
  }
  const out: Array<{ index: number; score: number }> = [];
  for (let i = 0; i < size; i++) out.push({ index: heapIdx[i]!, score: heapVal[i]! });
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}
