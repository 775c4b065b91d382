import { describe, expect, it } from 'vitest';
import type { GoldEntry } from '../../src/eval/gold.js';
import { collapseWhitespace, computeMetrics, firstHitRank, isHit, rankMetrics, type QuestionOutcome, type RankedResult } from '../../src/eval/metrics.js';

const r = (source: string, text: string): RankedResult => ({ source, text });
const GOLD: GoldEntry[] = [['001', 'الجولة الرابعة']];

describe('hit rule', () => {
  it('needs the source to start with the prefix', () => {
    expect(isHit(r('001_abc.txt', 'بدأت الجولة الرابعة.'), GOLD)).toBe(true);
    expect(isHit(r('002_abc.txt', 'بدأت الجولة الرابعة.'), GOLD)).toBe(false);
    expect(isHit(r('x/001_abc.txt', 'بدأت الجولة الرابعة.'), GOLD)).toBe(false);
  });

  it('compares after collapsing whitespace on both sides', () => {
    expect(isHit(r('001.txt', 'بدأت الجولة\n  الرابعة'), GOLD)).toBe(true);
    expect(isHit(r('001.txt', 'بدأت الجولة الرابعة'), [['001', 'الجولة \t الرابعة']])).toBe(true);
    expect(isHit(r('001.txt', 'بدأت الجولةالرابعة'), GOLD)).toBe(false);
    expect(collapseWhitespace('  a \n\n b\t')).toBe('a b');
  });

  it('any gold entry counts; empty gold never hits', () => {
    const gold: GoldEntry[] = [['001', 'غير موجود'], ['002', 'موجود']];
    expect(isHit(r('002.txt', 'نص موجود هنا'), gold)).toBe(true);
    expect(isHit(r('002.txt', 'نص موجود هنا'), [])).toBe(false);
  });

  it('firstHitRank is 1-based and limited to the depth', () => {
    const ranked = [r('002', 'a'), r('003', 'b'), r('001', 'الجولة الرابعة'), r('001', 'الجولة الرابعة')];
    expect(firstHitRank(ranked, GOLD)).toBe(3);
    expect(firstHitRank(ranked, GOLD, 2)).toBeNull();
    expect(firstHitRank([], GOLD)).toBeNull();
  });
});

describe('rankMetrics', () => {
  it('computes hit@k and MRR@5 from hand-made ranks', () => {
    const m = rankMetrics([1, 2, 4, null])!;
    expect(m.questions).toBe(4);
    expect(m.hit1).toBe(0.25);
    expect(m.hit3).toBe(0.5);
    expect(m.hit5).toBe(0.75);
    expect(m.mrr5).toBeCloseTo((1 + 1 / 2 + 1 / 4) / 4, 10);
    expect(rankMetrics([6])!.mrr5).toBe(0);
    expect(rankMetrics([])).toBeNull();
  });
});

function outcome(id: string, lang: string, gold: GoldEntry[], answered: boolean, ranked: RankedResult[]): QuestionOutcome {
  return { question: { id, q: `q ${id}`, lang, gold }, answered, ranked };
}

const HIT = r('001.txt', 'نص: الجولة الرابعة');
const OTHER = r('009.txt', 'شيء آخر');

describe('computeMetrics', () => {
  const outcomes = [
    outcome('a1', 'ar', GOLD, true, [HIT, OTHER]), // rank 1
    outcome('a2', 'ar', GOLD, true, [OTHER, OTHER, HIT]), // rank 3
    outcome('a3', 'ar', GOLD, false, [HIT]), // abstained, ranking would have been 1
    outcome('a4', 'ar', GOLD, true, [OTHER]), // answered, not found
    outcome('e1', 'en', GOLD, true, [OTHER, HIT]), // rank 2
    outcome('x1', 'ar', [], false, [OTHER]), // correct abstention
    outcome('x2', 'en', [], true, [OTHER]), // false answer
  ];
  const m = computeMetrics(outcomes);

  it('scores end to end (abstained = miss) per language and overall', () => {
    expect(m.answered.ar).toMatchObject({ questions: 4, hit1: 0.25, hit3: 0.5, hit5: 0.5 });
    expect(m.answered.ar!.mrr5).toBeCloseTo((1 + 1 / 3) / 4, 10);
    expect(m.answered.en).toMatchObject({ questions: 1, hit1: 0, hit3: 1, hit5: 1, mrr5: 0.5 });
    expect(m.answered.all).toMatchObject({ questions: 5, hit1: 0.2, hit5: 0.6 });
  });

  it('scores ranking alone on closest when not answered', () => {
    expect(m.ranking.ar).toMatchObject({ questions: 4, hit1: 0.5, hit5: 0.75 });
    expect(m.ranking.all!.hit5).toBe(0.8);
  });

  it('counts abstention on both sides', () => {
    expect(m.abstention).toEqual({ questions: 2, correct: 1, rate: 0.5 });
    expect(m.kept).toEqual({ questions: 5, answered: 4, rate: 0.8 });
  });

  it('lists misses with their kind and what ranked first', () => {
    expect(m.misses.map((x) => [x.id, x.kind, x.rankIgnoringAbstention])).toEqual([
      ['a3', 'abstained', 1],
      ['a4', 'not-found', null],
      ['x2', 'false-answer', null],
    ]);
    expect(m.misses[1]!.first).toMatchObject({ source: '009.txt', text: 'شيء آخر' });
  });

  it('reports ar and en even when a language has no questions', () => {
    const only = computeMetrics([outcome('a', 'ar', GOLD, true, [HIT])]);
    expect(only.answered.en).toBeNull();
    expect(only.answered.ar!.hit1).toBe(1);
    expect(only.abstention.rate).toBeNull();
  });
});

describe('per-tag breakdown', () => {
  const outcome = (id: string, dialect: string, gold: GoldEntry[], answered: boolean, ranked: RankedResult[]): QuestionOutcome => ({
    question: { id, q: id, lang: 'ar', gold, tags: { dialect } },
    answered,
    ranked,
  });

  it('reports each tag value apart: its hits, answers kept and refusals', () => {
    const hit = r('001', 'بدأت الجولة الرابعة');
    const miss = r('002', 'شيء آخر');
    const m = computeMetrics([
      outcome('g1', 'gulf', GOLD, true, [hit]),
      outcome('g2', 'gulf', GOLD, true, [miss, hit]),
      outcome('g3', 'gulf', [], false, [miss]),
      outcome('e1', 'egyptian', GOLD, false, [hit]),
      outcome('e2', 'egyptian', [], true, [miss]),
    ]);
    const gulf = m.byTag.find((t) => t.tag === 'dialect=gulf')!;
    expect(gulf.answered).toMatchObject({ questions: 2, hit1: 0.5, hit5: 1 });
    expect(gulf.kept).toEqual({ questions: 2, answered: 2 });
    expect(gulf.abstention).toEqual({ questions: 1, correct: 1 });
    const egyptian = m.byTag.find((t) => t.tag === 'dialect=egyptian')!;
    expect(egyptian.answered).toMatchObject({ hit5: 0 });
    expect(egyptian.ranking).toMatchObject({ hit1: 1 });
    expect(egyptian.abstention).toEqual({ questions: 1, correct: 0 });
    expect(m.byTag.map((t) => t.tag)).toEqual(['dialect=egyptian', 'dialect=gulf']);
  });

  it('is empty for a gold file without tags', () => {
    expect(computeMetrics([{ question: { id: 'a', q: 'a', lang: 'ar', gold: GOLD }, answered: true, ranked: [] }]).byTag).toEqual([]);
  });
});
