import { renderTable } from '../eval/report.js';
import { STEADY_WARMUP, type LatencySummary } from './timing.js';
import type { LowRankIngestResult, LowRankServeResult, RandomResult } from './vector-workers.js';
import type { IngestResult, ServeResult, VectraResult } from './workers.js';

type Failed = { error: string };
/** A phase not run at this size, on purpose (see --hash-max), with why. */
export type Skipped = { skipped: string };

export interface SizeResult {
  size: number;
  ingest: IngestResult | Failed | Skipped;
  serve: ServeResult | Failed | null;
  /** The same corpus with 384-dim low-rank vectors (the shape and size of e5-small's). */
  lowRankIngest?: LowRankIngestResult | Failed | null;
  lowRankServe?: LowRankServeResult | Failed | null;
  random?: RandomResult | Failed | null;
}

/** `npm run ask` as a user runs it: a fresh process, start to printed answer. */
export interface AskProcessResult {
  command: string;
  wallSeconds: number;
  maxRssMb: number | null;
  note: string | null;
}

export interface Target {
  name: string;
  target: string;
  /** The measured value at the largest size, printed. */
  value: string;
  met: boolean | null;
  note?: string;
}

const ok = <T extends object>(value: T | Failed | Skipped | null): value is T => value !== null && !('error' in value) && !('skipped' in value);

