import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type * as Usearch from 'usearch';
import { indexCorrupt } from '../index/index-file.js';
import { rememberView, RESIDENT_MIN_SIZE } from './resident-graph.js';

/*
 * usearch's CommonJS build, not its ES module: the ES module finds its native binary by walking up
 * from the caller's file name in a stack trace, which under a loader (tsx in a worker thread, as the
 * reindex worker runs from sources) is a URL, so the walk never reaches `/` and spins forever.
 */
const { Index, MetricKind, ScalarKind } = createRequire(import.meta.url)('usearch') as typeof Usearch;

/**
 * Graph settings, chosen by `npm run bench` on 100k low-rank 384-dim vectors: int8 vectors in the graph
 * build ~3× faster than f32 and search ~2× faster; their coarser distances are corrected by re-scoring
 * the candidates against the exact Float32 vectors. The search expansion is not here: it depends on the
 * graph's size (searchSettings).
 */
const GRAPH_SETTINGS = { metric: MetricKind.IP, quantization: ScalarKind.I8, expansion_add: 128, multi: false };

/** What a graph was built with, recorded in the index (usearch.json) beside it. */
export interface GraphShape {
  /** Links per node: a denser graph costs more to build and store but reaches a given recall with a narrower search. */
  connectivity: number;
  expansionAdd: number;
  quantization: 'i8';
  metric: 'ip';
  /**
   * How labels become the graph's keys. usearch finds a key in a linear-probing table hashed by the key itself and
   * removes it by scanning to the end of its run: a full build's labels 0…N−1 fill one run, and removing 10k of 1M
   * took 32 s (bench/README.md, *the first update after a full build*). 'mixed' spreads them by a bijection; graphs
   * written before it (absent) keep their labels as keys.
   */
  keys?: 'mixed';
}

/** The recorded graph shape, checked: a graph this code did not build cannot be patched or searched as if it had. */
export function readShape(raw: unknown, metaFile: string): GraphShape {
  const shape = raw as Partial<GraphShape> | null;
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;
  if (!shape || !whole(shape.connectivity) || !whole(shape.expansionAdd) || shape.quantization !== 'i8' || shape.metric !== 'ip' || (shape.keys !== undefined && shape.keys !== 'mixed')) {
    throw indexCorrupt(metaFile, `records a graph shape this version cannot serve (${JSON.stringify(raw)})`);
  }
  return { connectivity: shape.connectivity, expansionAdd: shape.expansionAdd, quantization: 'i8', metric: 'ip', ...(shape.keys ? { keys: shape.keys } : {}) };
}

/** An odd multiplier and its inverse modulo 2^32: label ↔ key is a bijection on 32 bits, and consecutive labels land far apart. */
const KEY_MIX = 0x9e3779b1;
const KEY_UNMIX = 0x0e8b2f51;

/** The graph key of a label. */
export function graphKeyOf(label: number, shape: GraphShape): number {
  return shape.keys === 'mixed' ? Math.imul(label, KEY_MIX) >>> 0 : label;
}

/** The label of a graph key (the inverse of graphKeyOf). */
export function labelOfGraphKey(key: number, shape: GraphShape): number {
  return shape.keys === 'mixed' ? Math.imul(key, KEY_UNMIX) >>> 0 : key;
}

/** The shape of a graph written before shapes were recorded (one object: the search reads it for every key). */
export function recordlessShape(): GraphShape {
  return RECORDLESS_SHAPE;
}

/** Indexes written before the shape was recorded were all built with this connectivity. */
export const DEFAULT_CONNECTIVITY = 16;
const RECORDLESS_SHAPE: GraphShape = Object.freeze({ connectivity: DEFAULT_CONNECTIVITY, expansionAdd: GRAPH_SETTINGS.expansion_add, quantization: 'i8', metric: 'ip' });
/**
 * Every new graph's connectivity, chosen by scripts/ann-curve.ts (bench/README.md, *Graph connectivity*): at equal
 * recall a graph of 32 links per node is searched with a narrower expansion than one of 16, for less
 * CPU per query (100k: recall@10 0.974 at expansion 128 against 0.974 at 256 for 16), and at 1M it has
 * margin where 16 had none (0.967 at p95 8.5–8.9 ms; 16: 0.954 at 8.9–9.5 ms). It costs ~1.3–1.7× the
 * build time and ~25 % more graph file (630 MB at 1M × 384).
 */
const CONNECTIVITY = 32;

/** The shape a new graph is built with (`connectivity` overrides the shipped one: old indexes, scripts/ann-curve.ts). */
export function graphShape(connectivity = CONNECTIVITY): GraphShape {
  return { connectivity, expansionAdd: GRAPH_SETTINGS.expansion_add, quantization: 'i8', metric: 'ip', keys: 'mixed' };
}

