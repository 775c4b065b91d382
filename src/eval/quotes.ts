import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { CoreConfig } from '../config.js';
import { IsnadError } from '../errors.js';
import { lineAt } from '../text/lines.js';
import type { Logger } from '../log.js';
import type { LoadedModel } from '../embed/embedder.js';
import { fileReader } from '../collection/document-reader.js';
import { openCollection } from '../open-collection.js';
import type { VerifyResult } from '../collection.js';
import { citationProblem } from './citations.js';

/**
 * A quote set (eval/quotes.jsonl): one message a line and the verdict expected for each quote it
 * holds. `text` is the exact document span the quote must be aligned to; `source` a file-name prefix.
 */
const expectation = z.object({
  verdict: z.enum(['verbatim', 'altered', 'not_found']),
  source: z.string().optional(),
  text: z.string().optional(),
  spelling: z.boolean().optional(),
  kinds: z.array(z.enum(['number', 'date', 'name', 'negation'])).optional(),
  passages: z.number().int().positive().optional(),
});
const entrySchema = z.object({ id: z.string(), category: z.string(), message: z.string().min(1), expect: z.array(expectation).min(1).max(5) });

export type QuoteCase = z.infer<typeof entrySchema>;
export type QuoteExpectation = z.infer<typeof expectation>;

