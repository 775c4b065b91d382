import { openSync, readSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import { closeWhenCollected, indexCorrupt, readIndexBytes } from '../index/index-file.js';
import { topKIndices } from '../index/top-k.js';
import type { VectorHit, VectorItem, VectorStore } from '../index/vector-store.js';
import { readIds, sameIds, writeIds } from './vector-ids.js';

const VECTORS_FILE = 'vectors.f32';

/** Vectors read one by one through `get` before the whole file is read instead. */
const GETS_BEFORE_READING_ALL = 1024;


/** Where a store's vectors are read from when they are not in memory: row `row` is passage `row`'s vector. */
export interface RowSource {
  read(row: number, into: Float32Array): Float32Array;
  /** All `count` floats (rows × dimensions), in row order. */
  readAll(count: number): Float32Array;
}

/** The row buffer `bytesOf` viewed last, and its bytes. */
let viewedRow: Float32Array | null = null;
let viewedBytes: Uint8Array = new Uint8Array(0);

/**
 * The bytes of `into`, for a read into it: the re-scoring reads every row into one scratch row, whose view
 * is made once (a view per row read was ~13 KB of garbage a query: 120 rows re-scored).
 */
export function bytesOf(into: Float32Array): Uint8Array {
  if (into !== viewedRow) {
    viewedRow = into;
    viewedBytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
  }
  return viewedBytes;
}

/**
 * The vectors file of a generation, rows read when asked: a store whose graph answers queries needs
 * only the ~100 candidates it re-scores per query, so the matrix (150 MB at 100k × 384, 1.5 GB at 1M)
 * stays in the page cache instead of this process, and is not read at load. Opened at load, so a
 * generation removed later (an old one, tidied) is still readable while this store serves.
 */
class VectorFile implements RowSource {
  private readonly fd: number;

  constructor(
    readonly file: string,
    private readonly dimensions: number,
  ) {
    this.fd = openSync(file, 'r');
    closeWhenCollected.register(this, this.fd);
  }

  /** Row `row` into `into` (dimensions floats). */
  read(row: number, into: Float32Array): Float32Array {
    const bytes = this.dimensions * 4;
    const read = readSync(this.fd, bytesOf(into), 0, bytes, row * bytes);
    if (read !== bytes) throw indexCorrupt(this.file, `ends before vector ${row + 1} (changed after it was loaded?)`);
    return into;
  }

  /** All `count` floats, through the open file (a generation tidied away since the load stays readable). */
  readAll(count: number): Float32Array {
    const matrix = new Float32Array(count);
    const bytes = new Uint8Array(matrix.buffer);
    for (let at = 0; at < bytes.length; ) {
      const read = readSync(this.fd, bytes, at, Math.min(bytes.length - at, 1 << 30), at);
      if (read === 0) throw indexCorrupt(this.file, `has ${at} bytes, expected ${bytes.length} (changed after it was loaded?)`);
      at += read;
    }
    return matrix;
  }
}

/**
 * All vectors in one contiguous Float32Array, saved as raw little-endian floats. Chosen over vectra's
 * JSON file because that cannot be written past ~65k passages (V8 string limit) and loads slowly;
 * a brute-force scan over contiguous memory is also faster than vectra's per-item objects.
 */
export class FlatVectorStore implements VectorStore {
  readonly kind = 'flat' as const;
  /** Null while the vectors are read from `onDisk` row by row (see VectorFile). */
  private matrix: Float32Array | null;
  private ids: string[];
  /** Scratch row for scoring a vector read from disk. */
  private row: Float32Array | null = null;
  private rowsReadById = 0;
  /** Built on the first `get` (a reindex reusing vectors), not at load: 100k ids cost a stall on the bot's thread. */
  private rowOfIds: Map<string, number> | null = null;

  constructor(readonly dimensions: number, matrix?: Float32Array, ids?: string[], private readonly onDisk: RowSource | null = null) {
    this.matrix = matrix ?? (onDisk ? null : new Float32Array(0));
    this.ids = ids ?? [];
  }

  /** Every vector in memory: read whole on the first call that needs them all (a scan, an add). */
  private get all(): Float32Array {
    this.matrix ??= this.onDisk!.readAll(this.ids.length * this.dimensions);
    return this.matrix;
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
    grown.set(this.all);
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

  /** Every stored id, in row order. */
  storedIds(): readonly string[] {
    return this.ids;
  }

  /** The id stored at `row` (rows are in insertion order). */
  idAt(row: number): string | undefined {
    return this.ids[row];
  }

  /** The vector at `row`: a view when the vectors are in memory, else a copy read from disk. */
  rowVector(row: number): Float32Array {
    if (!this.matrix) return this.onDisk!.read(row, new Float32Array(this.dimensions));
    return this.matrix.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  get(id: string): Float32Array | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    // A reindex asks for every unchanged passage's vector: past a few reads one at a time, one read of the whole file is faster.
    if (!this.matrix && ++this.rowsReadById < GETS_BEFORE_READING_ALL) return this.onDisk!.read(row, new Float32Array(this.dimensions));
    return this.all.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  async query(vector: Float32Array, topK: number): Promise<VectorHit[]> {
    return this.querySync(vector, topK);
  }

  querySync(vector: Float32Array, topK: number): VectorHit[] {
    this.all;
    const scores = new Float32Array(this.ids.length);
    for (let row = 0; row < scores.length; row++) scores[row] = this.score(row, vector);
    return topKIndices(scores, topK).map(({ index, score }) => ({ id: this.ids[index]!, score }));
  }

  /** Dot product of the vector at `row` with `vector` (cosine: both unit length). */
  score(row: number, vector: Float32Array): number {
    const d = this.dimensions;
    let m = this.matrix;
    let base = row * d;
    if (!m) {
      m = this.onDisk!.read(row, (this.row ??= new Float32Array(d)));
      base = 0;
    }
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
    if (this.matrix) await fs.writeFile(path.join(dir, VECTORS_FILE), Buffer.from(this.matrix.buffer, this.matrix.byteOffset, this.matrix.byteLength));
    else if (this.onDisk instanceof VectorFile) await fs.copyFile(this.onDisk.file, path.join(dir, VECTORS_FILE));
    else await fs.writeFile(path.join(dir, VECTORS_FILE), Buffer.from(this.all.buffer, this.all.byteOffset, this.all.byteLength));
    await this.saveIds(dir);
  }

  /**
   * The ids file alone (a store that keeps its vectors its own way: see vector-segments.ts), unless the
   * ids are `passageIds`, the passages' of the index it is saved in, in order (see idsKeptWith): says
   * whether it wrote them.
   */
  async saveIds(dir: string, passageIds?: readonly string[]): Promise<boolean> {
    if (passageIds && sameIds(this.ids, passageIds)) return false;
    await writeIds(dir, this.dimensions, this.ids);
    return true;
  }

  /**
   * A store of the ids saved in `dir` (or `known`, ids kept elsewhere) whose vectors are read from `rows`;
   * `rows` is given the ids' dimensions and count.
   */
  static async withRows(dir: string, rows: (dimensions: number, count: number) => Promise<RowSource>, known: { dimensions: number; ids: string[] } | null = null): Promise<FlatVectorStore> {
    const header = known ?? (await readIds(dir));
    return new FlatVectorStore(header.dimensions, undefined, header.ids, await rows(header.dimensions, header.ids.length));
  }

  /**
   * `onDemand`: leave the vectors on disk and read rows as they are asked for (a store behind a graph
   * scores only its candidates); a scan or an add reads them all first.
   */
  static async load(dir: string, { onDemand = false } = {}): Promise<FlatVectorStore> {
    const vectorsPath = path.join(dir, VECTORS_FILE);
    const header = await readIds(dir);
    const expected = header.ids.length * header.dimensions * 4;
    const wrongSize = (bytes: number) =>
      indexCorrupt(vectorsPath, `has ${bytes} bytes, expected ${expected} (${header.ids.length} vectors × ${header.dimensions} dimensions)`);
    if (onDemand) {
      const bytes = (await fs.stat(vectorsPath).catch((error: unknown) => Promise.reject(indexCorrupt(vectorsPath, 'is missing', error)))).size;
      if (bytes !== expected) throw wrongSize(bytes);
      return new FlatVectorStore(header.dimensions, undefined, header.ids, new VectorFile(vectorsPath, header.dimensions));
    }
    const raw = await readIndexBytes(vectorsPath);
    if (raw.length !== expected) throw wrongSize(raw.length);
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
