/** Cross-validation by article (src/eval/crossval.ts), over the seeds: what a held-out number is made of. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { askFolds, crossValidate, foldOf, tradeOff, UNANSWERABLE_FOLD, withoutArticles, type Asked } from '../../src/eval/crossval.js';
import { readGoldFile, type GoldQuestion } from '../../src/eval/gold.js';
import { isHit } from '../../src/eval/metrics.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { analyze } from '../../src/text/analyze.js';
import { tempDir } from '../helpers/temp.js';

let index: IndexSnapshot;
let questions: GoldQuestion[];
let asked: Asked[];

beforeAll(async () => {
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  index = (await openIndex(config, { log: silentLogger })).snapshot;
  questions = await readGoldFile(path.resolve('eval/dev.jsonl'));
  asked = await askFolds(index, null, questions);
}, 60_000);

describe('cross-validation by article', () => {
  it('a question belongs to the article of its first gold entry; a written unanswerable to none', () => {
    const [answerable, unanswerable] = [questions.find((q) => q.gold.length > 0)!, questions.find((q) => q.gold.length === 0)!];
    expect(foldOf(answerable)).toBe(answerable.gold[0]![0]);
    expect(foldOf(unanswerable)).toBeNull();
  });

  it('the index without an article has none of its passages, and its words no longer match there', async () => {
    const without = await withoutArticles(index, ['001']);
    expect(without.passages.length).toBeGreaterThan(0);
    expect(without.passages.some((p) => p.source.startsWith('001'))).toBe(false);
    expect(without.passages).toEqual(index.passages.filter((p) => !p.source.startsWith('001')));
    expect(without.manifest.passages).toBe(without.passages.length);
    // BM25 was rebuilt: a word of the removed article counts only the passages that are left.
    const terms = [...new Set(analyze(index.passages.find((p) => p.source.startsWith('001'))!.text))];
    for (const term of terms) {
      expect(without.lexical.documentFrequency(term), term).toBe(without.passages.filter((p) => analyze(p.text).includes(term)).length);
    }
    expect(terms.some((term) => without.lexical.documentFrequency(term) < index.lexical.documentFrequency(term))).toBe(true);
  });

  it('every answerable question is asked of the full index, without every article its gold names, and without one other article', () => {
    const answerable = questions.filter((q) => q.gold.length > 0);
    expect(asked.filter((a) => a.answerable && a.example.teaches !== 'refusal')).toHaveLength(answerable.length);
    // The refusal's answerable copies: the gold's articles are all there, exactly one other is not.
    const copies = asked.filter((a) => a.example.teaches === 'refusal');
    // The other article is the next fold's; a question whose gold also names it has no such copy.
    const folds = [...new Set(answerable.map((q) => foldOf(q)!))].sort();
    const next = (q: GoldQuestion) => folds[(folds.indexOf(foldOf(q)!) + 1) % folds.length]!;
    expect(copies).toHaveLength(answerable.filter((q) => !q.gold.some(([prefix]) => prefix === next(q))).length);
    const files = (a: Asked) => new Set(a.index.passages.map((p) => p.source.slice(0, 3)));
    const all = new Set(index.passages.map((p) => p.source.slice(0, 3)));
    for (const a of copies) {
      expect(a.answerable).toBe(true);
      expect(files(a).size, a.question.id).toBe(all.size - 1);
      for (const [prefix] of a.question.gold) expect(files(a).has(prefix), a.question.id).toBe(true);
    }
    for (const a of asked.filter((x) => !x.answerable && x.fold !== UNANSWERABLE_FOLD)) {
      const original = answerable.find((q) => a.question.id === `${q.id}~without-${foldOf(q)}`)!;
      const named = new Set(original.gold.map(([prefix]) => prefix));
      expect(a.index.passages.some((p) => [...named].some((prefix) => p.source.startsWith(prefix))), a.question.id).toBe(false);
      expect(a.question.gold).toEqual([]);
    }
    expect(asked.filter((a) => a.fold === UNANSWERABLE_FOLD)).toHaveLength(questions.length - answerable.length);
  });

  it('each fold is answered by weights fitted without it', () => {
    const heldOut = crossValidate(asked);
    // Measured: what a user would ask; the refusal's extra copies only teach.
    expect(heldOut).toHaveLength(asked.filter((a) => a.example.teaches !== 'refusal').length);
    for (const fold of new Set(asked.map((a) => a.fold))) {
      const mine = heldOut.filter((h) => asked.find((a) => a.question.id === h.outcome.question.id)!.fold === fold);
      expect(new Set(mine.map((h) => h.weights.fittedOn))).toEqual(new Set([`cross-validation fold ${fold}`]));
    }
  });

  it('the refusal trade-off: a higher threshold refuses more and keeps fewer answers', () => {
    const rows = tradeOff(crossValidate(asked), [0.01, 0.2, 0.5, 0.9]);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.refused).toBeGreaterThanOrEqual(rows[i - 1]!.refused);
      expect(rows[i]!.kept).toBeLessThanOrEqual(rows[i - 1]!.kept);
      expect(rows[i]!.hit5).toBeLessThanOrEqual(rows[i]!.kept);
    }
    expect(rows[0]!.kept).toBeGreaterThan(rows[rows.length - 1]!.kept);
  });

  it('answer-removed negatives: each answerable question asked of its own article without every passage holding its answer', async () => {
    const some = questions.filter((q) => q.gold.length > 0).slice(0, 6);
    for (const how of ['passage', 'neighbours'] as const) {
      const removed = (await askFolds(index, null, some, { answerRemoved: how })).filter((a) => a.example.answerRemoved);
      expect(removed).toHaveLength(some.length);
      for (const a of removed) {
        const original = some.find((q) => a.question.id === `${q.id}~answer-removed`)!;
        expect([a.answerable, a.example.teaches, a.question.gold]).toEqual([false, 'refusal', []]);
        // The answer is gone; the rest of its article (its topical words) is still there.
        expect(a.index.passages.some((p) => isHit(p, original.gold)), a.question.id).toBe(false);
        const article = (p: { source: string }) => p.source.startsWith(foldOf(original)!);
        const gone = index.passages.filter(article).length - a.index.passages.filter(article).length;
        const holding = index.passages.filter((p) => article(p) && isHit(p, original.gold)).length;
        expect(a.index.passages.some(article), a.question.id).toBe(true);
        if (how === 'passage') expect(gone).toBe(holding);
        else expect(gone).toBeGreaterThan(holding);
      }
    }
  });
});
