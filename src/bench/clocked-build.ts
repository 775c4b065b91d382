import type { PreviousIndex } from '../index/snapshot.js';
import { buildIndex } from '../ingest/build-index.js';
import type { IndexDirectory } from '../store/index-dir.js';
import type { Progress } from '../types.js';
import { LowRankEmbedder, TimingEmbedder } from './embedders.js';
import { PhaseClock } from './timing.js';
import { benchBuildOptions } from './worker-setup.js';

/**
 * A build as the bench's low-rank phase does it (loading what it reuses, buildIndex, publish into
 * `directory`), each phase on a PhaseClock with the embedding left out: what the update scripts time.
 * `writePhase` names the publish's progress steps (one phase, or one per step).
 */
export async function clockedBuild(
  directory: IndexDirectory,
  docsDir: string,
  loadPrevious: () => Promise<PreviousIndex | null>,
  writePhase: (progress: Progress) => string,
) {
  const embedder = new TimingEmbedder(new LowRankEmbedder());
  const clock = new PhaseClock(embedder);
  const previous = await loadPrevious();
  clock.mark('load reused');
  const built = await buildIndex({ ...benchBuildOptions(docsDir, embedder, previous), onProgress: (p) => clock.mark(p.phase) });
  clock.mark('vectors');
  const generation = await directory.publish(built.snapshot, (p) => clock.mark(writePhase(p)));
  return { built, clock, embedder, generation };
}
