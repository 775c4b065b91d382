import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FlatVectorStore } from './flat-store.js';
import { indexCorrupt, readIndexBytes, readIndexJson } from '../index/index-file.js';
import { buildGraphOffThread, viewGraph, type Graph } from './usearch-graph.js';
import type { VectorHit, VectorItem, VectorStore } from '../index/vector-store.js';

const GRAPH_FILE = 'usearch.bin';
const LABELS_FILE = 'vector-labels.bin';
const META_FILE = 'usearch.json';

/** Below this many vectors an exact scan takes a few milliseconds, so no graph is built or used. */
export const GRAPH_MIN_SIZE = 10_000;
/** Past this share of passages changed since the last full build, the graph is rebuilt instead of patched. */
const REBUILD_SHARE = 0.2;
/** Graph candidates re-scored against the exact vectors: at least this many, and twice the hits wanted. */
const RESCORE_MIN = 100;

interface Meta {
  /** The next unused label: labels are never reused, so a deleted passage can never be returned. */
  nextLabel: number;
  /** Passages added or removed by incremental updates since the graph was last built from scratch. */
  changedSinceBuild: number;
}

/** What the last build did to the graph, for the reindex summary and the bench. */
export interface GraphUpdate {
  kind: 'none' | 'exact-only' | 'full' | 'incremental' | 'unchanged';
  added: number;
  removed: number;
}

/**
 * Exact vectors (the flat store: source of truth, re-scoring, reuse on reindex) plus, above 10k passages,
 * a usearch graph of int8 vectors keyed by stable labels. A reindex patches the previous graph (remove
 * the labels of deleted passages, add the new ones) in a worker thread; it rebuilds only past
 * REBUILD_SHARE of changes or when there is no previous graph (new model: nothing is reusable).
 */
export class UsearchVectorStore implements VectorStore {
  readonly kind = 'usearch' as const;
  private rowOfLabel: Int32Array;

  private constructor(
    private flat: FlatVectorStore,
    private labels: Uint32Array,
    private graph: Graph | null,
    /** The file `graph` is mapped from: a temporary file until saved, then the generation's own. */
    private graphFile: string | null,
    private meta: Meta,
    public lastUpdate: GraphUpdate,
  ) {
    this.rowOfLabel = new Int32Array(meta.nextLabel).fill(-1);
    labels.forEach((label, row) => (this.rowOfLabel[label] = row));
  }

  static create(dimensions: number): UsearchVectorStore {
    return new UsearchVectorStore(new FlatVectorStore(dimensions), new Uint32Array(0), null, null, { nextLabel: 0, changedSinceBuild: 0 }, { kind: 'none', added: 0, removed: 0 });
  }

  get dimensions(): number {
    return this.flat.dimensions;
  }

  get size(): number {
    return this.flat.size;
  }

  get hasGraph(): boolean {
    return this.graph !== null;
  }

  /**
   * The store for `items` (in passage order), reusing `previous`'s graph when it has one: unchanged
   * passages keep their labels, so only the difference goes through the graph.
   */
  static async build(dimensions: number, items: VectorItem[], previous: UsearchVectorStore | null, graphMinSize = GRAPH_MIN_SIZE): Promise<UsearchVectorStore> {
    // Shared memory: the graph worker reads the vectors without a copy (1.5 GB at 1M × 384).
    const matrix = new Float32Array(new SharedArrayBuffer(items.length * dimensions * 4));
    items.forEach((item, row) => matrix.set(item.vector, row * dimensions));
    const flat = new FlatVectorStore(dimensions, matrix, items.map((i) => i.id));
    const labels = new Uint32Array(items.length);
    if (items.length < graphMinSize) {
      labels.forEach((_, row) => (labels[row] = row));
      return new UsearchVectorStore(flat, labels, null, null, { nextLabel: items.length, changedSinceBuild: 0 }, { kind: 'exact-only', added: 0, removed: 0 });
    }

    const base = previous?.graph && previous.graphFile && previous.dimensions === dimensions ? previous : null;
    const addedRows: number[] = [];
    let removed: number[] = [];
    let nextLabel = base?.meta.nextLabel ?? 0;
    if (base) {
      const labelOf = new Map<string, number>();
      for (let row = 0; row < base.size; row++) labelOf.set(base.flat.idAt(row)!, base.labels[row]!);
      items.forEach((item, row) => {
        const label = labelOf.get(item.id);
        if (label === undefined) addedRows.push(row);
        else {
          labels[row] = label;
          labelOf.delete(item.id);
        }
      });
      removed = [...labelOf.values()];
    }
    const changed = (base?.meta.changedSinceBuild ?? 0) + addedRows.length + removed.length;
    const incremental = base !== null && changed <= REBUILD_SHARE * items.length;
    if (!incremental) {
      labels.forEach((_, row) => (labels[row] = row));
      nextLabel = items.length;
      addedRows.length = 0;
      items.forEach((_, row) => addedRows.push(row));
      removed = [];
    } else {
      for (const row of addedRows) labels[row] = nextLabel++;
    }
    const meta: Meta = { nextLabel, changedSinceBuild: incremental ? changed : 0 };
    if (incremental && addedRows.length === 0 && removed.length === 0) {
      return new UsearchVectorStore(flat, labels, viewGraph(base.graphFile!, dimensions), base.graphFile, meta, { kind: 'unchanged', added: 0, removed: 0 });
    }
    const outFile = path.join(os.tmpdir(), `isnad-graph-${process.pid}-${randomBytes(4).toString('hex')}.usearch`);
    const all = addedRows.length === items.length;
    const addVectors = all ? matrix : new Float32Array(addedRows.length * dimensions);
    if (!all) addedRows.forEach((row, i) => addVectors.set(flat.rowVector(row), i * dimensions));
    await buildGraphOffThread({
      dimensions,
      baseFile: incremental ? base.graphFile : null,
      remove: removed,
      addLabels: addedRows.map((row) => labels[row]!),
      addVectors,
      outFile,
    });
    const update: GraphUpdate = { kind: incremental ? 'incremental' : 'full', added: addedRows.length, removed: removed.length };
    return new UsearchVectorStore(flat, labels, viewGraph(outFile, dimensions), outFile, meta, update);
  }

