import { renderTable } from '../eval/report.js';
import type { LatencySummary } from './timing.js';
import type { IngestResult, ServeResult, VectraResult } from './workers.js';

export interface SizeResult {
  size: number;
  ingest: IngestResult | { error: string };
  serve: ServeResult | { error: string } | null;
}

export interface Target {
  name: string;
  target: string;
  /** The measured value at the largest size, printed. */
  value: string;
  met: boolean | null;
  note?: string;
}

const ok = <T extends object>(value: T | { error: string } | null): value is T => value !== null && !('error' in value);

function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)) : '–');
const lat = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const vectraLat = (v: VectraResult) => (v.ok ? lat(v.query) : 'n/a');
const ratio = (slow: VectraResult, fast: LatencySummary) => (slow.ok ? `×${(slow.query.p50 / fast.p50).toFixed(1)} / ×${(slow.query.p95 / fast.p95).toFixed(1)}` : 'n/a');

/** The served store (HNSW above 10k passages) vs vectra's queryItems at the largest size vectra ran at, at both dimensions. */
function vectraTarget(results: SizeResult[], largest: number): Target {
  const at = [...results].reverse().find((r) => ok(r.serve) && r.serve.vectra.ok);
  if (!at || !ok(at.serve) || !at.serve.vectra.ok) return { name: 'vector search vs vectra queryItems', target: 'well ahead (≥ ×2)', value: 'vectra not measured', met: null };
  const small = at.serve.vectra.query.p50 / at.serve.served.p50;
  const real = at.serve.real.vectra.ok ? at.serve.real.vectra.query.p50 / at.serve.real.hnsw.p50 : NaN;
  const value =
    `${at.serve.servedKind} ×${small.toFixed(1)} (${ms(at.serve.served.p50)} vs ${ms(at.serve.vectra.query.p50)} ms) at fixture dims, ` +
    `×${Number.isFinite(real) ? real.toFixed(1) : '?'} at ${at.serve.real.dimensions} dims, p50 at ${sizeLabel(at.size)}` +
    (at.size < largest ? `; vectra n/a at ${sizeLabel(largest)}` : '');
  return { name: 'vector search vs vectra queryItems', target: 'well ahead (≥ ×2)', value, met: Number.isFinite(real) ? Math.min(small, real) >= 2 : small >= 2 };
}

/** The targets of issue 5, read at the largest size measured; reported, never asserted. */
export function evaluateTargets(results: SizeResult[]): { at: number; targets: Target[] } {
  const last = [...results].reverse().find((r) => ok(r.ingest) && ok(r.serve));
  if (!last || !ok(last.ingest) || !ok(last.serve)) return { at: 0, targets: [] };
  const ingest = last.ingest;
  const serve = last.serve;
  const writeShare = ingest.publishSeconds / (ingest.buildSeconds + ingest.publishSeconds);
  const targets: Target[] = [
    {
      name: 'hybrid retrieval excl. embedding, p95',
      target: '≤ 10 ms',
      value: `${ms(serve.hybrid.p95)} ms`,
      met: serve.hybrid.p95 <= 10,
    },
    vectraTarget(results, last.size),
    { name: 'index cold load', target: '≤ 1 s', value: `${serve.coldLoadSeconds.toFixed(2)} s`, met: serve.coldLoadSeconds <= 1 },
    {
      name: 'peak RSS (ingest / serve)',
      target: '≤ 600 MB',
      value: `${ingest.peakRssMb.toFixed(0)} / ${serve.peakRssMb.toFixed(0)} MB`,
      met: ingest.peakRssMb <= 600 && serve.peakRssMb <= 600,
    },
    { name: 'index write path share of ingest', target: '≤ 10%', value: `${(writeShare * 100).toFixed(1)}%`, met: writeShare <= 0.1 },
  ];
  return { at: last.size, targets };
}

export function formatBench(results: SizeResult[], meta: { embedder: string; queries: number; realDimensions: number; wallSeconds: number }): string {
  const cols = results.map((r) => r);
  const rows: string[][] = [['', ...cols.map((r) => `${sizeLabel(r.size)} passages`)]];
  const row = (label: string, value: (ingest: IngestResult, serve: ServeResult | null) => string) =>
    rows.push([
      label,
      ...cols.map((r) => {
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
  serveRow('  lexical leg (analyze + BM25)', (s) => lat(s.lexical));
  serveRow('  vector search, served store', (s) => `${lat(s.served)} (${s.servedKind})`);
  serveRow('  vector search, flat scan', (s) => lat(s.flat));
  serveRow('  vector search, vectra queryItems', (s) => vectraLat(s.vectra));
  serveRow('  vectra ÷ served (p50 / p95)', (s) => ratio(s.vectra, s.served));
  serveRow('  hybrid answer excl. query embedding', (s) => lat(s.hybrid));
  serveRow('  autocomplete prepare s (longest pause ms)', (s) => `${s.autocomplete.prepareSeconds.toFixed(2)} (${s.autocomplete.longestPauseMs.toFixed(0)})`);
  serveRow('  autocomplete keystroke', (s) => lat(s.autocomplete.keystroke));
  serveRow('  peak RSS serve (runtime + model alone)', (s) => `${s.peakRssMb.toFixed(0)} MB (${s.baselineRssMb.toFixed(0)})`);
  serveRow('  vectra build+save s / load s / size', (s) => (s.vectra.ok ? `${s.vectra.buildSaveSeconds.toFixed(2)} / ${s.vectra.loadSeconds.toFixed(2)} / ${mb(s.vectra.bytes)}` : 'n/a'));
  rows.push([`vector search at ${meta.realDimensions} dims (random unit vectors, e5-small size)`]);
  serveRow('  flat scan', (s) => lat(s.real.flat));
  serveRow('  hnsw (graph above 10k) / build+save s', (s) => `${lat(s.real.hnsw)} / ${s.real.hnswBuildSeconds.toFixed(1)}`);
  serveRow('  vectra queryItems', (s) => vectraLat(s.real.vectra));
  serveRow('  vectra ÷ hnsw (p50 / p95)', (s) => ratio(s.real.vectra, s.real.hnsw));
  rows.push(['model']);
  serveRow('  one query embedding p50 / p95 ms', (s) => lat(s.queryEmbed));
  row('  one batch of 64 passages ms', (i) => ms(i.batch64Ms));

  const out = [renderTable(rows)];
  const notes = new Set<string>();
  for (const r of results) {
    if (ok(r.serve) && !r.serve.vectra.ok) notes.add(`vectra at ${sizeLabel(r.size)}: n/a (${r.serve.vectra.reason})`);
    if (!ok(r.ingest)) notes.add(`${sizeLabel(r.size)} ingest failed: ${r.ingest.error}`);
    if (r.serve && !ok(r.serve)) notes.add(`${sizeLabel(r.size)} serve failed: ${r.serve.error}`);
    if (ok(r.ingest) && r.ingest.embedderNote) notes.add(r.ingest.embedderNote);
  }
  if (notes.size) out.push('', ...[...notes].map((n) => `note: ${n}`));

  const { at, targets } = evaluateTargets(results);
  if (targets.length) {
    out.push('', `targets (at ${sizeLabel(at)} passages; reported, not asserted)`);
    const trows = [['', 'target', 'measured', '']];
    for (const t of targets) trows.push([`  ${t.name}`, t.target, t.value, t.met === null ? '?' : t.met ? 'met' : 'NOT MET']);
    out.push(renderTable(trows));
  }
  out.push('', `total bench wall time: ${meta.wallSeconds.toFixed(1)} s`);
  return out.join('\n');
}
