/**
 * The bench's low-rank phase split apart, to see what a 1 % update costs right after a full build in the same
 * process against the same update in a fresh one (embedding left out, phase by phase, wall and CPU, GC pauses):
 *   node --max-old-space-size=8192 [--expose-gc] --import tsx scripts/build-then-update.ts <docs> <new index folder> [modes]
 * modes, in order, comma-separated (default `same,process`): `same` the update in this process right after the
 * build (as ingestLowRankWorker did), `gc` the same after a full GC, `process` the update in a fresh process
 * (scripts/update-alone.ts, same heap limit; `process0` with Node's default one). Each update is undone before the next (update-alone's way).
 * The documents folder is changed and restored: work on a copy.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { PreviousIndex } from '../src/index/snapshot.js';
import { IndexDirectory } from '../src/store/index-dir.js';
import { clockedBuild } from '../src/bench/clocked-build.js';
import { peakRssMb } from '../src/bench/timing.js';
import { changeForUpdate, pickUpdateFiles } from '../src/bench/update-change.js';

const [docsArg, indexArg, modesArg] = process.argv.slice(2);
if (!docsArg || !indexArg) throw new Error('usage: scripts/build-then-update.ts <docs> <new index folder> [same,gc,process]');
const docsDir = path.resolve(docsArg);
const indexDir = path.resolve(indexArg);
const modes = (modesArg ?? 'same,process').split(',');
const directory = new IndexDirectory(indexDir);

let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) [gcMs, gcCount] = [gcMs + entry.duration, gcCount + 1];
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const heap = () => {
  const m = process.memoryUsage();
  return `RSS ${(m.rss / 2 ** 20).toFixed(0)} MB, heap used/total ${(m.heapUsed / 2 ** 20).toFixed(0)}/${(m.heapTotal / 2 ** 20).toFixed(0)} MB, external ${(m.external / 2 ** 20).toFixed(0)} MB, array buffers ${(m.arrayBuffers / 2 ** 20).toFixed(0)} MB`;
};
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function timedBuild(label: string, previousOf: () => Promise<PreviousIndex | null>): Promise<void> {
  await settle();
  const [gc0, n0] = [gcMs, gcCount];
  const { built, clock, embedder } = await clockedBuild(directory, docsDir, previousOf, () => 'write');
  clock.mark('write');
  const { seconds, cpuSeconds } = clock.totals();
  await settle();
  console.log(
    `${label}: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s) excl. ${(embedder.passageMs / 1000).toFixed(2)} s embedding; ` +
      `GC ${((gcMs - gc0) / 1000).toFixed(2)} s in ${gcCount - n0} pauses (main thread); ${built.summary.passages} passages, ${built.summary.analyzed} analyzed; ` +
      `peak RSS ${peakRssMb().toFixed(0)} MB; load ${load()}\n  ${clock.describe()}\n  after: ${heap()}`,
  );
}

console.log(`start: ${heap()}; load ${load()}; ${new Date().toISOString()}`);
await timedBuild('full build', async () => null);
const base = (await directory.currentGeneration())!;
const manifest = JSON.parse(await fs.readFile(path.join(base, 'manifest.json'), 'utf8')) as { files: { source: string; passages: number }[]; passages: number };
const passages = typeof manifest.passages === 'number' ? manifest.passages : 1_000_000;

for (const mode of modes) {
  if (mode === 'process' || mode === 'process0') {
    const flags = mode === 'process' ? process.execArgv.filter((a) => a.startsWith('--max-old-space-size')) : [];
    const out = execFileSync(process.execPath, [...flags, '--import', 'tsx', 'scripts/update-alone.ts', indexDir, docsDir], { encoding: 'utf8' });
    console.log(`update, fresh process (${flags.join(' ') || 'default heap'}): ${out.trim()}`);
    continue;
  }
  if (mode === 'gc') {
    const started = performance.now();
    (globalThis as { gc?: () => void }).gc?.();
    console.log(`full GC: ${(performance.now() - started).toFixed(0)} ms; ${heap()}`);
  }
  const { sources, removed } = pickUpdateFiles(manifest.files, passages, 42);
  const undo = await changeForUpdate(docsDir, { sources, removed }, {
    aside: path.join(path.dirname(docsDir), `${path.basename(docsDir)}-removed`),
    added: path.join(docsDir, 'update-alone'),
    seeds: path.resolve('seeds'),
  });
  try {
    await timedBuild(`update, same process (${mode}), −${removed}`, () => directory.loadReusable(base));
  } finally {
    await undo();
    const published = await directory.currentGeneration();
    await fs.writeFile(path.join(indexDir, 'CURRENT'), path.basename(base));
    if (published && published !== base) await fs.rm(published, { recursive: true, force: true });
  }
}
