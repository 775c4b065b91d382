import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { askProcess } from '../bench/ask-process.js';
import type { BenchModel } from '../bench/embedders.js';
import { evaluateTargets, formatBench, type AskProcessResult, type SizeResult } from '../bench/report.js';
import {
  buildLowRankWorker,
  lowRankIngestResult,
  randomVectorsWorker,
  serveLowRankWorker,
  updateLowRankWorker,
  type LowRankBuildResult,
  type LowRankUpdateResult,
} from '../bench/vector-workers.js';
import type { WorkerArgs } from '../bench/worker-setup.js';
import { ingestWorker, serveWorker, type IngestResult } from '../bench/workers.js';
import { readCommandLine, reportFatal } from './common.js';

const HELP = `Usage: npm run bench -- [options]

Speed, memory and search quality at 1k, 10k and 100k passages of a synthetic Arabic corpus (seed sentences
recombined with a Zipf vocabulary, seeded PRNG). For each size, in fresh processes (so peak RSS is per size):
  ingest:  generate the corpus, buildIndex (read, chunk, analyze, BM25, embed), then publish timed alone
  serve:   cold IndexDirectory.load, the first vector search, then ≥200 queries through the lexical leg, the
           served vector store (recall@10 against an exact scan beside its latency), the flat scan, vectra,
           and the full hybrid answer with query vectors precomputed (p50/p95)
  low-rank: the same corpus with 384-dim low-rank vectors (e5-small's size and shape): full build, then an
           update of ~1 % of the passages in a fresh process (excl. embedding), then cold load, first query, the 100 vector
           searches after it (cold), then the graph made resident as the bot does after start-up (awaited; its
           duration and event-loop block are a row), latency at recall after those (steady state, none repeated),
           ranking prepared (as the bot does after load), hybrid answer after 100 other questions, and serve RSS in a fresh process
  random:  the served store on random 384-dim unit vectors — the worst case, labelled as such
Then \`npm run ask\` over seeds/ in a fresh process (model off), 5 runs timed with /usr/bin/time (median, fastest, CPU).
Prints one table, the targets next to the numbers (never asserted), and writes bench/results.json.
Answer latencies print wall p50 / p95 with the CPU time of the same calls beside them: on a shared machine
the wall-clock tail is mostly waiting for a core.

Options:
  --sizes LIST      passages per corpus (default 1000,10000,100000; 1000000 runs too: over an hour on 2 shared
                    cores, peak RSS ~10 GB while building and updating; progress is printed from 500k passages)
  --model WHICH     fixture = the tiny test model in fixtures/tiny-model (default; falls back to fake)
                    fake    = a hash bag-of-words embedder (no model cost)
                    config  = the model from MODEL_ID / MODEL_DIR / … (the real one, where it can be loaded)
  --queries N       queries per leg (default 240, at least 200)
  --vectra-max N    largest size vectra is tried at (default 50000; it cannot save past ~65k and inserts in O(n²))
  --hash-max N      largest size the ingest and serve rows (the --model index) run at (default 300000): past it
                    only the low-rank rows run, which hold the 1M targets (those rows take ~20 min at 1M alone)
  --dims N          dimensions of the random vectors (default 384; the low-rank set is always 384, e5-small's size)
  --no-random       skip the random-vector worst case
  --seed N          corpus and query seed (default 42)
  --timeout S       seconds before a phase is abandoned and reported as failed (default 900 per 100k passages,
                    at least 900)
  --out FILE        results file (default bench/results.json)
  --keep            keep the generated corpora and indexes (printed path)
  -h, --help        this text

With the real model (where huggingface.co is reachable, or MODEL_DIR holds Xenova/multilingual-e5-small):
  MODEL_ID=Xenova/multilingual-e5-small npm run bench -- --model config --sizes 1000,10000
(embedding 100k passages with e5-small on CPU takes tens of minutes; the low-rank rows do not depend on it.)`;

type Phase = 'ingest' | 'serve' | 'ingest-lowrank' | 'update-lowrank' | 'serve-lowrank' | 'random';

const PHASES: Record<Phase, (args: WorkerArgs) => Promise<unknown>> = {
  ingest: ingestWorker,
  serve: serveWorker,
  'ingest-lowrank': buildLowRankWorker,
  'update-lowrank': updateLowRankWorker,
  'serve-lowrank': serveLowRankWorker,
  random: randomVectorsWorker,
};

function runPhase<T>(phase: Phase, args: WorkerArgs, timeoutSeconds: number): Promise<T | { error: string }> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--worker', phase, '--worker-args', JSON.stringify(args)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Builds get room for 1M passages' vectors, graph and text in one process. Serving runs with Node's
      // default heap limit, as `npm run bot` does: V8 lets the heap grow faster under a larger limit, which
      // alone added ~70 MB to the serve peak RSS at 100k.
      execArgv: [...process.execArgv, ...(phase === 'serve' || phase === 'serve-lowrank' ? [] : ['--max-old-space-size=8192'])],
    });
    let settled = false;
    const finish = (value: T | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ error: `timed out after ${timeoutSeconds} s` });
    }, timeoutSeconds * 1000);
    child.on('message', (message: { result?: T; error?: string }) => finish(message.error !== undefined ? { error: message.error } : (message.result as T)));
    child.on('exit', (code, signal) => finish({ error: `worker exited (${signal ?? code}) without a result` }));
  });
}