export async function readQuoteSet(file: string): Promise<QuoteCase[]> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    throw new IsnadError('EVAL_GOLD_INVALID', `Cannot read the quote set ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { file });
  }
  return text.split(/\r?\n/).flatMap((raw, i) => {
    if (raw.trim() === '') return [];
    let parsed;
    try {
      parsed = entrySchema.safeParse(JSON.parse(raw));
    } catch (error) {
      throw new IsnadError('EVAL_GOLD_INVALID', `${file}:${i + 1}: not valid JSON (${(error as Error).message}).`, { file, line: i + 1 });
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new IsnadError('EVAL_GOLD_INVALID', `${file}:${i + 1}: ${issue.path.join('.') || 'entry'} ${issue.message}. Expected {"id","category","message","expect":[{"verdict","source"?,"text"?,"kinds"?}]}.`, { file, line: i + 1 });
    }
    return [parsed.data];
  });
}


/**
 * What is wrong with one verdict against its expectation: the verdict, the place (source and exact
 * span), the kinds of change, and the citation (text, line and last line must match the file).
 */
function quoteProblems(result: VerifyResult | undefined, expected: QuoteExpectation, fileText: (source: string) => string | null): { verdict: string | null; place: string | null; citation: string | null } {
  if (!result) return { verdict: 'no verdict for this quote', place: null, citation: null };
  const verdict = result.verdict !== expected.verdict ? `verdict ${result.verdict}, expected ${expected.verdict}` : null;
  const m = result.match;
  let place: string | null = null;
  let citation: string | null = null;
  if (expected.verdict !== 'not_found') {
    if (!m) place = 'no place';
    else if (expected.source && !m.source.startsWith(expected.source)) place = `source ${m.source}, expected ${expected.source}…`;
    else if (expected.text !== undefined && m.text !== expected.text) place = `span ${JSON.stringify(m.text)}, expected ${JSON.stringify(expected.text)}`;
    else if (expected.spelling !== undefined && result.spellingDiffers !== expected.spelling) place = `spellingDiffers ${result.spellingDiffers}`;
    else if (expected.kinds && JSON.stringify([...new Set(result.changes.map((c) => c.kind).filter(Boolean))].sort()) !== JSON.stringify([...expected.kinds].sort())) {
      place = `kinds ${JSON.stringify(result.changes.map((c) => c.kind))}, expected ${JSON.stringify(expected.kinds)}`;
    }
    if (m) {
      const file = fileText(m.source);
      citation = citationProblem({ id: m.passageIds[0] ?? '', ...m }, file);
      if (!citation && file !== null && (lineAt(file, m.start) !== m.line || lineAt(file, m.end - 1) !== m.endLine)) citation = `lines ${m.line}-${m.endLine} do not match the file`;
    }
  }
  return { verdict, place, citation };
}

export interface QuoteSetReport {
  file: string;
  cases: number;
  quotes: number;
  byExpected: Record<'verbatim' | 'altered' | 'not_found', { total: number; verdictRight: number; placeRight: number }>;
  citationErrors: number;
  failures: Array<{ id: string; category: string; problem: string }>;
}

export function scoreQuoteSet(file: string, cases: QuoteCase[], results: VerifyResult[][], fileText: (source: string) => string | null): QuoteSetReport {
  const byExpected = {
    verbatim: { total: 0, verdictRight: 0, placeRight: 0 },
    altered: { total: 0, verdictRight: 0, placeRight: 0 },
    not_found: { total: 0, verdictRight: 0, placeRight: 0 },
  };
  const failures: QuoteSetReport['failures'] = [];
  let citationErrors = 0;
  let quotes = 0;
  cases.forEach((c, i) => {
    const got = results[i]!;
    if (got.length !== c.expect.length) failures.push({ id: c.id, category: c.category, problem: `${got.length} verdicts, expected ${c.expect.length}` });
    c.expect.forEach((expected, k) => {
      quotes++;
      const row = byExpected[expected.verdict];
      row.total++;
      const p = quoteProblems(got[k], expected, fileText);
      if (!p.verdict) row.verdictRight++;
      if (!p.verdict && !p.place) row.placeRight++;
      if (p.citation) citationErrors++;
      const problem = [p.verdict, p.place, p.citation].filter(Boolean).join('; ');
      if (problem) failures.push({ id: c.id, category: c.category, problem });
    });
  });
  return { file, cases: cases.length, quotes, byExpected, citationErrors, failures };
}

export function formatQuoteSetReport(r: QuoteSetReport): string {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
  const lines = [
    `Verify quote on ${r.file}: ${r.cases} messages, ${r.quotes} quotes`,
    '',
    'expected     quotes  verdict right      verdict + place right',
  ];
  for (const [name, row] of Object.entries(r.byExpected)) {
    lines.push(`${name.padEnd(12)} ${String(row.total).padStart(6)}  ${`${row.verdictRight} (${pct(row.verdictRight, row.total)})`.padEnd(18)} ${row.placeRight} (${pct(row.placeRight, row.total)})`);
  }
  lines.push('', `citation errors (text !== file.slice(start, end), wrong line): ${r.citationErrors}`);
  if (r.failures.length) {
    lines.push('', 'misses:');
    for (const f of r.failures) lines.push(`  ${f.id} [${f.category}] ${f.problem}`);
  }
  return lines.join('\n');
}

/** Verifies every message of a quote set through the same path as `npm run verify`, then scores it. */
export async function runQuoteSet(options: { config: CoreConfig; log: Logger; file: string; tempIndex: boolean; loadModel?: () => Promise<LoadedModel> }): Promise<QuoteSetReport> {
  const cases = await readQuoteSet(options.file);
  const indexDir = options.tempIndex ? await fsp.mkdtemp(path.join(os.tmpdir(), 'isnad-eval-index-')) : options.config.indexDir;
  try {
    const collection = await openCollection({ ...options.config, indexDir }, { log: options.log, loadModel: options.loadModel });
    const results: VerifyResult[][] = [];
    for (const c of cases) results.push(await collection.verifyQuotes(c.message));
    const read = fileReader(options.config.docsDir, Infinity);
    const files = new Map<string, string | null>();
    for (const r of results.flat()) if (r.match && !files.has(r.match.source)) files.set(r.match.source, await read(r.match.source));
    return scoreQuoteSet(options.file, cases, results, (source) => files.get(source) ?? null);
  } finally {
    if (options.tempIndex) await fsp.rm(indexDir, { recursive: true, force: true });
  }
}
