import type { Embedder } from '../embed/embedder.js';
import { isIsnadError } from '../errors.js';
import { decide, gatherEvidence, type Evidence, type RetrieveOptions } from '../retrieve/answer.js';
import { Bm25Builder } from '../index/bm25-builder.js';
import type { RankerWeights } from '../retrieve/ranker.js';
import type { IndexSnapshot } from '../index/snapshot.js';
import { FlatVectorStore } from '../store/flat-store.js';
import { analyze } from '../text/analyze.js';
import type { Passage } from '../types.js';
import { answerPassages, type AnswerRemoved } from './answer-removed.js';
import type { GoldQuestion } from './gold.js';
import { DEFAULT_FIT, fitWeights, type Example, type FitOptions } from './fit.js';
import { EVAL_DEPTH, isHit, type QuestionOutcome } from './metrics.js';

/**
 * Cross-validation by article: each article's questions are answered by weights fitted on the other
 * articles only, and asked again of the collection without that article, where the only right
 * response is to refuse. The numbers it reports are all from held-out folds.
 */

/** The article a question is about: the file prefix of its first gold entry (null when unanswerable). */
export function foldOf(question: GoldQuestion): string | null {
  return question.gold[0]?.[0] ?? null;
}

/** The same index minus the passages of some articles (BM25 rebuilt; vectors copied, not re-embedded). */
export function withoutArticles(full: IndexSnapshot, prefixes: readonly string[]): Promise<IndexSnapshot> {
  return withoutPassages(full, (p) => prefixes.some((prefix) => p.source.startsWith(prefix)));
}

/** The same index minus the passages `drop` picks (BM25 rebuilt; vectors copied, not re-embedded). */
export async function withoutPassages(full: IndexSnapshot, drop: (p: Passage, row: number) => boolean): Promise<IndexSnapshot> {
  const passages = full.passages.filter((p, row) => !drop(p, row));
  const builder = new Bm25Builder();
  for (const p of passages) builder.add(analyze(p.text));
  const lexical = builder.finish();
  let vectors = null;
  if (full.vectors) {
    const store = new FlatVectorStore(full.vectors.dimensions);
    await store.add(passages.map((p) => ({ id: p.id, vector: full.vectors!.get(p.id)! })));
    vectors = store;
  }
  return { manifest: { ...full.manifest, passages: passages.length }, passages, lexical, vectors };
}

export const UNANSWERABLE_FOLD = '(written unanswerable)';

export interface Asked {
  question: GoldQuestion;
  fold: string;
  answerable: boolean;
  index: IndexSnapshot;
  evidence: Evidence;
  example: Example;
}

/** What a question is asked with besides the index: the leg restriction and the English dictionary. */
export type AskOptions = Pick<RetrieveOptions, 'mode' | 'dictionary'>;

/** Which refusal negatives askFolds adds besides questions asked without their article (answer-removed.ts). */
export interface FoldOptions extends AskOptions {
  answerRemoved?: AnswerRemoved;
}

async function ask(index: IndexSnapshot, embedder: Embedder | null, question: GoldQuestion, fold: string, answerable: boolean, options: AskOptions): Promise<Asked | null> {
  let evidence: Evidence;
  try {
    evidence = await gatherEvidence(index, embedder, question.q, options);
  } catch (error) {
    if (isIsnadError(error, 'QUESTION_INVALID')) return null;
    throw error;
  }
  const hits = evidence.set.candidates.map((c) => answerable && isHit(index.passages[c.row]!, question.gold));
  return { question, fold, answerable, index, evidence, example: { set: evidence.set, hits, answerable, fold } };
}

/**
 * Every answerable question over the full index (what users see, and what the ranker learns from),
 * again over the index without its article (where it is unanswerable), and again over the index
 * without another article (answerable: the refusal learns from collections that all lack one article).
 */
