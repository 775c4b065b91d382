import fs from 'node:fs/promises';
import path from 'node:path';
import { FlatVectorStore } from './flat-store.js';
import { idsKeptWith } from './vector-ids.js';
import { planGraph, type GraphUpdate } from './graph-plan.js';
import { SEGMENT_ROWS, SegmentedRows, writeSegments } from './vector-segments.js';
import { indexCorrupt, readIndexBytes, readIndexJson } from '../index/index-file.js';
import { makeGraphResident, RESIDENT_MIN_SIZE, type Residency } from './resident-graph.js';
import { searchSettings, warmGraph, warmSearches, type SearchSettings } from './graph-search.js';
import { graphKeyOf, labelOfGraphKey, readShape, RECORDLESS_SHAPE, type GraphShape } from './graph-shape.js';
import { buildGraphOffThread, isTemporaryGraphFile, placeGraphFile, temporaryGraphFile, viewGraph, viewSavedGraph, type Graph } from './usearch-graph.js';
import type { VectorHit, VectorItem, VectorStore } from '../index/vector-store.js';

export const GRAPH_FILE = 'usearch.bin';
const LABELS_FILE = 'vector-labels.bin';
const META_FILE = 'usearch.json';
/** Below this many vectors an exact scan takes a few milliseconds, so no graph is built or used. */
export const GRAPH_MIN_SIZE = 10_000;
/** A warm-up search asks for as many hits as the answer path's vector leg (DEFAULT_CANDIDATES, src/retrieve/answer.ts). */
const WARM_TOP_K = 60;

interface Meta {
  /** The next unused label: labels are never reused, so a deleted passage can never be returned. */
  nextLabel: number;
  /** Passages added or removed by incremental updates since the graph was last built from scratch. */
  changedSinceBuild: number;
  /** Labels per vectors segment (vector-segments.ts); absent in generations that kept one vectors.f32 in passage order. */
  segmentRows?: number;
  /** What the graph was built with; absent in generations written before it was recorded (connectivity 16 then). */
  shape?: GraphShape;
}

/**
 * Exact vectors (the flat store: source of truth, re-scoring, reuse on reindex) plus, above 10k passages,
 * a usearch graph of int8 vectors keyed by stable labels. A reindex patches the previous graph (remove
 * the labels of deleted passages, add the new ones) in a worker thread; it rebuilds only past
 * REBUILD_SHARE of changes, when there is no previous graph (new model: nothing is reusable), or when the
 * previous graph is sparser than new graphs are built (graphShape: an index from before connectivity 32).
 */
export class UsearchVectorStore implements VectorStore {
  readonly kind = 'usearch' as const;
  private rowOfLabel: Int32Array;
  /** The generation folder this store's files are in (loaded from or saved to), if any. */
  private dir: string | null = null;
  /** The store's segments that are the same in the generation it was updated from can be linked from there. */
  private linkFrom: { dir: string; nextLabel: number } | null = null;
  private search: SearchSettings; // by the graph's size (searchSettings), unless `load` was told otherwise

