import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile of `values` (p in 0..100); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /**
   * CPU time of the same calls (user + system, this process): on a machine shared with other work the
   * wall-clock tail is mostly time spent waiting for a core, CPU time is the work itself.
   */
  cpu?: { p50: number; p95: number; main?: { p50: number; p95: number } };
}

export function summarize(samplesMs: readonly number[]): LatencySummary {
  return {
    count: samplesMs.length,
    p50: percentile(samplesMs, 50),
    p95: percentile(samplesMs, 95),
    max: samplesMs.length ? Math.max(...samplesMs) : NaN,
    mean: samplesMs.length ? samplesMs.reduce((a, b) => a + b, 0) / samplesMs.length : NaN,
  };
}

/** Milliseconds `fn` takes, and its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * Questions answered, untimed, before timed answers, none of them a timed one: a row so warmed up measures a
 * bot that has been serving (code compiled, per-term facts of common words kept), each timed question new to
 * it. The first answer after load is reported on its own.
 */
export const STEADY_WARMUP = 100;

/**
 * Latency of `fn` over each input, after untimed calls (JIT, caches): `warmup` of the inputs themselves,
 * or other inputs, so that no timed call repeats one made before (a served question is usually new).
 */
export async function latencies<I>(inputs: readonly I[], fn: (input: I) => unknown, warmup: number | readonly I[] = 10): Promise<LatencySummary> {
  const before = typeof warmup === 'number' ? inputs.slice(0, warmup) : warmup;
  for (const input of before) await fn(input);
  const samples: number[] = [];
  const cpu: number[] = [];
  const main: number[] = [];
  for (const input of inputs) {
    const othersBefore = otherThreadsNs();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await fn(input);
    samples.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    const others = othersBefore && otherThreadsNs();
    if (othersBefore && others) main.push(cpu.at(-1)! - threadsDeltaMs(othersBefore, others));
  }
  const mainCpu = main.length === cpu.length ? { main: { p50: percentile(main, 50), p95: percentile(main, 95) } } : {};
  return { ...summarize(samples), cpu: { p50: percentile(cpu, 50), p95: percentile(cpu, 95), ...mainCpu } };
}

/**
 * CPU ns on a core of each thread of this process, keyed by tid, with its name when `named` (Linux procfs; null
 * elsewhere). The process's CPU counts V8's helper threads (TurboFan compiling, GC), which run beside an answer on
 * another core; the main thread's share is the process's less theirs, as its own schedstat lags a tick while it
 * runs (bench/README.md, hybrid p95 round 14). Also read by scripts/serve-threads.ts, per thread name.
 */
export function threadTimes(named = false): Map<string, { ns: number; name: string }> | null {
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const out = new Map<string, { ns: number; name: string }>();
  for (const tid of tids) {
    try {
      const ns = Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      out.set(tid, { ns, name: named ? fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() : '' });
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/** As threadTimes, without the main thread. */
function otherThreadsNs(): Map<string, { ns: number }> | null {
  const times = threadTimes();
  times?.delete(String(process.pid));
  return times;
}

/** ms the other threads ran between two readings (a thread gone by the second is left out). */
function threadsDeltaMs(before: Map<string, { ns: number }>, after: Map<string, { ns: number }>): number {
  let ns = 0;
  for (const [tid, t] of after) ns += Math.max(0, t.ns - (before.get(tid)?.ns ?? 0));
  return ns / 1e6;
}

/** Peak resident set size of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * A build's progress on stderr, once per phase and per tenth of it, with elapsed time and peak RSS:
 * a 1M-passage run takes long enough that "how far did it get" must be answerable from its log.
 */
export function progressLine(label: string): (progress: { phase: string; done: number; total: number }) => void {
  const started = performance.now();
  let last = '';
  return ({ phase, done, total }) => {
    const tenth = total > 0 ? Math.floor((10 * done) / total) : 0;
    const key = `${phase}:${tenth}`;
    if (key === last) return;
    last = key;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stderr.write(`[bench] ${label}: ${phase} ${done}/${total} (${seconds} s, peak RSS ${peakRssMb().toFixed(0)} MB)\n`);
  };
}

/** This process's CPU time so far (user + system, every thread), in ms: what load inflates least. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** How often, at most, PhaseClock reads the CPU clock within one phase (ms). */
const CPU_READ_MS = 50;

/**
 * Wall and CPU time per phase of a build, leaving out what `embedding` (a TimingEmbedder) spent: each
 * `mark` charges the time since the previous mark to `phase` (a build's progress reports say which phase
 * just ran, so what runs between two reports is charged to the later one).
 */
export class PhaseClock {
  readonly phases: Array<{ phase: string; wallMs: number; cpuMs: number }> = [];
  private readonly startedWall = performance.now();
  private readonly startedCpu = cpuMs();
  private lastWall = this.startedWall;
  private lastCpu = this.startedCpu;
  private lastEmbedWall = 0;
  private lastEmbedCpu = 0;
  private lastCpuRead = this.startedWall;

  constructor(private readonly embedding: { passageMs: number; passageCpuMs: number }) {}

  mark(phase: string): void {
    const wall = performance.now();
    let previous = this.phases[this.phases.length - 1];
    if (previous?.phase !== phase) this.phases.push((previous = { phase, wallMs: 0, cpuMs: 0 }));
    previous.wallMs += wall - this.lastWall - (this.embedding.passageMs - this.lastEmbedWall);
    [this.lastWall, this.lastEmbedWall] = [wall, this.embedding.passageMs];
    // Reading the CPU clock is a system call: a build reports every file (50k calls cost ~0.6 s at 1M), so it is
    // read at each new phase and then at most every CPU_READ_MS; a phase may get that much of the one before.
    if (previous.wallMs > 0 && previous.cpuMs > 0 && wall - this.lastCpuRead < CPU_READ_MS) return;
    const cpu = cpuMs();
    previous.cpuMs += cpu - this.lastCpu - (this.embedding.passageCpuMs - this.lastEmbedCpu);
    [this.lastCpu, this.lastEmbedCpu, this.lastCpuRead] = [cpu, this.embedding.passageCpuMs, wall];
  }

  /** Seconds since the clock started, embedding left out: wall and CPU. */
  totals(): { seconds: number; cpuSeconds: number } {
    return {
      seconds: (performance.now() - this.startedWall - this.embedding.passageMs) / 1000,
      cpuSeconds: (cpuMs() - this.startedCpu - this.embedding.passageCpuMs) / 1000,
    };
  }

  /** `phase wall s (CPU s)` for every phase, in order. */
  describe(): string {
    return this.phases.map((p) => `${p.phase} ${(p.wallMs / 1000).toFixed(2)} (CPU ${(p.cpuMs / 1000).toFixed(2)})`).join(' · ');
  }
}