/**
 * Search expansion by graph connectivity, at measured sizes (scripts/ann-curve.ts on low-rank 384-dim
 * vectors, recall@10 of the re-scored top 50 against an exact scan; bench/README.md, *Graph connectivity*);
 * between them log-log interpolated, past the last one extended along the last step, below the first one
 * the first (a small graph is cheap to search). Connectivity 16 (indexes built before 32): 192 at 100k,
 * ×4 per tenfold (recall 0.96 at 100k, 0.954 at 1M). Connectivity 32: the narrowest expansion with recall
 * ≥ 0.965 at each size (0.974 at 100k, 0.970 at 300k, 0.967 at 1M; p95 8.5–8.9 ms at 1M on a quiet machine).
 */
const EXPANSION_RULES: ReadonlyArray<{ connectivity: number; at: ReadonlyArray<readonly [size: number, expansion: number]> }> = [
  { connectivity: 16, at: [[100_000, 192], [1_000_000, 768]] },
  { connectivity: 32, at: [[100_000, 128], [300_000, 288], [1_000_000, 384]] },
];
/** Graph hits re-scored on the exact vectors: at least this many (and twice the hits wanted). */
const RESCORE_MIN = 100;
/**
 * From RESIDENT_MIN_SIZE vectors, only the graph's first hits (by its own int8 distance) are re-scored: as
 * many as the hits wanted, at least this many. There the exact rows are read from a vectors file too large to
 * stay in the page cache (1.5 GB at 1M), so each row re-scored is a disk read in the tail. Measured by
 * scripts/rescore-depth.ts on the 1M bench index (bench/README.md, *Re-scoring depth*): the exact top 10 found among
 * the graph's 120 hits sit at graph rank ≤ 22 for 99 % (max 40); recall@10 0.972 re-scoring all 120,
 * 0.972 the first 60, 0.971 the first 40, 0.959 the first 20; with the rows evicted, p95 wall 55.6 ms for
 * 120 rows, 32.0 for 60, 30.4 for 40.
 */
const RESIDENT_RESCORE_MIN = 40;

export type Graph = Usearch.Index;

/** How a graph is searched: its expansion (candidate list kept while walking) and how many of its hits are re-scored exactly. */
export interface SearchSettings {
  expansion: number;
  /** Graph hits re-scored against the exact vectors: at least this many, and `perHit` times the hits wanted. */
  rescore: number;
  perHit: number;
}

/**
 * How a graph of `size` vectors is searched: a larger graph needs a wider search for the same recall
 * (re-scoring deeper does not help: the exact neighbours the graph misses are not in its top 400 either),
 * and from RESIDENT_MIN_SIZE fewer of its hits are re-scored (RESIDENT_RESCORE_MIN).
 */
export function searchSettings(size: number, connectivity: number): SearchSettings {
  // A connectivity without its own rule (a graph not built by this version) takes the rule of the densest
  // measured graph no denser than it: a denser graph finds at least as much with the same expansion.
  const { at } = EXPANSION_RULES.filter((r) => r.connectivity <= connectivity).at(-1) ?? EXPANSION_RULES[0]!;
  const above = at.findIndex(([anchor]) => anchor >= size);
  const step = above === -1 ? at.length - 1 : Math.max(1, above);
  const [size0, expansion0] = at[step - 1]!;
  const [size1, expansion1] = at[step]!;
  const slope = Math.log(expansion1 / expansion0) / Math.log(size1 / size0);
  const expansion = expansion0 * (Math.max(size, at[0]![0]) / size0) ** slope;
  const rescore = size >= RESIDENT_MIN_SIZE ? { rescore: RESIDENT_RESCORE_MIN, perHit: 1 } : { rescore: RESCORE_MIN, perHit: 2 };
  return { expansion: Math.round(expansion), ...rescore };
}

/**
 * Searches that warm a freshly loaded graph up before users search it (warmGraph). By scripts/graph-warmth.ts
 * at 100k (bench/README.md, *The first searches after a load*): after 200 warm-up searches the first 200 searches
 * after a load cost what later ones do (CPU p95 2.43–2.45 ms against 2.40–2.47; without: 2.54–3.12 ms, up
 * to 4.9 ms over searches 2–100); graph searches alone (40 or 200) mapped the graph but left that tail (the
 * query's own code was not compiled yet). At 1M the 200 take ~1.5 s of CPU in the background and map the
 * whole graph (what the first ten searches would map anyway): the first search after load 8 ms, not 28–33.
 */
