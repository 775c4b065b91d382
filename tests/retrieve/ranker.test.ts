import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_FIT, fitLogistic, fitRanker, fitWeights, type Example } from '../../src/eval/fit.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import { confidenceLevel, shippedWeights } from '../../src/retrieve/ranker.js';
import { tempDir } from '../helpers/temp.js';

let seeds: Collection;

beforeAll(async () => {
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  seeds = await openCollection(config, {
    log: silentLogger,
    loadModel: async () => ({ embedder: null, status: { loaded: false, modelId: null, reason: 'test' } }),
  });
});

describe('answers over the seeds with the shipped ranker', () => {
  it('puts the Syrian regime delegation head first for a Levantine question', async () => {
    const answer = await seeds.ask('مين بيرأس وفد النظام؟');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.text).toContain('الجعفري');
  });

  it('answers colloquial questions the old threshold refused', async () => {
    for (const q of ['مين اللي بيرأس وفد النظام بأستانا؟', 'وين انعقدت المحادثات؟']) {
      const answer = await seeds.ask(q);
      expect(answer.answered, q).toBe(true);
      expect(answer.results.map((r) => r.text).join(' '), q).toMatch(/أستان/);
    }
  });

  it('finds a name spelled differently from the text', async () => {
    for (const [q, written] of [
      ['نزاربايف', 'نزارباييف'],
      ['لافرنتييف', 'لافرينتييف'],
    ] as const) {
      const answer = await seeds.ask(q);
      const shown = answer.answered ? answer.results : answer.closest;
      expect(shown.map((r) => r.text).join(' '), q).toContain(written);
    }
  });

  it('a link or a mention in the question does not make it refuse', async () => {
    const answer = await seeds.ask('من يرأس وفد النظام السوري؟ https://example.com/x <@123456789012345678>');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.text).toContain('الجعفري');
  });

  it('shows a calibrated confidence, not 1.000 for whatever ranks first', async () => {
    const confident = await seeds.ask('من يرأس وفد النظام السوري؟');
    const vague = await seeds.ask('وين انعقدت المحادثات؟');
    for (const a of [confident, vague]) {
      for (const r of a.results) expect(r.confidence).toBeGreaterThanOrEqual(0), expect(r.confidence).toBeLessThanOrEqual(1);
      expect(a.confidence).toBe(a.results[0]!.confidence);
    }
    expect(confident.confidence).toBeGreaterThan(vague.confidence);
    expect(confidenceLevel(confident.confidence)).toBe('high');
    expect(vague.confidence).toBeLessThan(1);
  });

  it('ships weights for every feature the ranker computes', () => {
    const weights = shippedWeights();
    const answerFeatures = ['bm25', 'coverage', 'contextCoverage', 'docCoverage', 'proximity', 'typeNumber', 'typeDate', 'variants'];
    for (const name of answerFeatures) expect(Object.keys(weights.ranker)).toContain(name);
    expect(weights.answerable.threshold).toBeGreaterThan(0);
  });
});

const QUERY = { knownShare: 1, terms: 2, unknownTerms: 0 };

describe('fitting', () => {
  const example = (rows: number[][], hit: number): Example => ({
    set: { names: ['good', 'noise'], candidates: rows.map((values, row) => ({ row, doc: 0, values })), query: QUERY },
    hits: rows.map((_, i) => i === hit),
    answerable: true,
    fold: 'a',
  });

  it('the ranker learns to weigh the feature that marks the answer', () => {
    const examples = Array.from({ length: 30 }, (_, k) => example([[0, (k * 7) % 3], [1, (k * 5) % 3], [0, k % 2]], 1));
    const weights = fitRanker(examples);
    expect(weights.good!).toBeGreaterThan(Math.abs(weights.noise!));
  });

  it('questions with different legs (Arabic: variants, English: translation) are fitted by feature name, not position', () => {
    const withLeg = (leg: string, rows: number[][], hit: number): Example => ({
      ...example(rows, hit),
      set: { names: ['noise', leg], candidates: rows.map((values, row) => ({ row, doc: 0, values })), query: QUERY },
    });
    // Arabic questions: the variants leg marks nothing; English ones: the translation leg marks the answer.
    const arabic = Array.from({ length: 20 }, (_, k) => withLeg('variants', [[k % 2, 1], [(k + 1) % 2, 0], [0, 1]], 1));
    const english = Array.from({ length: 20 }, (_, k) => withLeg('translation', [[k % 2, 0], [(k + 1) % 2, 1], [0, 0]], 1));
    const weights = fitWeights([...arabic, ...english], 'test');
    expect(weights.ranker.translation!).toBeGreaterThan(0);
    expect(weights.ranker.variants!).toBeLessThan(0);
  });

  it('the logistic model is calibrated on separable-with-noise data', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [i % 2 === 0 ? 1 : 0]);
    const labels = rows.map((r, i) => (r[0] === 1 ? i % 10 !== 0 : i % 10 === 1));
    const model = fitLogistic(['x'], rows, labels, { ...DEFAULT_FIT, keepAnswerable: 0.98, iterations: 400, l2: 0 });
    const p = (x: number) => 1 / (1 + Math.exp(-(model.bias + model.weights.x! * x)));
    expect(p(1)).toBeGreaterThan(0.8);
    expect(p(0)).toBeLessThan(0.2);
  });
});
