/**
 * `npm run ask` timed as a user runs it, in fresh processes under /usr/bin/time: the bench's cold-start row.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AskProcessResult } from './report.js';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(command, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
    );
  });
}

/** Wall and CPU seconds (user + system, children included) and max RSS (MB, largest process in the tree) of one run, via /usr/bin/time. */
async function timeRun(command: string[], env: NodeJS.ProcessEnv): Promise<{ wallSeconds: number; cpuSeconds: number | null; maxRssMb: number | null }> {
  if (existsSync('/usr/bin/time')) {
    const result = await run('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...command], env);
    const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
    if (m) return { wallSeconds: Number(m[1]), cpuSeconds: Number(m[2]) + Number(m[3]), maxRssMb: Number(m[4]) / 1024 };
  }
  const started = performance.now();
  await run(command[0]!, command.slice(1), env);
  return { wallSeconds: (performance.now() - started) / 1000, cpuSeconds: null, maxRssMb: null };
}

/** Runs of each cold start: one run on a shared machine says more about its neighbours than about Isnad. */
const ASK_RUNS = 5;

/** The median run (by wall time) of `runs` runs, and the fastest. */
async function medianRun(command: string[], env: NodeJS.ProcessEnv, runs: number) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeRun(command, env));
  times.sort((a, b) => a.wallSeconds - b.wallSeconds);
  return { ...times[Math.floor((runs - 1) / 2)]!, fastestSeconds: times[0]!.wallSeconds };
}

const seconds = (t: { wallSeconds: number; cpuSeconds: number | null }) =>
  `${t.wallSeconds.toFixed(2)} s${t.cpuSeconds === null ? '' : ` (CPU ${t.cpuSeconds.toFixed(2)} s)`}`;

/**
 * The cold path a user sees: `npm run ask` start to printed answer over an existing seeds index, model off
 * (MODEL_ID=none: Hugging Face is unreachable here), the median of ASK_RUNS runs. Also the bundled CLI alone,
 * without npm's own start-up, and the load average, since on a shared machine wall time is mostly waiting.
 */
export async function askProcess(workDir: string): Promise<AskProcessResult> {
  const question = 'ما هي عاصمة مصر؟';
  const env = { ...process.env, MODEL_ID: 'none', DOCS_DIR: path.resolve('seeds'), INDEX_DIR: path.join(workDir, 'seeds-index') };
  if (!existsSync('dist/cli/ask.js')) {
    return { command: 'npm run ask', wallSeconds: NaN, maxRssMb: null, note: 'dist/cli/ missing: run `npm run build` (npm ci does it)' };
  }
  // Untimed: builds the index, and writes the bundle's code cache if this build has none yet (src/cli/run-bundle.ts).
  await run('npm', ['run', '-s', 'ask', '--', question], env);
  const npm = await medianRun(['npm', 'run', '-s', 'ask', '--', question], env, ASK_RUNS);
  const direct = await medianRun([process.execPath, 'dist/cli/ask.js', question], env, ASK_RUNS);
  const load = os.loadavg()[0]!.toFixed(1);
  return {
    command: `MODEL_ID=none npm run ask -- "${question}"`,
    wallSeconds: npm.wallSeconds,
    maxRssMb: npm.maxRssMb,
    note:
      `median of ${ASK_RUNS}: ${seconds(npm)}, fastest ${npm.fastestSeconds.toFixed(2)} s; node dist/cli/ask.js alone: ${seconds(direct)}, ` +
      `fastest ${direct.fastestSeconds.toFixed(2)} s, ${direct.maxRssMb?.toFixed(0) ?? '?'} MB; load average ${load}${npm.maxRssMb === null ? '; no /usr/bin/time' : ''}`,
  };
}