export function warmSearches(size: number): number {
  return Math.min(size, WARM_SEARCHES);
}
const WARM_SEARCHES = 200;

/**
 * Runs `search` (the serving path: graph search and exact re-scoring) on `probes`, one per turn of the event
 * loop so a waiting question goes first, and returns how many ran. Right after a load, a graph viewed
 * from its file is mapped but not read (each page a search touches first is a page fault) and the search's
 * own code is not yet compiled: the first searches after a load are the slow ones, and these take them
 * instead of users. A plain function of a search, so whichever thread serves the graph can run it there.
 * Stops early when `stopped()` (the graph was replaced or the process is closing).
 */
export async function warmGraph<Probe>(search: (probe: Probe) => unknown, probes: Iterable<Probe>, stopped: () => boolean = () => false): Promise<number> {
  let searched = 0;
  for (const probe of probes) {
    if (stopped()) break;
    await search(probe);
    searched++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return searched;
}

/** The graph's constructor options: plain data, so the graph worker builds with the very same. */
function graphOptions(dimensions: number, connectivity: number) {
  return { dimensions, ...GRAPH_SETTINGS, connectivity, expansion_search: searchSettings(0, connectivity).expansion };
}

/** A graph served straight from its file (memory-mapped: loads in milliseconds, pages in on use), searched with `expansion`. */
export function viewGraph(file: string, dimensions: number, connectivity: number, expansion: number): Graph {
  const graph = new Index({ ...graphOptions(dimensions, connectivity), expansion_search: expansion });
  graph.view(file);
  rememberView(graph, file);
  return graph;
}

/** A generation's saved graph, viewed and checked against what its store records (INDEX_CORRUPT otherwise). */
export async function viewSavedGraph(file: string, metaFile: string, expected: { dimensions: number; size: number; connectivity: number; expansion: number }): Promise<Graph> {
  let graph: Graph;
  try {
    await fs.access(file);
    graph = viewGraph(file, expected.dimensions, expected.connectivity, expected.expansion);
  } catch (error) {
    throw indexCorrupt(file, 'is missing or unreadable', error);
  }
  if (graph.size() !== expected.size) throw indexCorrupt(file, `holds ${graph.size()} vectors, expected ${expected.size}`);
  if (graph.connectivity() !== expected.connectivity) throw indexCorrupt(file, `has connectivity ${graph.connectivity()}, ${path.basename(metaFile)} records ${expected.connectivity}`);
  return graph;
}

export interface GraphJob {
  dimensions: number;
  /** Of a new graph; a patched graph keeps its own (usearch reads it from the file). */
  connectivity: number;
  /** Graph to start from (its labels stay valid), or null for a new graph. */
  baseFile: string | null;
  remove: number[];
  /** Labels and row-major vectors to add. */
  addLabels: number[];
  addVectors: Float32Array;
  outFile: string;
}

/**
 * Runs one graph build or update in a worker thread, so the bot keeps answering and heartbeating while
 * a large reindex adds 100k vectors to the graph (usearch's own threads do the work). The worker is
 * plain JavaScript given as source: it runs the same under node, tsx and vitest, with no loader.
 */
export function buildGraphOffThread(job: GraphJob): Promise<{ size: number }> {
  const threads = Math.max(1, os.availableParallelism());
  const usearchPath = createRequire(import.meta.url).resolve('usearch');
  const options = graphOptions(job.dimensions, job.connectivity);
  return new Promise((resolve, reject) => {
    const thread = new Worker(`(${graphWorkerMain.toString()})()`, { eval: true, workerData: { job: { ...job, threads }, usearchPath, options } });
    let settled = false;
    thread.once('message', (message: { ok: true; size: number } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve({ size: message.size });
      else reject(new Error(`vector graph build failed: ${message.message}`));
      void thread.terminate();
    });
    thread.once('error', (error) => {
      settled = true;
      reject(error);
    });
    thread.once('exit', (code) => {
      if (!settled) reject(new Error(`vector graph worker exited (${code}) without a result`));
    });
  });
}

/** The worker's body: self-contained, since it is passed to the worker as source text. */
function graphWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads');
  const { job, usearchPath, options } = workerData;
  try {
    const { Index } = require(usearchPath);
    const graph = new Index(options);
    if (job.baseFile) graph.load(job.baseFile);
    if (job.remove.length > 0) graph.remove(BigUint64Array.from(job.remove, BigInt));
    if (job.addLabels.length > 0) graph.add(BigUint64Array.from(job.addLabels, BigInt), job.addVectors, job.threads);
    graph.save(job.outFile);
    parentPort.postMessage({ ok: true, size: graph.size() });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}
