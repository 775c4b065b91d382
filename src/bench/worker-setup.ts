/**
 * What every bench phase shares (each phase runs in a child process of its own: ingest and serve in
 * workers.ts, low-rank and random in vector-workers.ts): its arguments, its folders, its progress
 * lines and how it builds an index.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../config.js';
import type { BuildOptions } from '../ingest/build-index.js';
import type { PreviousIndex } from '../index/snapshot.js';
import { silentLogger } from '../log.js';
import type { BenchModel, TimingEmbedder } from './embedders.js';
import { peakRssMb, progressLine } from './timing.js';

/** How deep each leg looks, as answerQuestion does by default. */
export const CANDIDATES = 50;

export interface WorkerArgs {
  size: number;
  workDir: string;
  seedsDir: string;
  model: BenchModel;
  seed: number;
  queries: number;
  vectraMax: number;
  realDimensions: number;
}

/** From this size on, the ingest phases print their progress (a 1M run takes long). */
const LOG_PROGRESS_FROM = 500_000;

/** One line on stderr about a run this large (where a phase is), or nothing. */
export function tell(args: WorkerArgs, text: string): void {
  if (args.size >= LOG_PROGRESS_FROM) process.stderr.write(`[bench] ${args.size} ${text} (peak RSS ${peakRssMb().toFixed(0)} MB)\n`);
}

/** A progress printer for a phase of a run this large, or none. */
export function progressFor(args: WorkerArgs, label: string): ReturnType<typeof progressLine> | undefined {
  return args.size >= LOG_PROGRESS_FROM ? progressLine(`${args.size} ${label}`) : undefined;
}

/** Bytes of the files under a path, as `du -b` counts them. */
export async function du(target: string): Promise<number> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await fs.readdir(target)) total += await du(path.join(target, entry));
  return total;
}

/** Where a run of this size writes its generated documents. */
export const docsDirOf = (args: WorkerArgs) => path.join(args.workDir, `docs-${args.size}`);

/** How the bench builds (or updates) an index: usearch, no log; scripts/update-share.ts builds the same way. */
export function benchBuildOptions(docsDir: string, embedder: TimingEmbedder, previous: PreviousIndex | null): BuildOptions {
  return {
    docsDir,
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    vectorStore: 'usearch',
    embedder,
    modelVariant: 'bench',
    modelStatus: { loaded: true, modelId: embedder.modelId, dimensions: embedder.dimensions },
    previous,
    log: silentLogger,
  };
}