  /** Appends items and rebuilds or patches the graph (VectorStore's generic path; reindex uses `build`). */
  async add(items: VectorItem[]): Promise<void> {
    const all: VectorItem[] = [];
    for (let row = 0; row < this.size; row++) all.push({ id: this.flat.idAt(row)!, vector: this.flat.rowVector(row) });
    const next = await UsearchVectorStore.build(this.dimensions, [...all, ...items], this);
    Object.assign(this, { flat: next.flat, labels: next.labels, graph: next.graph, graphFile: next.graphFile, meta: next.meta, lastUpdate: next.lastUpdate, rowOfLabel: next.rowOfLabel });
  }

  get(id: string): Float32Array | undefined {
    return this.flat.get(id);
  }

  async query(vector: Float32Array, topK: number): Promise<VectorHit[]> {
    const graph = this.graph;
    if (!graph) return this.flat.querySync(vector, topK);
    const k = Math.min(this.size, Math.max(2 * topK, RESCORE_MIN));
    const { keys } = graph.search(vector, k, 1);
    const hits: Array<{ row: number; score: number }> = [];
    for (const key of keys) {
      const row = this.rowOfLabel[Number(key)];
      if (row !== undefined && row >= 0) hits.push({ row, score: this.flat.score(row, vector) });
    }
    hits.sort((a, b) => b.score - a.score || a.row - b.row);
    return hits.slice(0, topK).map(({ row, score }) => ({ id: this.flat.idAt(row)!, score }));
  }

  async save(dir: string): Promise<void> {
    await this.flat.save(dir);
    await fs.writeFile(path.join(dir, LABELS_FILE), Buffer.from(this.labels.buffer, this.labels.byteOffset, this.labels.byteLength));
    await fs.writeFile(path.join(dir, META_FILE), JSON.stringify({ ...this.meta, graph: this.graph !== null }));
    if (!this.graph || !this.graphFile) return;
    const target = path.join(dir, GRAPH_FILE);
    const owned = path.basename(this.graphFile).startsWith('isnad-graph-');
    if (owned) await fs.rename(this.graphFile, target).catch(() => fs.copyFile(this.graphFile!, target));
    else await fs.link(this.graphFile, target).catch(() => fs.copyFile(this.graphFile!, target));
    if (owned) await fs.rm(this.graphFile, { force: true });
    this.graph = viewGraph(target, this.dimensions);
    this.graphFile = target;
  }

  /** Deletes the temporary graph file of a store that will never be saved. */
  async discard(): Promise<void> {
    if (this.graphFile && path.basename(this.graphFile).startsWith('isnad-graph-')) await fs.rm(this.graphFile, { force: true });
    this.graph = null;
    this.graphFile = null;
  }

  static async load(dir: string): Promise<UsearchVectorStore> {
    const metaFile = path.join(dir, META_FILE);
    const meta = (await readIndexJson(metaFile)) as Meta & { graph: boolean };
    if (typeof meta.graph !== 'boolean') throw indexCorrupt(metaFile, 'has no valid nextLabel/graph');
    // Behind a graph, only the candidates of each query are re-scored: their rows are read from disk.
    const flat = await FlatVectorStore.load(dir, { onDemand: meta.graph });
    if (!Number.isInteger(meta.nextLabel) || meta.nextLabel < flat.size) throw indexCorrupt(metaFile, 'has no valid nextLabel/graph');
    const labelsFile = path.join(dir, LABELS_FILE);
    const raw = await readIndexBytes(labelsFile);
    if (raw.length !== flat.size * 4) throw indexCorrupt(labelsFile, `has ${raw.length} bytes, expected ${flat.size * 4}`);
    const labels = new Uint32Array(flat.size);
    new Uint8Array(labels.buffer).set(raw);
    if (labels.some((label) => label >= meta.nextLabel)) throw indexCorrupt(labelsFile, 'holds a label past nextLabel');
    const { nextLabel, changedSinceBuild } = meta;
    if (!meta.graph) return new UsearchVectorStore(flat, labels, null, null, { nextLabel, changedSinceBuild }, { kind: 'none', added: 0, removed: 0 });
    const file = path.join(dir, GRAPH_FILE);
    let graph: Graph;
    try {
      await fs.access(file);
      graph = viewGraph(file, flat.dimensions);
    } catch (error) {
      throw indexCorrupt(file, 'is missing or unreadable', error);
    }
    if (graph.size() !== flat.size) throw indexCorrupt(file, `holds ${graph.size()} vectors, expected ${flat.size}`);
    return new UsearchVectorStore(flat, labels, graph, file, { nextLabel, changedSinceBuild }, { kind: 'none', added: 0, removed: 0 });
  }
}