export async function askFolds(full: IndexSnapshot, embedder: Embedder | null, questions: GoldQuestion[], foldOptions: FoldOptions = {}): Promise<Asked[]> {
  const { answerRemoved = 'off', ...options } = foldOptions;
  const asked: Asked[] = [];
  const byFold = new Map<string, GoldQuestion[]>();
  for (const q of questions) {
    const fold = foldOf(q);
    if (fold === null) {
      // Written unanswerable: asked of the full collection, a fold of their own.
      const u = await ask(full, embedder, q, UNANSWERABLE_FOLD, false, options);
      if (u) asked.push(u);
      continue;
    }
    byFold.set(fold, [...(byFold.get(fold) ?? []), q]);
  }
  // Each smaller index built once: questions of one article, or with one answering passage, share it.
  const indexes = new Map<string, IndexSnapshot>();
  const cached = async (key: string, build: () => Promise<IndexSnapshot>) => {
    let index = indexes.get(key);
    if (!index) indexes.set(key, (index = await build()));
    return index;
  };
  const without = (prefixes: string[]) => cached(prefixes.join('\u0000'), () => withoutArticles(full, prefixes));
  const withoutRows = (rows: Set<number>) => cached(`rows:${[...rows].join(',')}`, () => withoutPassages(full, (_, row) => rows.has(row)));
  const folds = [...byFold.keys()].sort();
  for (const [fold, group] of byFold) {
    // The article removed while this fold's questions stay answerable: the next fold's, round the list.
    const other = folds[(folds.indexOf(fold) + 1) % folds.length]!;
    for (const q of group) {
      // Every file the gold names goes: a story copied into two files must not answer its own "unanswerable".
      const prefixes = [...new Set(q.gold.map(([prefix]) => prefix))].sort();
      const a = await ask(full, embedder, q, fold, true, options);
      const u = await ask(await without(prefixes), embedder, { ...q, id: `${q.id}~without-${fold}`, gold: [] }, fold, false, options);
      const kept = folds.length > 1 && !prefixes.includes(other) ? await ask(await without([other]), embedder, { ...q, id: `${q.id}~without-${other}` }, fold, true, options) : null;
      if (a) asked.push({ ...a, example: { ...a.example, teaches: kept ? 'ranking' : undefined } });
      if (u) asked.push(u);
      if (kept) asked.push({ ...kept, example: { ...kept.example, teaches: 'refusal' } });
      const rows = answerRemoved === 'off' ? null : answerPassages(full.passages, q, answerRemoved);
      const r = rows && (await ask(await withoutRows(rows), embedder, { ...q, id: `${q.id}~answer-removed`, gold: [] }, fold, false, options));
      if (r) asked.push({ ...r, example: { ...r.example, teaches: 'refusal', answerRemoved: true } });
    }
  }
  return asked;
}

export interface HeldOut {
  outcome: QuestionOutcome;
  /** P(answerable) of the held-out fold's model, for the trade-off curve. */
  answerable: number;
  /** Asked of its article without the passages holding its answer (answer-removed.ts): measured apart. */
  answerRemoved: boolean;
  /** Confidence shown for #1, and whether #1 holds the answer (never, for a question asked without its article). */
  first: { confidence: number; firstAnswers: boolean } | null;
  weights: RankerWeights;
}

/** Fits on every fold but one, answers the held-out fold; repeated for each fold. */
export function crossValidate(asked: readonly Asked[], options: FitOptions = DEFAULT_FIT): HeldOut[] {
  const folds = [...new Set(asked.map((a) => a.fold))];
  const out: HeldOut[] = [];
  for (const fold of folds) {
    const weights = fitWeights(
      asked.filter((a) => a.fold !== fold).map((a) => a.example),
      `cross-validation fold ${fold}`,
      options,
    );
    // Measured: the questions users would ask (answerable ones over the full collection), not the refusal's extra copies;
    // answer-removed questions are measured too, marked so the caller keeps them apart.
    for (const a of asked.filter((x) => x.fold === fold && (x.example.teaches !== 'refusal' || x.example.answerRemoved))) {
      const { answer, answerable } = decide(a.index, a.evidence, weights, EVAL_DEPTH);
      out.push({
        outcome: { question: a.question, answered: answer.answered, ranked: answer.answered ? answer.results : answer.closest },
        answerable,
        answerRemoved: a.example.answerRemoved === true,
        first: answer.answered ? { confidence: answer.confidence, firstAnswers: isHit(answer.results[0]!, a.question.gold) } : null,
        weights,
      });
    }
  }
  return out;
}

export interface TradeOffRow {
  threshold: number;
  refused: number;
  kept: number;
  hit5: number;
}

/** Refusal threshold against refusals of held-out-article questions and answers kept (end-to-end hit@5). */
export function tradeOff(heldOut: readonly HeldOut[], thresholds: readonly number[]): TradeOffRow[] {
  const answerable = heldOut.filter((h) => h.outcome.question.gold.length > 0);
  const unanswerable = heldOut.filter((h) => h.outcome.question.gold.length === 0);
  return thresholds.map((threshold) => ({
    threshold,
    refused: unanswerable.filter((h) => h.answerable < threshold).length / (unanswerable.length || 1),
    kept: answerable.filter((h) => h.answerable >= threshold).length / (answerable.length || 1),
    hit5:
      answerable.filter((h) => h.answerable >= threshold && h.outcome.ranked.slice(0, EVAL_DEPTH).some((r) => isHit(r, h.outcome.question.gold))).length /
      (answerable.length || 1),
  }));
}
