import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchModel } from '../bench/embedders.js';
import { evaluateTargets, formatBench, type SizeResult } from '../bench/report.js';
import { ingestWorker, serveWorker, type WorkerArgs } from '../bench/workers.js';
import { argumentProblem, reportFatal } from './common.js';

const HELP = `Usage: npm run bench -- [options]

Speed and memory at 1k, 10k and 100k passages of a synthetic Arabic corpus (seed sentences recombined
with a Zipf vocabulary, seeded PRNG). For each size, in fresh processes (so peak RSS is per size):
  ingest: generate the corpus, buildIndex (read, chunk, analyze, BM25, embed), then IndexDirectory.publish
          timed alone; index size on disk; peak RSS
  serve:  cold IndexDirectory.load; ≥200 queries through the lexical leg, the flat vector scan, vectra's
          queryItems on the same vectors, and the full hybrid answer with query vectors precomputed
          (p50/p95); the same vector search on random ${384}-dim unit vectors (the real e5-small size)
Prints one table, the targets next to the numbers (never asserted), and writes bench/results.json.

Options:
  --sizes LIST      passages per corpus (default 1000,10000,100000)
  --model WHICH     fixture = the tiny test model in fixtures/tiny-model (default; falls back to fake)
                    fake    = a hash bag-of-words embedder (no model cost)
                    config  = the model from MODEL_ID / MODEL_DIR / … (the real one, where it can be loaded)
  --queries N       queries per leg (default 240, at least 200)
  --vectra-max N    largest size vectra is tried at (default 50000; it cannot save past ~65k and inserts in O(n²))
  --dims N          dimensions of the random-vector search (default 384)
  --seed N          corpus and query seed (default 42)
  --timeout S       seconds before a phase is abandoned and reported as failed (default 300)
  --out FILE        results file (default bench/results.json)
  --keep            keep the generated corpora and indexes (printed path)
  -h, --help        this text

With the real model (where huggingface.co is reachable, or MODEL_DIR holds Xenova/multilingual-e5-small):
  MODEL_ID=Xenova/multilingual-e5-small npm run bench -- --model config --sizes 1000,10000
(embedding 100k passages with e5-small on CPU takes tens of minutes; the retrieval rows do not depend on it.)`;

type Phase = 'ingest' | 'serve';

function runPhase<T>(phase: Phase, args: WorkerArgs, timeoutSeconds: number): Promise<T | { error: string }> {
  return new Promise((resolve) => {
    const child = fork(fileURLToPath(import.meta.url), ['--worker', phase, '--worker-args', JSON.stringify(args)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
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
    const result = phase === 'ingest' ? await ingestWorker(args) : await serveWorker(args);
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
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        model: { type: 'string', default: 'fixture' },
        queries: { type: 'string', default: '240' },
        'vectra-max': { type: 'string', default: '50000' },
        dims: { type: 'string', default: '384' },
        seed: { type: 'string', default: '42' },
        timeout: { type: 'string', default: '300' },
        out: { type: 'string', default: 'bench/results.json' },
        keep: { type: 'boolean', default: false },
        worker: { type: 'string' },
        'worker-args': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`isnad: ${argumentProblem(error, 'bench')}\n\n${HELP}\n`);
    process.exit(2);
  }
  const { values } = parsed;
  if (values.worker) return worker(values.worker as Phase, JSON.parse(values['worker-args']!) as WorkerArgs);
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  if (!['fixture', 'fake', 'config'].includes(values.model)) {
    process.stderr.write(`isnad: --model must be fixture, fake or config (got "${values.model}").\n`);
    process.exit(2);
  }
  const sizes = values.sizes.split(',').map((s) => positive('--sizes', s.trim()));
  const queries = Math.max(200, positive('--queries', values.queries));
  const timeout = positive('--timeout', values.timeout);

  const started = performance.now();
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-bench-'));
  const results: SizeResult[] = [];
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
      process.stderr.write(`[bench] ${size} passages: generating and ingesting…\n`);
      const ingest = await runPhase<SizeResult['ingest']>('ingest', args, timeout);
      let serve: SizeResult['serve'] = null;
      if (!('error' in ingest)) {
        process.stderr.write(`[bench] ${size} passages: loading and querying…\n`);
        serve = await runPhase<NonNullable<SizeResult['serve']>>('serve', args, timeout);
      }
      process.stderr.write(`[bench] ${size} passages: done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      results.push({ size, ingest, serve });
    }
  } finally {
    if (values.keep) process.stderr.write(`[bench] corpora and indexes kept in ${workDir}\n`);
    else await fs.rm(workDir, { recursive: true, force: true });
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const embedder = results.map((r) => ('error' in r.ingest ? null : r.ingest.embedder)).find((e) => e) ?? values.model;
  const table = formatBench(results, { embedder, queries, realDimensions: positive('--dims', values.dims), wallSeconds });
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
        options: { sizes, model: values.model, queries, vectraMax: Number(values['vectra-max']), dims: Number(values.dims), seed: Number(values.seed) },
        wallSeconds,
        results,
        targets: evaluateTargets(results),
      },
      null,
      1,
    ),
  );
  process.stdout.write(table + '\n' + `results written to ${path.relative(process.cwd(), out)}\n`);
}

main().catch(reportFatal);
