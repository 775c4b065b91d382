/** A usearch graph: viewed from its file, checked against its record, built or patched in a worker thread. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type * as Usearch from 'usearch';
import { indexCorrupt } from '../index/index-file.js';
import { searchSettings } from './graph-search.js';
import { EXPANSION_ADD } from './graph-shape.js';
import { rememberView } from './resident-graph.js';

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
const GRAPH_SETTINGS = { metric: MetricKind.IP, quantization: ScalarKind.I8, expansion_add: EXPANSION_ADD, multi: false };

export type Graph = Usearch.Index;

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

/** Graph files this process builds before they have a generation to live in start with this. */
const TEMPORARY_PREFIX = 'isnad-graph-';

/** A fresh file name for a graph built before it has a generation to live in. */
export function temporaryGraphFile(): string {
  return path.join(os.tmpdir(), `${TEMPORARY_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}.usearch`);
}

/** A graph file this process built (temporaryGraphFile), not a generation's own. */
export function isTemporaryGraphFile(file: string): boolean {
  return path.basename(file).startsWith(TEMPORARY_PREFIX);
}

/**
 * Puts a graph file into a generation as `target`: a temporary one is moved, a generation's own is
 * hard-linked (nothing writes to a published file); either is copied where that cannot be done.
 */
export async function placeGraphFile(file: string, target: string): Promise<void> {
  if (!isTemporaryGraphFile(file)) {
    await fs.link(file, target).catch(() => fs.copyFile(file, target));
    return;
  }
  await fs.rename(file, target).catch(() => fs.copyFile(file, target));
  await fs.rm(file, { force: true });
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
