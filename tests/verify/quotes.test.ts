/** The quote set (eval/quotes.jsonl) through the real core over seeds/: every verdict, place and citation. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readQuoteSet, scoreQuoteSet, type QuoteCase } from '../../src/eval/quotes.js';
import { createLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { openIndex, serveIndex } from '../../src/open-collection.js';
import type { VerifyResult } from '../../src/verify/types.js';

const cases: QuoteCase[] = await readQuoteSet('eval/quotes.jsonl');
const files = new Map(fs.readdirSync('seeds').map((f) => [f, fs.readFileSync(path.join('seeds', f), 'utf8')]));
/** Quotes whose verdict is right but whose place differs from the one we expect (see the README's limits). */
const KNOWN_PLACE_MISSES = new Set(['nm02']);

let indexDir: string;
let collection: Collection;
let index: IndexSnapshot;
const results = new Map<string, VerifyResult[]>();

beforeAll(async () => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-quotes-'));
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: indexDir, MODEL_ID: 'none' });
  const opened = await openIndex(config, { log: createLogger('silent') });
  index = opened.snapshot;
  collection = serveIndex(config, opened);
  for (const c of cases) results.set(c.id, await collection.verifyQuotes(c.message));
}, 60_000);

afterAll(() => fs.rmSync(indexDir, { recursive: true, force: true }));

test('the set covers every category the issue lists, with at least 40 quotes', () => {
  const categories = new Set(cases.map((c) => c.category));
  for (const c of ['verbatim', 'verbatim-spelling', 'number', 'ordinal', 'name', 'day', 'country', 'added-negation', 'dropped-negation', 'dropped-words', 'swapped-speaker', 'spanning', 'commentary', 'unrelated', 'unrelated-common-words']) {
    expect(categories).toContain(c);
  }
  expect(cases.flatMap((c) => c.expect).length).toBeGreaterThanOrEqual(40);
});

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  test(`${c.category}: verdicts, places and citations`, () => {
    const got = results.get(id)!;
    expect(got.map((r) => r.verdict)).toEqual(c.expect.map((e) => e.verdict));
    c.expect.forEach((expected, k) => {
      const r = got[k]!;
      if (expected.verdict === 'not_found') {
        expect(r.match).toBeNull();
        return;
      }
      const m = r.match!;
      // The citation is exact: the span is the file's text, its lines are the file's lines.
      const file = files.get(m.source)!;
      expect(m.text).toBe(file.slice(m.start, m.end));
      expect(m.line).toBe(file.slice(0, m.start).split('\n').length);
      expect(m.endLine).toBe(file.slice(0, m.end - 1).split('\n').length);
      expect(m.source.startsWith(expected.source!)).toBe(true);
      expect(m.passageIds.every((pid) => collection.passage(pid)?.source === m.source)).toBe(true);
      if (KNOWN_PLACE_MISSES.has(id)) {
        expect(m.text).not.toBe(expected.text);
        return;
      }
      expect(m.text).toBe(expected.text);
      // Every passage the span touches is cited, however the documents are chunked today.
      const touched = index.passages.filter((p) => p.source === m.source && p.start < m.end && p.end > m.start).map((p) => p.id);
      expect([...m.passageIds].sort()).toEqual(touched.sort());
      if (expected.spelling !== undefined) expect(r.spellingDiffers).toBe(expected.spelling);
      if (expected.kinds) expect([...new Set(r.changes.map((ch) => ch.kind).filter(Boolean))].sort()).toEqual([...expected.kinds].sort());
      if (expected.verdict === 'altered') {
        // The marked text is the document's span: same + document parts, in order, spell it out.
        expect(r.diff.filter((p) => p.kind !== 'quote').map((p) => p.text).join('')).toBe(m.text);
        expect(r.changes.length).toBeGreaterThan(0);
      }
    });
  });
});

test('targets: every verbatim quote verbatim, ≥ 95 % of altered ones altered at the right place, every unrelated one not found', () => {
  const report = scoreQuoteSet('eval/quotes.jsonl', cases, cases.map((c) => results.get(c.id)!), (s) => files.get(s) ?? null);
  expect(report.byExpected.verbatim.placeRight).toBe(report.byExpected.verbatim.total);
  expect(report.byExpected.altered.placeRight / report.byExpected.altered.total).toBeGreaterThanOrEqual(0.95);
  expect(report.byExpected.not_found.verdictRight).toBe(report.byExpected.not_found.total);
  expect(report.citationErrors).toBe(0);
});
