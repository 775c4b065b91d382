/**
 * The bench's 1 % update alone, over an index already built (e.g. the 1M one `npm run bench -- --keep`
 * leaves), phase by phase, wall and process CPU time (every thread), embedding left out:
 *   npx tsx scripts/update-alone.ts <index folder> <documents folder> [--restamp]
 * Work on copies: the update is published into the index folder, then undone (CURRENT set back, the new
 * generation removed, the documents restored), so the next run, of the same or other code, sees the same
 * index and the same change. Copies whose documents are new files (`cp -a`: new inodes and status times)
 * or whose manifest names another folder must first be published once with `--restamp` (no change; it
 * reads every file once and is kept as the index to update). The change is the bench's (pickUpdateFiles,
 * seed 42: small files removed, new documents of as many passages added under `update-alone/`).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIndex } from '../src/ingest/build-index.js';
import { parseManifest } from '../src/index/snapshot.js';
import { readIndexJson } from '../src/index/index-file.js';
import { IndexDirectory } from '../src/store/index-dir.js';
import { LowRankEmbedder, TimingEmbedder } from '../src/bench/embedders.js';
import { pickUpdateFiles } from '../src/bench/vector-workers.js';
import { benchBuildOptions } from '../src/bench/worker-setup.js';
import { CorpusGenerator, readSeedMaterial } from '../src/bench/synth.js';
import { PhaseClock, peakRssMb } from '../src/bench/timing.js';

const [indexDir, docsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!indexDir || !docsArg) throw new Error('usage: npx tsx scripts/update-alone.ts <index folder> <documents folder> [--restamp]');
const docsDir = path.resolve(docsArg);
const restamp = process.argv.includes('--restamp');
const directory = new IndexDirectory(indexDir);
const base = await directory.currentGeneration();
if (!base) throw new Error(`no index in ${indexDir}`);
const baseManifest = parseManifest(await readIndexJson(path.join(base, 'manifest.json')), base);

const added = path.join(docsDir, 'update-alone');
const aside = path.join(path.dirname(docsDir), `${path.basename(docsDir)}-removed`);
const { sources: removedSources, removed } = restamp ? { sources: [], removed: 0 } : pickUpdateFiles(baseManifest.files, baseManifest.passages, 42);
await fs.mkdir(aside, { recursive: true });
for (const source of removedSources) await fs.rename(path.join(docsDir, source), path.join(aside, source.replaceAll('/', '_')));
if (removed > 0) {
  await fs.mkdir(added, { recursive: true });
  for (const doc of new CorpusGenerator(await readSeedMaterial(path.resolve('seeds')), { passages: removed, seed: 49 }).documents()) {
    await fs.writeFile(path.join(added, doc.source), doc.text);
  }
}

let published: string | null = null;
try {
  const embedder = new TimingEmbedder(new LowRankEmbedder());
  const clock = new PhaseClock(embedder);
  const previous = await directory.loadReusable(base);
  clock.mark('load reused');
  const built = await buildIndex({ ...benchBuildOptions(docsDir, embedder, previous), onProgress: (p) => clock.mark(p.phase) });
  clock.mark('vectors');
  published = await directory.publish(built.snapshot, (p) => clock.mark(`write ${p.done}/${p.total}`));
  const { seconds, cpuSeconds } = clock.totals();
  const s = built.summary;
  console.log(
    `update: ${seconds.toFixed(2)} s excl. ${(embedder.passageMs / 1000).toFixed(2)} s embedding (CPU ${cpuSeconds.toFixed(2)} s excl. ${(embedder.passageCpuMs / 1000).toFixed(2)} s); ` +
      `${s.passages} passages, ${s.read} files read, ${s.analyzed} analyzed, ${s.embedded} embedded; −${removed} passages; peak RSS ${peakRssMb().toFixed(0)} MB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log('  ' + clock.describe());
} finally {
  await fs.rm(added, { recursive: true, force: true });
  for (const source of removedSources) await fs.rename(path.join(aside, source.replaceAll('/', '_')), path.join(docsDir, source));
  if (published && !restamp) {
    await fs.writeFile(path.join(indexDir, 'CURRENT'), path.basename(base));
    await fs.rm(published, { recursive: true, force: true });
  }
}