  private constructor(
    private flat: FlatVectorStore,
    private labels: Uint32Array,
    private graph: Graph | null,
    /** The file `graph` is mapped from: a temporary file until saved, then the generation's own. */
    private graphFile: string | null,
    private meta: Meta,
    public lastUpdate: GraphUpdate,
  ) {
    this.search = searchSettings(flat.size, this.shape.connectivity);
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
  static async build(dimensions: number, items: VectorItem[], previous: UsearchVectorStore | null, graphMinSize = GRAPH_MIN_SIZE, connectivity?: number | GraphShape): Promise<UsearchVectorStore> {
    // Shared memory: the graph worker reads the vectors without a copy (1.5 GB at 1M × 384).
    const matrix = new Float32Array(new SharedArrayBuffer(items.length * dimensions * 4));
    items.forEach((item, row) => matrix.set(item.vector, row * dimensions));
    const flat = new FlatVectorStore(dimensions, matrix, items.map((i) => i.id));
    if (items.length < graphMinSize) {
      return new UsearchVectorStore(flat, Uint32Array.from(items, (_, row) => row), null, null, { nextLabel: items.length, changedSinceBuild: 0 }, { kind: 'exact-only', added: 0, removed: 0 });
    }

    const base = previous?.graph && previous.graphFile && previous.dimensions === dimensions ? previous : null;
    const plan = planGraph(flat.storedIds(), base && { ids: base.flat.storedIds(), labels: base.labels, nextLabel: base.meta.nextLabel, changedSinceBuild: base.meta.changedSinceBuild, shape: base.shape }, connectivity);
    const { labels, addedRows, removed, shape } = plan;
    const patched = plan.incremental ? base : null;
    const meta: Meta = { nextLabel: plan.nextLabel, changedSinceBuild: plan.changedSinceBuild, shape };
    const view = (file: string) => viewGraph(file, dimensions, shape.connectivity, searchSettings(items.length, shape.connectivity).expansion);
    if (patched && addedRows.length === 0 && removed.length === 0) {
      return new UsearchVectorStore(flat, labels, view(patched.graphFile!), patched.graphFile, meta, { kind: 'unchanged', added: 0, removed: 0 }).linkedTo(patched);
    }
    const outFile = temporaryGraphFile();
    const all = addedRows.length === items.length;
    const addVectors = all ? matrix : new Float32Array(addedRows.length * dimensions);
    if (!all) addedRows.forEach((row, i) => addVectors.set(flat.rowVector(row), i * dimensions));
    await buildGraphOffThread({
      dimensions,
      connectivity: shape.connectivity,
      baseFile: patched?.graphFile ?? null,
      remove: removed.map((label) => graphKeyOf(label, shape)),
      addLabels: addedRows.map((row) => graphKeyOf(labels[row]!, shape)),
      addVectors,
      outFile,
    });
    const update: GraphUpdate = { kind: patched ? 'incremental' : 'full', added: addedRows.length, removed: removed.length };
    return new UsearchVectorStore(flat, labels, view(outFile), outFile, meta, update).linkedTo(patched);
  }

  /** What the graph was built with (an index written before this was recorded: connectivity 16). */
  get shape(): GraphShape {
    return this.meta.shape ?? RECORDLESS_SHAPE;
  }

  /** Lets `save` link the segments this store shares with `base` (labels kept, only appended since). */
  private linkedTo(base: UsearchVectorStore | null): this {
    if (base?.dir && base.meta.segmentRows === SEGMENT_ROWS) this.linkFrom = { dir: base.dir, nextLabel: base.meta.nextLabel };
    return this;
  }

  /** Appends items and rebuilds or patches the graph (VectorStore's generic path; reindex uses `build`). */
  async add(items: VectorItem[]): Promise<void> {
    const all: VectorItem[] = [];
    for (let row = 0; row < this.size; row++) all.push({ id: this.flat.idAt(row)!, vector: this.flat.rowVector(row) });
    const next = await UsearchVectorStore.build(this.dimensions, [...all, ...items], this);
    Object.assign(this, { flat: next.flat, labels: next.labels, graph: next.graph, graphFile: next.graphFile, search: next.search, meta: next.meta, lastUpdate: next.lastUpdate, rowOfLabel: next.rowOfLabel });
  }

  get(id: string): Float32Array | undefined {
    return this.flat.get(id);
  }

  /** The row a graph key stands for, or −1 (a label no row has any more). */
  rowOfGraphKey(key: number): number {
    return this.rowOfLabel[labelOfGraphKey(key, this.shape)] ?? -1;
  }

  async query(vector: Float32Array, topK: number): Promise<VectorHit[]> {
    const graph = this.graph;
    if (!graph) return this.flat.querySync(vector, topK);
    const k = Math.min(this.size, Math.max(this.search.perHit * topK, this.search.rescore));
    const { keys } = graph.search(vector, k, 1);
    // The 64-bit keys read as pairs of 32-bit words (little-endian): iterating the BigUint64Array made a BigInt per key.
    const words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
    const hits: Array<{ row: number; score: number }> = [];
    for (let i = 0; i < keys.length; i++) {
      const row = this.rowOfGraphKey(words[2 * i]! + words[2 * i + 1]! * 2 ** 32);
      if (row >= 0) hits.push({ row, score: this.flat.score(row, vector) });
    }
    hits.sort((a, b) => b.score - a.score || a.row - b.row);
    return hits.slice(0, topK).map(({ row, score }) => ({ id: this.flat.idAt(row)!, score }));
  }

  /**
   * Readies the served graph in the background: makeResident, then warmSearches(size) searches for stored vectors
   * spread over it (warmGraph: the query path compiled before users search). Returns how many ran; `count` overrides.
   */
  async warm(stopped: () => boolean = () => false, count = warmSearches(this.size), residentFrom = RESIDENT_MIN_SIZE): Promise<number> {
    await this.makeResident(stopped, residentFrom);
    const graph = this.graph;
    const searches = graph ? Math.min(this.size, count) : 0;
    const rows = Array.from({ length: searches }, (_, i) => Math.floor(((i + 0.5) * this.size) / searches));
    return warmGraph((row) => this.query(this.flat.rowVector(row), WARM_TOP_K), rows, () => stopped() || this.graph !== graph);
  }

  /** The served graph moved from its mapped file into process memory, in the background, from `minSize` vectors (resident-graph.ts). */
  async makeResident(stopped: () => boolean = () => false, minSize = RESIDENT_MIN_SIZE): Promise<Residency> {
    const graph = this.graph;
    const done = graph ? await makeGraphResident(graph, { size: this.size, connectivity: this.shape.connectivity }, () => stopped() || this.graph !== graph, minSize) : ({ state: 'no-graph' } as const);
    if (done.state === 'lost' && this.graph === graph) this.graph = null; // its view could not be restored: exact scan
    return done;
  }

  /** `passageIds`: the passages' ids of the index it is saved in, in order; when they are the store's, `load` must be given them (idsKeptWith). */
  async save(dir: string, passageIds?: readonly string[]): Promise<void> {
    const keptWith = (await this.flat.saveIds(dir, passageIds)) ? {} : { ids: 'passages', dimensions: this.dimensions };
    await writeSegments(dir, { dimensions: this.dimensions, segmentRows: SEGMENT_ROWS, nextLabel: this.meta.nextLabel, rowOfLabel: this.rowOfLabel, rowVector: this.flat.rowVector.bind(this.flat), linkFrom: this.linkFrom });
    this.meta = { ...this.meta, segmentRows: SEGMENT_ROWS };
    this.dir = dir;
    await fs.writeFile(path.join(dir, LABELS_FILE), Buffer.from(this.labels.buffer, this.labels.byteOffset, this.labels.byteLength));
    await fs.writeFile(path.join(dir, META_FILE), JSON.stringify({ ...this.meta, graph: this.graph !== null, ...keptWith }));
    if (!this.graph || !this.graphFile) return;
    const target = path.join(dir, GRAPH_FILE);
    await placeGraphFile(this.graphFile, target);
    this.graph = viewGraph(target, this.dimensions, this.shape.connectivity, this.search.expansion);
    this.graphFile = target;
  }

  /** Deletes the temporary graph file of a store that will never be saved. */
  async discard(): Promise<void> {
    if (this.graphFile && isTemporaryGraphFile(this.graphFile)) await fs.rm(this.graphFile, { force: true });
    this.graph = null;
    this.graphFile = null;
  }

  /** `search`: overrides the size's searchSettings (scripts/ann-curve.ts sweeps them). `passageIds`: as `save` was given them. */
  static async load(dir: string, search: Partial<SearchSettings> = {}, passageIds?: readonly string[]): Promise<UsearchVectorStore> {
    const metaFile = path.join(dir, META_FILE);
    const meta = (await readIndexJson(metaFile)) as Meta & { graph: boolean; ids?: unknown; dimensions?: unknown };
    if (typeof meta.graph !== 'boolean') throw indexCorrupt(metaFile, 'has no valid nextLabel/graph');
    const { segmentRows } = meta;
    if (segmentRows !== undefined && !(Number.isInteger(segmentRows) && segmentRows > 0)) throw indexCorrupt(metaFile, 'has no valid segmentRows');
    let labels = new Uint32Array(0);
    const readLabels = async (count: number) => {
      if (!Number.isInteger(meta.nextLabel) || meta.nextLabel < count) throw indexCorrupt(metaFile, 'has no valid nextLabel/graph');
      const labelsFile = path.join(dir, LABELS_FILE);
      const raw = await readIndexBytes(labelsFile);
      if (raw.length !== count * 4) throw indexCorrupt(labelsFile, `has ${raw.length} bytes, expected ${count * 4}`);
      labels = new Uint32Array(count);
      new Uint8Array(labels.buffer).set(raw);
      if (labels.some((label) => label >= meta.nextLabel)) throw indexCorrupt(labelsFile, 'holds a label past nextLabel');
    };
    // Behind a graph, only the candidates of each query are re-scored: their rows are read from disk.
    let flat: FlatVectorStore;
    if (segmentRows) {
      flat = await FlatVectorStore.withRows(dir, async (dimensions, count) => {
        await readLabels(count);
        return SegmentedRows.open(dir, labels, meta.nextLabel, dimensions, segmentRows);
      }, idsKeptWith(meta, metaFile, passageIds));
    } else {
      flat = await FlatVectorStore.load(dir, { onDemand: meta.graph });
      await readLabels(flat.size);
    }
    const kept: Meta = { nextLabel: meta.nextLabel, changedSinceBuild: meta.changedSinceBuild, ...(segmentRows ? { segmentRows } : {}) };
    if (!meta.graph) return new UsearchVectorStore(flat, labels, null, null, kept, { kind: 'none', added: 0, removed: 0 }).savedIn(dir);
    const shape = meta.shape === undefined ? RECORDLESS_SHAPE : readShape(meta.shape, metaFile);
    kept.shape = shape;
    const file = path.join(dir, GRAPH_FILE);
    const settings = { ...searchSettings(flat.size, shape.connectivity), ...search };
    const graph = await viewSavedGraph(file, metaFile, { dimensions: flat.dimensions, size: flat.size, connectivity: shape.connectivity, expansion: settings.expansion });
    return new UsearchVectorStore(flat, labels, graph, file, kept, { kind: 'none', added: 0, removed: 0 }).savedIn(dir, settings);
  }

  private savedIn(dir: string, search = this.search): this {
    this.dir = dir;
    this.search = search;
    return this;
  }
}
