import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import { indexCorrupt, readIndexBytes, readIndexJson } from '../index/index-file.js';
import { topKIndices } from '../index/top-k.js';
import type { VectorHit, VectorItem, VectorStore } from '../index/vector-store.js';

const VECTORS_FILE = 'vectors.f32';
const IDS_FILE = 'vector-ids.json';

/**
 * All vectors in one contiguous Float32Array, saved as raw little-endian floats. Chosen over vectra's
 * JSON file because that cannot be written past ~65k passages (V8 string limit) and loads slowly;
 * a brute-force scan over contiguous memory is also faster than vectra's per-item objects.
 */
export class FlatVectorStore implements VectorStore {
  readonly kind = 'flat' as const;
  private matrix: Float32Array;
  private ids: string[];
  /** Built on the first `get` (a reindex reusing vectors), not at load: 100k ids cost a stall on the bot's thread. */
  private rowOfIds: Map<string, number> | null = null;

  constructor(readonly dimensions: number, matrix?: Float32Array, ids?: string[]) {
    this.matrix = matrix ?? new Float32Array(0);
    this.ids = ids ?? [];
  }

  private get rowOf(): Map<string, number> {
    if (!this.rowOfIds) {
      this.rowOfIds = new Map();
      this.ids.forEach((id, row) => this.rowOfIds!.set(id, row));
    }
    return this.rowOfIds;
  }

  get size(): number {
    return this.ids.length;
  }

  async add(items: VectorItem[]): Promise<void> {
    const grown = new Float32Array((this.ids.length + items.length) * this.dimensions);
    grown.set(this.matrix);
    let row = this.ids.length;
    for (const item of items) {
      if (item.vector.length !== this.dimensions) {
        throw new IsnadError('INTERNAL', `Vector for ${item.id} has ${item.vector.length} dimensions, expected ${this.dimensions}.`);
      }
      grown.set(item.vector, row * this.dimensions);
      this.rowOf.set(item.id, row);
      this.ids.push(item.id);
      row++;
    }
    this.matrix = grown;
  }

  /** The id stored at `row` (rows are in insertion order). */
  idAt(row: number): string | undefined {
    return this.ids[row];
  }

  /** A view (not a copy) of the vector at `row`. */
  rowVector(row: number): Float32Array {
    return this.matrix.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** A view, not a copy: a reindex reads 100k of them to copy into the next store (a copy each was 150 MB of garbage). */
  get(id: string): Float32Array | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.rowVector(row);
  }

  async query(vector: Float32Array, topK: number): Promise<VectorHit[]> {
    return this.querySync(vector, topK);
  }

  querySync(vector: Float32Array, topK: number): VectorHit[] {
    const scores = new Float32Array(this.ids.length);
    for (let row = 0; row < scores.length; row++) scores[row] = this.score(row, vector);
    return topKIndices(scores, topK).map(({ index, score }) => ({ id: this.ids[index]!, score }));
  }

  /** Dot product of the vector at `row` with `vector` (cosine: both unit length). */
  score(row: number, vector: Float32Array): number {
    const d = this.dimensions;
    const m = this.matrix;
    const base = row * d;
    const tail = d - (d % 4);
    // Four independent sums let V8 overlap the multiply-adds: ~1.6x faster than one running sum.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let k = 0;
    for (; k < tail; k += 4) {
      s0 += m[base + k]! * vector[k]!;
      s1 += m[base + k + 1]! * vector[k + 1]!;
      s2 += m[base + k + 2]! * vector[k + 2]!;
      s3 += m[base + k + 3]! * vector[k + 3]!;
    }
    for (; k < d; k++) s0 += m[base + k]! * vector[k]!;
    return s0 + s1 + s2 + s3;
  }

  async save(dir: string): Promise<void> {
    await fs.mkdir(dir, { recursive: true });
    const bytes = Buffer.from(this.matrix.buffer, this.matrix.byteOffset, this.matrix.byteLength);
    await fs.writeFile(path.join(dir, VECTORS_FILE), bytes);
    await fs.writeFile(path.join(dir, IDS_FILE), JSON.stringify({ dimensions: this.dimensions, ids: this.ids }));
  }

  static async load(dir: string): Promise<FlatVectorStore> {
    const idsPath = path.join(dir, IDS_FILE);
    const vectorsPath = path.join(dir, VECTORS_FILE);
    const header = (await readIndexJson(idsPath)) as { dimensions: number; ids: string[] };
    if (!Number.isInteger(header.dimensions) || header.dimensions <= 0 || !Array.isArray(header.ids)) {
      throw indexCorrupt(idsPath, 'has no valid dimensions/ids');
    }
    const raw = await readIndexBytes(vectorsPath);
    const expected = header.ids.length * header.dimensions * 4;
    if (raw.length !== expected) {
      throw indexCorrupt(vectorsPath, `has ${raw.length} bytes, expected ${expected} (${header.ids.length} vectors × ${header.dimensions} dimensions)`);
    }
    // A large file gets its own aligned buffer: use it as is (no second copy of 150 MB at 100k passages).
    // A small one may sit in Node's shared pool at an offset that is not a multiple of 4: copy it.
    const count = header.ids.length * header.dimensions;
    let matrix: Float32Array;
    if (raw.byteOffset % 4 === 0) matrix = new Float32Array(raw.buffer, raw.byteOffset, count);
    else {
      matrix = new Float32Array(count);
      new Uint8Array(matrix.buffer).set(raw);
    }
    return new FlatVectorStore(header.dimensions, matrix, header.ids);
  }
}