async function worker(phase: Phase, args: WorkerArgs): Promise<void> {
  try {
    const result = await PHASES[phase](args);
    process.send!({ result });
  } catch (error) {
    process.send!({ error: (error as Error).message });
  }
  process.disconnect?.();
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`isnad: ${name} must be a positive whole number (got "${value}").\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const parsed = readCommandLine('bench', HELP, {
    sizes: { type: 'string', default: '1000,10000,100000' },
    model: { type: 'string', default: 'fixture' },
    queries: { type: 'string', default: '240' },
    'vectra-max': { type: 'string', default: '50000' },
    'hash-max': { type: 'string', default: '300000' },
    dims: { type: 'string', default: '384' },
    seed: { type: 'string', default: '42' },
    timeout: { type: 'string' },
    'no-random': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    keep: { type: 'boolean', default: false },
    worker: { type: 'string' },
    'worker-args': { type: 'string' },
  });
  if (!parsed) return;
  const { values } = parsed;
  if (values.worker) return worker(values.worker as Phase, JSON.parse(values['worker-args']!) as WorkerArgs);
  if (!['fixture', 'fake', 'config'].includes(values.model)) {
    process.stderr.write(`isnad: --model must be fixture, fake or config (got "${values.model}").\n`);
    process.exit(2);
  }
  const sizes = values.sizes.split(',').map((s) => positive('--sizes', s.trim()));
  const queries = Math.max(200, positive('--queries', values.queries));
  const timeoutOf = (size: number) => (values.timeout !== undefined ? positive('--timeout', values.timeout) : Math.max(900, Math.ceil((900 * size) / 100_000)));

  const started = performance.now();
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-bench-'));
  const results: SizeResult[] = [];
  let ask: AskProcessResult | null = null;
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const args: WorkerArgs = {
        size,
        workDir,
        seedsDir: path.resolve('seeds'),
        model: values.model as BenchModel,
        seed: positive('--seed', values.seed),
        queries,
        vectraMax: positive('--vectra-max', values['vectra-max']),
        realDimensions: positive('--dims', values.dims),
      };
      const t0 = performance.now();
      const timeout = timeoutOf(size);
      const hashMax = positive('--hash-max', values['hash-max']);
      let ingest: SizeResult['ingest'];
      if (size > hashMax) {
        ingest = { skipped: `${size} > --hash-max ${hashMax}: only the low-rank rows run at this size` };
      } else {
        process.stderr.write(`[bench] ${size} passages: generating and ingesting…\n`);
        ingest = await runPhase<IngestResult>('ingest', args, timeout);
      }
      let serve: SizeResult['serve'] = null;
      if (!('error' in ingest) && !('skipped' in ingest)) {
        process.stderr.write(`[bench] ${size} passages: loading and querying…\n`);
        serve = await runPhase<NonNullable<SizeResult['serve']>>('serve', args, timeout);
      }
      let lowRankIngest: SizeResult['lowRankIngest'] = null;
      let lowRankServe: SizeResult['lowRankServe'] = null;
      let random: SizeResult['random'] = null;
      if (!('error' in ingest)) {
        process.stderr.write(`[bench] ${size} passages: low-rank 384-dim vectors: build, update 1 %, serve…\n`);
        // The update in a process of its own, as every real update runs (a fresh reindex worker, one
        // `npm run ingest`): not in the heap the full build leaves (bench/README.md, *The 1 % update in a process of its own*).
        const built = await runPhase<LowRankBuildResult>('ingest-lowrank', args, timeout);
        const updated = 'error' in built ? built : await runPhase<LowRankUpdateResult>('update-lowrank', args, timeout);
        lowRankIngest = 'error' in built ? built : 'error' in updated ? updated : lowRankIngestResult(built, updated);
        if (!('error' in lowRankIngest)) lowRankServe = await runPhase<NonNullable<SizeResult['lowRankServe']>>('serve-lowrank', args, timeout);
      }
      if (!values['no-random']) {
        process.stderr.write(`[bench] ${size} passages: random ${args.realDimensions}-dim vectors (worst case)…\n`);
        random = await runPhase<NonNullable<SizeResult['random']>>('random', args, timeout);
      }
      process.stderr.write(`[bench] ${size} passages: done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      results.push({ size, ingest, serve, lowRankIngest, lowRankServe, random });
    }
    process.stderr.write('[bench] `npm run ask` in a fresh process over seeds/…\n');
    ask = await askProcess(workDir);
  } finally {
    if (values.keep) process.stderr.write(`[bench] corpora and indexes kept in ${workDir}\n`);
    else await fs.rm(workDir, { recursive: true, force: true });
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const embedder = results.map((r) => ('embedder' in r.ingest ? r.ingest.embedder : null)).find((e) => e) ?? values.model;
  const table = formatBench(results, { embedder, queries, realDimensions: positive('--dims', values.dims), wallSeconds, ask });
  const out = path.resolve(values.out);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        options: { sizes, model: values.model, queries, vectraMax: Number(values['vectra-max']), hashMax: Number(values['hash-max']), dims: Number(values.dims), seed: Number(values.seed) },
        wallSeconds,
        results,
        ask,
        targets: evaluateTargets(results, ask),
      },
      null,
      1,
    ),
  );
  process.stdout.write(table + '\n' + `results written to ${path.relative(process.cwd(), out)}\n`);
}

main().catch(reportFatal);
