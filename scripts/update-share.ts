/**
 * Where an update of ~1 % of the passages spends its time, beside a full build (quicker to read than
 * `npm run bench`, which reports only the two totals):  npx tsx scripts/update-share.ts [passages=100000] [work folder]
 * The bench's corpus (seed 42), its low-rank 384-dim embedder and its change (small files removed, new
 * ones added, ~1 % of the passages); times exclude embedding. The update is timed from loading what it
 * reuses (`loadReusable`, as a /reindex in the worker does) to the published generation, phase by phase
 * (the phases are the build's progress phases: what runs between two reports is charged to the later one).
 * Wall time and process CPU time (all threads) are both printed: on a loaded machine the CPU share is the steadier.
 * The corpus is kept in the work folder and restored afterwards, so a second run (of other code) sees the same one.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PreviousIndex } from '../src/index/snapshot.js';
import { IndexDirectory } from '../src/store/index-dir.js';
import { clockedBuild } from '../src/bench/clocked-build.js';
import { readSeedMaterial, writeCorpus } from '../src/bench/synth.js';
import { changeForUpdate, pickUpdateFiles } from '../src/bench/update-change.js';

const size = Number(process.argv[2] ?? 100_000);
const work = process.argv[3] ?? path.join(os.tmpdir(), `isnad-update-share-${size}`);
const docsDir = path.join(work, 'docs');
const seeds = path.resolve('seeds');
if (!(await fs.stat(docsDir).catch(() => null))) await writeCorpus(docsDir, await readSeedMaterial(seeds), { passages: size, seed: 42 });
const indexDir = path.join(work, 'index');
await fs.rm(indexDir, { recursive: true, force: true });
const directory = new IndexDirectory(indexDir);

async function run(label: string, loadPrevious: () => Promise<PreviousIndex | null>) {
  const { built, clock, embedder } = await clockedBuild(directory, docsDir, loadPrevious, (p) => `write ${p.done}/${p.total}`);
  // CPU time is what load inflates least (the wall time of a build under load is mostly waiting for a core).
  const { seconds, cpuSeconds } = clock.totals();
  const s = built.summary;
  console.log(`${label}: ${seconds.toFixed(2)} s excl. ${(embedder.passageMs / 1000).toFixed(2)} s embedding (CPU ${cpuSeconds.toFixed(2)} s excl. embedding); ${s.passages} passages, ${s.analyzed} analyzed, ${s.embedded} embedded`);
  console.log('  ' + clock.describe());
  return { built, seconds, cpuSeconds };
}

const full = await run('full build', async () => null);
const passages = full.built.snapshot.passages.length;
const undo = await changeForUpdate(docsDir, pickUpdateFiles(full.built.snapshot.manifest.files, passages, 42), {
  aside: path.join(work, 'removed'),
  added: path.join(docsDir, 'update'),
  seeds,
});
try {
  const update = await run('update', async () => directory.loadReusable((await directory.currentGeneration())!));
  console.log(`update share: ${((100 * update.seconds) / full.seconds).toFixed(1)} % of the full build, CPU ${((100 * update.cpuSeconds) / full.cpuSeconds).toFixed(1)} % (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
} finally {
  await undo();
}
