/**
 * How much the bench's low-rank hybrid row varies from run to run when nothing but the process changes (issue 9:
 * quiet bench runs read p95 5.25 and 6.46 ms). Runs the bench's own `serve-lowrank` phase (src/bench/vector-workers.ts:
 * load, graph, prepareRanking, STEADY_WARMUP other questions, the timed ones, then the exact scans for recall) N times,
 * each in a fresh process as the bench forks it, over one kept index, and prints each run's row.
 *   npx tsx scripts/serve-repeat.ts <work folder holding index-lowrank-100000> [runs=4] [size=100000]
 * The phase only reads the index, but give it a copy of a shared kept folder (`cp -r`): it is a bench work folder.
 * TREES=a:b alternates source trees (each a checkout or `git archive` with node_modules linked), run by run.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [workDir = '', runsArg, sizeArg] = process.argv.slice(2);
if (!workDir) {
  process.stderr.write('usage: npx tsx scripts/serve-repeat.ts <work folder> [runs=4] [size=100000]\n');
  process.exit(2);
}
const runs = Number(runsArg ?? 4);
const size = Number(sizeArg ?? 100000);
const trees = (process.env.TREES ?? '.').split(':').map((t) => path.resolve(t));

interface Row { p50: number; p95: number; mean: number; max: number; cpu?: { p95: number; main?: { p95: number } } }

function servePhase(tree: string): Promise<{ hybrid: Row; prepareWordsSeconds: number } | { error: string }> {
  const args = { size, workDir: path.resolve(workDir), seedsDir: path.join(tree, 'seeds'), model: 'fake', seed: 42, queries: 240, vectraMax: 20000, realDimensions: 384 };
  return new Promise((resolve) => {
    const child = fork(path.join(tree, 'src/cli/bench.ts'), ['--worker', 'serve-lowrank', '--worker-args', JSON.stringify(args)], {
      cwd: tree,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m: { result?: { hybrid: Row; prepareWordsSeconds: number }; error?: string }) => resolve(m.result ?? { error: m.error ?? 'no result' }));
    child.on('exit', (code) => resolve({ error: `exited ${code}` }));
  });
}

const f = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));
console.log('run tree UTC load | hybrid p50 / p95 / mean / max ms wall | process CPU p95 | main thread CPU p95 | prepare s');
for (let run = 1; run <= runs; run++) {
  for (const tree of trees) {
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const utc = new Date().toISOString().slice(11, 19);
    const r = await servePhase(tree);
    if ('error' in r) {
      console.log(`${run} ${path.basename(tree)} ${utc} ${load} | ${r.error}`);
      continue;
    }
    const h = r.hybrid;
    console.log(`${run} ${path.basename(tree)} ${utc} ${load} | ${f(h.p50)} / ${f(h.p95)} / ${f(h.mean)} / ${f(h.max)} | ${f(h.cpu?.p95)} | ${f(h.cpu?.main?.p95)} | ${f(r.prepareWordsSeconds)}`);
  }
}
