import { statSync } from 'node:fs';
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type * as Usearch from 'usearch';

/** A usearch graph (usearch-graph.ts's Graph, named here without importing that module, which imports this one). */
type Graph = Usearch.Index;

/**
 * Why a served graph is moved from its memory-mapped file into process memory after start-up: pages of a
 * mapped file are reclaimable, and under memory pressure (on the measuring VM, a DAMON scheme that pages
 * out whatever was idle for seconds; on any server, other processes) the graph is read from disk again by
 * the searches that touch it (bench/README.md, *Resident graph*: the 1M vector p95 in wall time). Loaded into anonymous
 * memory it stays (no swap here; with swap, only under far worse pressure). Serving starts from the view
 * at once (cold load stays milliseconds); this runs in the background.
 */

/** The file's identity when it was viewed: a file replaced since is not the graph being served, so it is never loaded in its place. */
const viewedFiles = new WeakMap<Graph, { file: string; ino: number; size: number }>();

/** Records which file `graph` was just made to view (viewGraph). */
export function rememberView(graph: Graph, file: string): void {
  const { ino, size } = statSync(file);
  viewedFiles.set(graph, { file, ino, size });
}

/**
 * Graphs below this many vectors stay served from their file. At 100k (a 53 MB graph) the bench's searches
 * keep a view in memory (no major faults in steady state, vector p95 unchanged) while a resident copy added
 * ~40 MB of peak RSS against the 400 MB target (411 MB measured); at 1M (660 MB) the view was paged out
 * under the bench (wall p95 17.4 ms against 9.1 ms CPU) and resident it is ~9 ms. In between not measured:
 * 300k is where the expansion rule was last measured (bench/README.md, *Resident graph*).
 */
export const RESIDENT_MIN_SIZE = 300_000;

/** What making a served graph resident did (the bench prints it; the bot needs only that it finished). */
export type Residency =
  | { state: 'resident'; bytes: number; prefetchMs: number; blockMs: number }
  /** `small`: below the size from which graphs are made resident (RESIDENT_MIN_SIZE). */
  | { state: 'no-graph' | 'small' | 'already' | 'stopped' }
  /** Nothing changed: the store serves its view as before. */
  | { state: 'failed'; reason: string }
  /** The load failed after the view was dropped and viewing the file again failed too: the graph is empty. */
  | { state: 'lost'; reason: string };

/** Read size of the prefetch: large enough for sequential throughput, small enough to hold no memory to speak of. */
const PREFETCH_CHUNK = 4 * 2 ** 20;

/**
 * Reads `file` through, with async reads on libuv's threadpool (the event loop keeps serving), so that
 * its pages are in the page cache when usearch's synchronous `load` (or `view`, which walks every node:
 * readAheadVectorStore in vector-stores.ts) reads it: the blocking step is then a copy in memory, not a
 * wait on the disk. Returns the bytes read, or null when stopped.
 */
export async function prefetch(file: string, stopped: () => boolean): Promise<number | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(PREFETCH_CHUNK);
    for (let at = 0; at < size; at += PREFETCH_CHUNK) {
      if (stopped()) return null;
      await handle.read(buffer, 0, Math.min(PREFETCH_CHUNK, size - at), at);
    }
    return size;
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `graph`'s view of its file by a copy loaded into process memory, in place (the same Index
 * object, so every holder of it serves the copy from then on). The prefetch runs in the background and
 * checks `stopped()` (closing, or the graph no longer served) between reads; the swap is one synchronous
 * step, so no search can run on a half-loaded graph, and usearch's `load` drops the view before it
 * allocates the copy (RSS never holds both). `expected` is what the loaded graph must hold.
 * When the load fails after the view was dropped, the file is viewed again; only if that fails too is the
 * graph left empty ('lost': the store then serves by exact scan).
 */
export async function makeGraphResident(graph: Graph, expected: { size: number; connectivity: number }, stopped: () => boolean, minSize = RESIDENT_MIN_SIZE): Promise<Residency> {
  if (expected.size < minSize) return { state: 'small' };
  const viewed = viewedFiles.get(graph);
  if (!viewed) return { state: 'already' };
  const started = performance.now();
  let bytes: number | null;
  try {
    bytes = await prefetch(viewed.file, stopped);
  } catch (error) {
    return { state: 'failed', reason: `cannot read ${viewed.file}: ${(error as Error).message}` };
  }
  if (bytes === null || stopped()) return { state: 'stopped' };
  const prefetchMs = performance.now() - started;
  if (viewedFiles.get(graph) !== viewed) return { state: 'stopped' }; // viewed or loaded again meanwhile
  const blockStarted = performance.now();
  let now: { ino: number; size: number } | null = null;
  try {
    now = statSync(viewed.file);
  } catch {
    // Removed (a newer generation tidied this one): the view still serves from the open mapping.
  }
  if (!now || now.ino !== viewed.ino || now.size !== viewed.size) return { state: 'failed', reason: `${viewed.file} was removed or replaced since it was viewed; serving the view` };
  try {
    graph.load(viewed.file);
    if (graph.size() !== expected.size || graph.connectivity() !== expected.connectivity) throw new Error(`loaded ${graph.size()} vectors of connectivity ${graph.connectivity()}, expected ${expected.size} of ${expected.connectivity}`);
  } catch (error) {
    const reason = `loading ${viewed.file} failed (${(error as Error).message}); serving the view`;
    try {
      graph.view(viewed.file);
      return { state: 'failed', reason };
    } catch {
      viewedFiles.delete(graph);
      return { state: 'lost', reason: `${reason} — and viewing it again failed: serving by exact scan` };
    }
  }
  viewedFiles.delete(graph);
  return { state: 'resident', bytes, prefetchMs, blockMs: performance.now() - blockStarted };
}
