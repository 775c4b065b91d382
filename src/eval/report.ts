import type { RankMetrics } from './metrics.js';
import type { EvalReport, ModeReport } from './run.js';

/** Plain-text rendering of an EvalReport: one table with the modes side by side, then misses and the sweep. */

function pad(text: string, width: number): string {
  // Arabic and ASCII both count one column a code point here; good enough for a terminal table.
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

/** Rows of cells, columns padded to fit; a one-cell row is a heading printed as is (not measured). */
export function renderTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) if (row.length > 1) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => (row.length === 1 ? row[0]! : row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]! + 3))).join('').trimEnd()))
    .join('\n');
}

const num = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(3));
const ratio = (part: number, whole: number) => (whole === 0 ? '–' : `${(part / whole).toFixed(3)} (${part}/${whole})`);

function columnTitle(m: ModeReport): string {
  if (m.unavailable) return m.mode;
  return m.mode === 'auto' ? `auto → ${m.ran ?? '?'}` : m.mode;
}

const METRICS: Array<[keyof RankMetrics, string]> = [
  ['hit1', 'hit@1'],
  ['hit3', 'hit@3'],
  ['hit5', 'hit@5'],
  ['mrr5', 'MRR@5'],
];

export function formatReport(report: EvalReport, options: { misses?: boolean } = {}): string {
  const out: string[] = [];
  const q = report.questions;
  const langs = Object.entries(q.byLanguage)
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ');
  out.push(`Isnad eval: ${report.gold}: ${q.total} questions (${langs}; ${q.answerable} answerable, ${q.unanswerable} unanswerable) over ${report.docsDir}`);
  const model = report.model.loaded ? `${report.model.modelId} (${report.model.dimensions} dims)` : `none (${report.model.reason})`;
  out.push(`model: ${model} · index: ${report.index} · top ${report.depth} · weights: ${report.weights.fittedOn} (refuse below P(answerable) ${report.weights.threshold.toFixed(3)})`);
  const p = report.passages;
  out.push(`passages: ${p.count}, mean ${p.meanChars.toFixed(0)} characters, longest ${p.maxChars}`);
  out.push('');

  // Each mode is a column; a cross-validated mode adds a column of held-out-fold numbers beside it.
  const modes: ModeReport[] = report.modes.flatMap((m) =>
    m.crossValidation
      ? [
          m,
          {
            ...m,
            mode: `${columnTitle(m)}, cross-validated by article (${m.crossValidation.folds} folds)` as ModeReport['mode'],
            unavailable: null,
            metrics: m.crossValidation.metrics,
            citations: m.crossValidation.citations,
            crossValidation: null,
          },
        ]
      : [m],
  );
  const rows: string[][] = [['', ...modes.map(columnTitle)]];
  const langKeys = [...new Set(modes.flatMap((m) => (m.metrics ? Object.keys(m.metrics.answered) : ['ar', 'en', 'all'])))];
  langKeys.sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  const cell = (m: ModeReport, value: (m: ModeReport & { metrics: NonNullable<ModeReport['metrics']> }) => string) =>
    m.metrics ? value(m as ModeReport & { metrics: NonNullable<ModeReport['metrics']> }) : 'n/a';

  for (const [section, key] of [
    ['end to end (answered:false counts as a miss)', 'answered'],
    ['ranking only (ignores abstention: scores `closest` when not answered)', 'ranking'],
  ] as const) {
    rows.push([section]);
    rows.push([`  ${METRICS.map(([, label]) => label).join(' / ')}`, ...modes.map(() => '')]);
    for (const lang of langKeys) {
      const n = modes.map((m) => m.metrics?.[key][lang]?.questions).find((x) => x !== undefined) ?? 0;
      rows.push([
        `  ${lang} (${n} questions)`,
        ...modes.map((m) => cell(m, (mm) => METRICS.map(([metric]) => num(mm.metrics[key][lang]?.[metric])).join(' / '))),
      ]);
    }
  }
  const tags = [...new Set(modes.flatMap((m) => m.metrics?.byTag.map((t) => t.tag) ?? []))];
  if (tags.length > 0) {
    rows.push(['by tag (end-to-end hit@1 / hit@5 · ranking-only hit@5 · answered · refused)']);
    for (const tag of tags) {
      const n = modes.map((m) => m.metrics?.byTag.find((t) => t.tag === tag)).find((t) => t !== undefined);
      rows.push([
        `  ${tag} (${n?.kept.questions ?? 0}+${n?.abstention.questions ?? 0})`,
        ...modes.map((m) =>
          cell(m, (mm) => {
            const t = mm.metrics.byTag.find((x) => x.tag === tag);
            if (!t) return '–';
            return `${num(t.answered?.hit1)} / ${num(t.answered?.hit5)} · ${num(t.ranking?.hit5)} · ${t.kept.answered}/${t.kept.questions} · ${t.abstention.correct}/${t.abstention.questions}`;
          }),
        ),
      ]);
    }
  }
  rows.push(['abstention']);
  rows.push(['  unanswerable → answered:false', ...modes.map((m) => cell(m, (mm) => ratio(mm.metrics.abstention.correct, mm.metrics.abstention.questions)))]);
  rows.push(['  answerable → answered:true', ...modes.map((m) => cell(m, (mm) => ratio(mm.metrics.kept.answered, mm.metrics.kept.questions)))]);
  rows.push(['citation errors (text ≠ file[start..end])', ...modes.map((m) => cell(m, (mm) => `${mm.citations.errors.length} of ${mm.citations.checked}`))]);
  rows.push(['seconds', ...modes.map((m) => cell(m, (mm) => mm.seconds.toFixed(2)))]);
  out.push(renderTable(rows));

  for (const m of modes) if (m.unavailable) out.push(`${m.mode}: n/a — ${m.unavailable}. Try --model fixture (tiny test model) or a reachable MODEL_ID.`);

  for (const m of modes) {
    if (!m.metrics) continue;
    for (const e of m.citations.errors) out.push(`CITATION ERROR [${m.mode}] ${e.id} ${e.source} ${e.start}..${e.end}: ${e.problem}`);
    if (options.misses === false || !report.modes.includes(m)) continue;
    out.push('');
    out.push(`misses [${columnTitle(m)}]: ${m.metrics.misses.length}`);
    for (const miss of m.metrics.misses) {
      const rank =
        miss.kind === 'abstained'
          ? miss.rankIgnoringAbstention === null
            ? ', gold not in closest either'
            : `, gold was #${miss.rankIgnoringAbstention} in closest`
          : '';
      const first = miss.first ? `${miss.first.source}${miss.first.line !== undefined ? `:${miss.first.line}` : ''} «${miss.first.text}»` : '(nothing)';
      out.push(`  ${miss.id} [${miss.lang}] ${miss.kind}${rank}${miss.error ? ` (${miss.error})` : ''}`);
      out.push(`      q: ${miss.q}`);
      out.push(`      first: ${first}`);
    }
  }

  for (const m of report.modes) {
    const cv = m.crossValidation;
    if (!cv) continue;
    out.push('');
    out.push(
      `refusal trade-off [${columnTitle(m)}], held-out folds: refuse when P(answerable) < threshold. Unanswerable = each article's questions asked of the index without that article. Fitted operating point: ${cv.threshold.toFixed(3)} (mean over folds)`,
    );
    const curve = [['threshold', 'held-out-article questions refused', 'answerable answered', 'end-to-end hit@5']];
    for (const row of cv.tradeOff) curve.push([row.threshold.toFixed(2), num(row.refused), num(row.kept), num(row.hit5)]);
    out.push(renderTable(curve));
    out.push(
      `answer-removed questions refused [${columnTitle(m)}], held-out folds: ${cv.answerRemoved.refused}/${cv.answerRemoved.questions} (answerable questions asked of their article without the passages holding the answer)`,
    );
    out.push('');
    out.push(`confidence calibration [${columnTitle(m)}], held-out folds: answered questions (with and without their article) by the level shown`);
    const table = [['level', 'answered', 'mean confidence shown', '#1 answers (observed)']];
    for (const row of cv.reliability) table.push([row.level, String(row.questions), row.questions ? num(row.predicted) : '–', row.questions ? num(row.observed) : '–']);
    out.push(renderTable(table));
  }
  return out.join('\n');
}
