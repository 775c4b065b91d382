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
import { parseManifest } from '../src/index/snapshot.js';
import { readIndexJson } from '../src/index/index-file.js';
import { IndexDirectory } from '../src/store/index-dir.js';
import { clockedBuild } from '../src/bench/clocked-build.js';
import { peakRssMb } from '../src/bench/timing.js';
import { changeForUpdate, pickUpdateFiles } from '../src/bench/update-change.js';

const [indexDir, docsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!indexDir || !docsArg) throw new Error('usage: npx tsx scripts/update-alone.ts <index folder> <documents folder> [--restamp]');
const docsDir = path.resolve(docsArg);
const restamp = process.argv.includes('--restamp');
const directory = new IndexDirectory(indexDir);
const base = await directory.currentGeneration();
if (!base) throw new Error(`no index in ${indexDir}`);
const baseManifest = parseManifest(await readIndexJson(path.join(base, 'manifest.json')), base);

const change = restamp ? { sources: [], removed: 0 } : pickUpdateFiles(baseManifest.files, baseManifest.passages, 42);
const { removed } = change;
const undo = await changeForUpdate(docsDir, change, {
  aside: path.join(path.dirname(docsDir), `${path.basename(docsDir)}-removed`),
  added: path.join(docsDir, 'update-alone'),
  seeds: path.resolve('seeds'),
});

let published: string | null = null;
try {
  const { built, clock, embedder, generation } = await clockedBuild(directory, docsDir, () => directory.loadReusable(base), (p) => `write ${p.done}/${p.total}`);
  published = generation;
  const { seconds, cpuSeconds } = clock.totals();
  const s = built.summary;
  console.log(
    `update: ${seconds.toFixed(2)} s excl. ${(embedder.passageMs / 1000).toFixed(2)} s embedding (CPU ${cpuSeconds.toFixed(2)} s excl. ${(embedder.passageCpuMs / 1000).toFixed(2)} s); ` +
      `${s.passages} passages, ${s.read} files read, ${s.analyzed} analyzed, ${s.embedded} embedded; −${removed} passages; peak RSS ${peakRssMb().toFixed(0)} MB; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log('  ' + clock.describe());
} finally {
  await undo();
  if (published && !restamp) {
    await fs.writeFile(path.join(indexDir, 'CURRENT'), path.basename(base));
    await fs.rm(published, { recursive: true, force: true });
  }
}
