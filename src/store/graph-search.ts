/**
 * How a graph is searched: its expansion by size and connectivity, how many of its hits are re-scored
 * exactly, and the searches that warm a freshly loaded graph up.
 */
import { RESIDENT_MIN_SIZE } from './resident-graph.js';

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