function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : '–');
const lat = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)}`;
/** Wall p50 / p95, then the CPU time of the same calls: what the work costs when other processes share the cores. */
const latCpu = (s: LatencySummary) => (s.cpu ? `${lat(s)} (CPU ${ms(s.cpu.p50)} / ${ms(s.cpu.p95)})` : lat(s));
/** As latCpu, then the main thread's own CPU: the rest of the process's is V8's helper threads (compiles, GC). */
const latCpuMain = (s: LatencySummary) => (s.cpu?.main ? `${latCpu(s)} (main thread ${ms(s.cpu.main.p50)} / ${ms(s.cpu.main.p95)})` : latCpu(s));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const vectraLat = (v: VectraResult) => (v.ok ? lat(v.query) : 'n/a');
const ratio = (slow: VectraResult, fast: LatencySummary) => (slow.ok ? `×${(slow.query.p50 / fast.p50).toFixed(1)} / ×${(slow.query.p95 / fast.p95).toFixed(1)}` : 'n/a');

/** The served store vs vectra's queryItems at the largest size vectra ran at (fixture dims). */
function vectraTarget(results: SizeResult[], largest: number): Target {
  const at = [...results].reverse().find((r) => ok(r.serve) && r.serve.vectra.ok);
  if (!at || !ok(at.serve) || !at.serve.vectra.ok) return { name: 'vector search vs vectra queryItems', target: 'well ahead (≥ ×2)', value: 'vectra not measured', met: null };
  const small = at.serve.vectra.query.p50 / at.serve.served.p50;
  const value =
    `${at.serve.servedKind} ×${small.toFixed(1)} (${ms(at.serve.served.p50)} vs ${ms(at.serve.vectra.query.p50)} ms) p50 at ${sizeLabel(at.size)}` +
    (at.size < largest ? `; vectra n/a at ${sizeLabel(largest)}` : '');
  return { name: 'vector search vs vectra queryItems', target: 'well ahead (≥ ×2)', value, met: small >= 2 };
}

/**
 * The targets of issues 5 and 14, read at the largest size measured (the 1M figures when it reached 1M);
 * reported, never asserted.
 */
export function evaluateTargets(results: SizeResult[], ask: AskProcessResult | null = null): { at: number; targets: Target[] } {
  const last = [...results].reverse().find((r) => (ok(r.ingest) && ok(r.serve)) || ok(r.lowRankServe ?? null));
  if (!last) return { at: 0, targets: [] };
  const million = last.size >= 1_000_000;
  const targets: Target[] = [];
  const lr = last.lowRankServe;
  const li = last.lowRankIngest;
  if (ok(lr ?? null) && lr && !('error' in lr)) {
    const limit = million ? 10 : 2;
    const q = lr.quality;
    targets.push({
      name: 'vector search p95 at recall@10 ≥ 0.95 (low-rank 384)',
      target: `≤ ${limit} ms`,
      value: `${ms(q.served.p95)} ms at recall ${q.recallAt10.toFixed(3)}`,
      met: q.served.p95 <= limit && q.recallAt10 >= 0.95,
    });
    // Issue 14 sets the hybrid target at 100k only; at 1M the hybrid row is reported, not judged.
    if (!million) {
      targets.push({
        name: 'hybrid excl. query embedding, p95 (low-rank 384)',
        target: '≤ 5 ms',
        value: `${ms(lr.hybrid.p95)} ms${lr.hybrid.cpu ? ` (CPU ${ms(lr.hybrid.cpu.p95)} ms)` : ''}`,
        met: lr.hybrid.p95 <= 5,
      });
    }
    const load = million ? 3 : 0.5;
    targets.push({ name: 'cold load (low-rank 384 index)', target: `≤ ${load} s`, value: `${lr.coldLoadSeconds.toFixed(2)} s`, met: lr.coldLoadSeconds <= load });
    const rss = million ? 2500 : 400;
    targets.push({ name: 'serve peak RSS (low-rank 384 index)', target: `≤ ${rss} MB`, value: `${lr.peakRssMb.toFixed(0)} MB`, met: lr.peakRssMb <= rss });
  }
  if (li && !('error' in li)) {
    const share = li.updateSeconds / li.fullSeconds;
    targets.push({
      name: 'update ~1 % of passages vs full build, excl. embedding',
      target: '≤ 10%',
      value: `${(share * 100).toFixed(1)}% (${li.updateSeconds.toFixed(2)} / ${li.fullSeconds.toFixed(2)} s)`,
      met: share <= 0.1,
    });
  }
  if (ask) {
    targets.push({
      name: '`npm run ask` process over seeds (model off)',
      target: '≤ 0.8 s, ≤ 220 MB',
      value: `${ask.wallSeconds.toFixed(2)} s, ${ask.maxRssMb === null ? '? ' : ask.maxRssMb.toFixed(0)} MB`,
      met: ask.maxRssMb === null ? null : ask.wallSeconds <= 0.8 && ask.maxRssMb <= 220,
    });
  }
  // The hash-embedder index's targets, where it was built at this size (not past --hash-max).
  if (ok(last.ingest) && ok(last.serve)) {
    const { ingest, serve } = last;
    const writeShare = ingest.publishSeconds / (ingest.buildSeconds + ingest.publishSeconds);
    targets.push(
      { name: 'hybrid excl. embedding, p95 (fixture index)', target: '≤ 10 ms', value: `${ms(serve.hybrid.p95)} ms`, met: serve.hybrid.p95 <= 10 },
      vectraTarget(results, last.size),
      { name: 'index write path share of ingest', target: '≤ 10%', value: `${(writeShare * 100).toFixed(1)}%`, met: writeShare <= 0.1 },
    );
  }
  return { at: last.size, targets };
}

function residentCell(r: LowRankServeResult['resident']): string {
  if (!r) return '–';
  if (r.prefetchSeconds === null || r.blockMs === null) return r.state.slice(0, 40);
  return `${r.seconds.toFixed(2)} (${r.prefetchSeconds.toFixed(2)}, ${r.blockMs.toFixed(0)}, ${r.eventLoopMaxMs.toFixed(0)})`;
}

export function formatBench(
  results: SizeResult[],
  meta: { embedder: string; queries: number; realDimensions: number; wallSeconds: number; ask?: AskProcessResult | null },
): string {
  const cols = results.map((r) => r);
  const rows: string[][] = [['', ...cols.map((r) => `${sizeLabel(r.size)} passages`)]];
  const row = (label: string, value: (ingest: IngestResult, serve: ServeResult | null) => string) =>
    rows.push([
      label,
      ...cols.map((r) => {
        if ('skipped' in r.ingest) return 'n/a';
        if (!ok(r.ingest)) return `failed: ${r.ingest.error}`.slice(0, 40);
        return value(r.ingest, ok(r.serve) ? r.serve : null);
      }),
    ]);
  const serveRow = (label: string, value: (serve: ServeResult, ingest: IngestResult) => string) =>
    row(label, (ingest, serve) => (serve ? value(serve, ingest) : 'failed'));

  rows.push([`ingest (embedder: ${meta.embedder})`]);
  row('  passages (files, corpus size)', (i) => `${i.passages} (${i.files}, ${mb(i.corpusBytes)})`);
  row('  ingest passages/s (build + publish)', (i) => `${Math.round(i.passages / (i.buildSeconds + i.publishSeconds))}`);
  row('  build s (of which embedding)', (i) => `${i.buildSeconds.toFixed(2)} (${i.embedSeconds.toFixed(2)})`);
  row('  index write (publish) s, share', (i) => `${i.publishSeconds.toFixed(2)}, ${((100 * i.publishSeconds) / (i.buildSeconds + i.publishSeconds)).toFixed(1)}%`);
  row('  index size on disk', (i) => mb(i.indexBytes));
  row('  peak RSS ingest (runtime + model alone)', (i) => `${i.peakRssMb.toFixed(0)} MB (${i.baselineRssMb.toFixed(0)})`);
  rows.push([`serve (${meta.queries} queries; latencies p50 / p95 in ms; each leg ${50} deep)`]);
  serveRow('  cold load (IndexDirectory.load) s', (s) => s.coldLoadSeconds.toFixed(2));
  serveRow('  lexical leg (analyze + BM25)', (s) => latCpu(s.lexical));
  serveRow('  cold: first vector search after load ms', (s) => ms(s.firstVectorMs));
  serveRow('  vector search, served store (recall@10)', (s) => `${lat(s.served)} (${s.servedKind}, ${s.recallAt10.toFixed(3)})`);
  serveRow('  vector search, flat scan', (s) => lat(s.flat));
  serveRow('  vector search, vectra queryItems', (s) => vectraLat(s.vectra));
  serveRow('  vectra ÷ served (p50 / p95)', (s) => ratio(s.vectra, s.served));
  serveRow('  hybrid answer excl. query embedding', (s) => latCpuMain(s.hybrid));
  serveRow('  autocomplete prepare s (longest pause ms)', (s) => `${s.autocomplete.prepareSeconds.toFixed(2)} (${s.autocomplete.longestPauseMs.toFixed(0)})`);
  serveRow('  autocomplete keystroke', (s) => lat(s.autocomplete.keystroke));
  serveRow('  peak RSS serve (runtime + model alone)', (s) => `${s.peakRssMb.toFixed(0)} MB (${s.baselineRssMb.toFixed(0)})`);
  serveRow('  vectra build+save s / load s / size', (s) => (s.vectra.ok ? `${s.vectra.buildSaveSeconds.toFixed(2)} / ${s.vectra.loadSeconds.toFixed(2)} / ${mb(s.vectra.bytes)}` : 'n/a'));
  const part = <T extends object>(label: string, pick: (r: SizeResult) => T | Failed | null | undefined, value: (v: T) => string) =>
    rows.push([label, ...cols.map((r) => {
      const v = pick(r);
      return v === null || v === undefined ? '–' : 'error' in v ? `failed: ${v.error}`.slice(0, 40) : value(v as T);
    })]);
  rows.push([`low-rank 384-dim vectors (e5-small's size and shape), same corpus; recall@10 against the exact scan`]);
  part('  full build + publish s, excl. embedding', (r) => r.lowRankIngest, (v: LowRankIngestResult) => v.fullSeconds.toFixed(2));
  part('  update (load reused + build + publish): −/+ passages, analyzed, s, graph', (r) => r.lowRankIngest, (v: LowRankIngestResult) => `−${v.updateRemoved}/+${v.updateAdded}, ${v.updateAnalyzed}, ${v.updateSeconds.toFixed(2)}, ${v.updateGraph?.kind ?? '?'}`);
  part('  peak RSS of build + update (corpus written s)', (r) => r.lowRankIngest, (v: LowRankIngestResult) => `${v.peakRssMb.toFixed(0)} MB${v.generateSeconds === undefined ? '' : ` (${v.generateSeconds.toFixed(0)})`}`);
  part('  cold load s', (r) => r.lowRankServe, (v: LowRankServeResult) => v.coldLoadSeconds.toFixed(2));
  part('  cold: first vector search / first answer ms', (r) => r.lowRankServe, (v: LowRankServeResult) => `${ms(v.firstVectorMs)} / ${ms(v.firstHybridMs)}`);
  part(`  cold: the ${STEADY_WARMUP} vector searches after it`, (r) => r.lowRankServe, (v: LowRankServeResult) => (v.coldVector ? latCpu(v.coldVector) : '–'));
  part('  graph made resident, as the bot after start-up: s (prefetch s, event loop blocked ms, max delay ms)', (r) => r.lowRankServe, (v: LowRankServeResult) => residentCell(v.resident));
  part(`  vector search, served after start-up, after ${STEADY_WARMUP} other searches (recall@10)`, (r) => r.lowRankServe, (v: LowRankServeResult) => `${latCpu(v.quality.served)} (${v.servedKind}${v.graph ? ` graph c${v.graph}` : ' exact'}, ${v.quality.recallAt10.toFixed(3)})`);
  part('  vector search, flat scan (recall 1)', (r) => r.lowRankServe, (v: LowRankServeResult) => lat(v.quality.flat));
  part('  prepare ranking as the bot after load (passage words, term keys, BM25 facts) s', (r) => r.lowRankServe, (v: LowRankServeResult) => v.prepareWordsSeconds?.toFixed(1) ?? '–');
  part(`  hybrid answer excl. query embedding, served after start-up, after ${STEADY_WARMUP} other questions`, (r) => r.lowRankServe, (v: LowRankServeResult) => latCpuMain(v.hybrid));
  part('  peak RSS serve (runtime alone)', (r) => r.lowRankServe, (v: LowRankServeResult) => `${v.peakRssMb.toFixed(0)} MB (${v.baselineRssMb.toFixed(0)})`);
  rows.push([`worst case: random ${meta.realDimensions}-dim unit vectors (no structure; real embeddings are far kinder)`]);
  part('  served store build s', (r) => r.random, (v: RandomResult) => v.buildSeconds.toFixed(1));
  part('  served store (recall@10)', (r) => r.random, (v: RandomResult) => `${lat(v.quality.served)} (${v.quality.recallAt10.toFixed(3)})`);
  part('  flat scan', (r) => r.random, (v: RandomResult) => lat(v.quality.flat));
  rows.push(['model']);
  serveRow('  one query embedding p50 / p95 ms', (s) => lat(s.queryEmbed));
  row('  one batch of 64 passages ms', (i) => ms(i.batch64Ms));

  const out = [renderTable(rows)];
  const notes = new Set<string>();
  for (const r of results) {
    if (ok(r.serve) && !r.serve.vectra.ok) notes.add(`vectra at ${sizeLabel(r.size)}: n/a (${r.serve.vectra.reason})`);
    if ('skipped' in r.ingest) notes.add(`${sizeLabel(r.size)}: hash-embedder index n/a (${r.ingest.skipped})`);
    else if (!ok(r.ingest)) notes.add(`${sizeLabel(r.size)} ingest failed: ${r.ingest.error}`);
    if (r.serve && !ok(r.serve)) notes.add(`${sizeLabel(r.size)} serve failed: ${r.serve.error}`);
    if (ok(r.ingest) && r.ingest.embedderNote) notes.add(r.ingest.embedderNote);
    const sampled = [ok(r.serve) ? r.serve.exactQueries : undefined, ok(r.lowRankServe ?? null) ? (r.lowRankServe as LowRankServeResult).quality.exactQueries : undefined];
    const compared = sampled.find((n) => n !== undefined && n < meta.queries);
    if (compared !== undefined) notes.add(`${sizeLabel(r.size)}: recall@10 and the flat scan row are over the first ${compared} of the ${meta.queries} queries (exact scans cost too much past that; served latencies use all)`);
  }
  if (notes.size) out.push('', ...[...notes].map((n) => `note: ${n}`));

  const { at, targets } = evaluateTargets(results, meta.ask ?? null);
  if (meta.ask) {
    out.push('', `cold start: ${meta.ask.command}: ${meta.ask.wallSeconds.toFixed(2)} s wall, ${meta.ask.maxRssMb === null ? '?' : meta.ask.maxRssMb.toFixed(0)} MB max RSS${meta.ask.note ? ` (${meta.ask.note})` : ''}`);
  }
  if (targets.length) {
    out.push('', `targets (at ${sizeLabel(at)} passages; reported, not asserted)`);
    const trows = [['', 'target', 'measured', '']];
    for (const t of targets) trows.push([`  ${t.name}`, t.target, t.value, t.met === null ? '?' : t.met ? 'met' : 'NOT MET']);
    out.push(renderTable(trows));
  }
  out.push('', `total bench wall time: ${meta.wallSeconds.toFixed(1)} s`);
  return out.join('\n');
}
