/**
 * How the refusal is fitted and judged: held-out-article questions, a threshold chosen on questions the
 * model did not see, and a confidence whose levels mean what they say.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { reliability } from '../../src/eval/calibration.js';
import { askFolds, crossValidate, type Asked } from '../../src/eval/crossval.js';
import { DEFAULT_FIT, fitLogistic, refusalThreshold } from '../../src/eval/fit.js';
import { logistic } from '../../src/retrieve/ranker.js';
import { Prng } from '../../src/bench/prng.js';
import { parseGold } from '../../src/eval/gold.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { tempDir } from '../helpers/temp.js';

const GOLD = [
  { id: 'a', q: 'في أي مدينة تعقد المحادثات السورية؟', gold: [['001', 'عاصمة كازاخستان']] },
  { id: 'b', q: 'من يرأس وفد النظام السوري؟', gold: [['001', 'بشار الجعفري']] },
  { id: 'c', q: 'ما هو مقترح روسيا؟', gold: [['004', 'قدمت روسيا وثيقة']] },
  { id: 'x', q: 'من هو مؤلف رواية موسم الهجرة إلى الشمال؟', gold: [] },
]
  .map((q) => JSON.stringify(q))
  .join('\n');

let asked: Asked[];
let seedPassages: number;

beforeAll(async () => {
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  const { snapshot } = await openIndex(config, { log: silentLogger });
  seedPassages = snapshot.passages.length;
  asked = await askFolds(snapshot, null, parseGold(GOLD));
}, 30_000);

const filesOf = (a: Asked) => [...new Set(a.index.passages.map((p) => p.source.slice(0, 3)))].sort();

describe('held-out-article questions', () => {
  it('asks each answerable question of the full collection, without its article (unanswerable), and without another article (answerable)', () => {
    const ofB = asked.filter((a) => a.question.id.startsWith('b'));
    const measured = ofB.find((a) => a.answerable && a.example.teaches === 'ranking')!;
    const unanswerable = ofB.find((a) => !a.answerable)!;
    const kept = ofB.find((a) => a.example.teaches === 'refusal')!;
    expect(measured.index.passages.length).toBe(seedPassages);
    expect(filesOf(unanswerable)).toEqual(['002', '003', '004']);
    // Both copies the refusal learns from miss exactly one article: the collection's size tells it nothing.
    expect(kept.answerable).toBe(true);
    expect(filesOf(kept)).toContain('001');
    expect(filesOf(kept)).toHaveLength(3);
    expect(kept.example.hits.some(Boolean)).toBe(true);
  });

  it('measures only the questions a user would ask, not the refusal\'s extra copies', () => {
    const heldOut = crossValidate(asked, { ...DEFAULT_FIT, iterations: 30 });
    // 3 answerable questions over the full seeds, the same 3 without their article, 1 written unanswerable.
    expect(heldOut).toHaveLength(7);
    expect(heldOut.filter((h) => h.outcome.question.gold.length > 0)).toHaveLength(3);
  });
});

describe('the refusal threshold', () => {
  // A fixed pseudo-random stream: the test is the same on every run.
  const prng = new Prng(7);
  const random = () => prng.next();
  const sample = (answerable: boolean) => [answerable ? 0.3 + 0.7 * random() : 0.7 * random(), random()];

  it('answers the promised share of answerable questions the model never saw, and refuses others', () => {
    const names = ['evidence', 'noise'];
    const options = { ...DEFAULT_FIT, keepAnswerable: 0.95, iterations: 200 };
    const rows = Array.from({ length: 600 }, (_, i) => ({ fold: `f${Math.floor(i / 2) % 20}`, answerable: i % 2 === 0, values: sample(i % 2 === 0) }));
    const threshold = refusalThreshold(rows, names, options);
    const model = fitLogistic(names, rows.map((r) => r.values), rows.map((r) => r.answerable), options);
    const answered = (answerable: boolean) => {
      const fresh = Array.from({ length: 2000 }, () => logistic(model, names, sample(answerable)));
      return fresh.filter((p) => p >= threshold).length / fresh.length;
    };
    expect(answered(true)).toBeGreaterThan(0.92);
    expect(answered(true)).toBeLessThan(0.99);
    expect(answered(false)).toBeLessThan(0.7);
  });
});

describe('confidence calibration table', () => {
  it('puts each answered question in the bucket of the level shown, with the share whose #1 answered', () => {
    const rows = reliability([
      { confidence: 0.9, firstAnswers: true },
      { confidence: 0.8, firstAnswers: false },
      { confidence: 0.5, firstAnswers: true },
      { confidence: 0.1, firstAnswers: false },
    ]);
    expect(rows).toEqual([
      { level: 'high', questions: 2, predicted: expect.closeTo(0.85, 5), observed: 0.5 },
      { level: 'medium', questions: 1, predicted: 0.5, observed: 1 },
      { level: 'low', questions: 1, predicted: 0.1, observed: 0 },
    ]);
  });
});
