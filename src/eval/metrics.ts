import type { GoldEntry, GoldQuestion } from './gold.js';

/** The part of a returned passage the hit rule and the miss report read. */
export interface RankedResult {
  id?: string;
  source: string;
  text: string;
  line?: number;
}

/** How many results are scored (hit@5, MRR@5). */
export const EVAL_DEPTH = 5;

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The hit rule of the gold format: the result's `source` starts with the gold file prefix and its text
 * contains the gold substring once runs of whitespace are collapsed on both sides. Any entry counts.
 */
export function isHit(result: RankedResult, gold: readonly GoldEntry[]): boolean {
  if (gold.length === 0) return false;
  const text = collapseWhitespace(result.text);
  return gold.some(([prefix, substring]) => result.source.startsWith(prefix) && text.includes(collapseWhitespace(substring)));
}

/** 1-based rank of the first hit within the first `depth` results, or null. */
export function firstHitRank(results: readonly RankedResult[], gold: readonly GoldEntry[], depth = EVAL_DEPTH): number | null {
  const limit = Math.min(depth, results.length);
  for (let i = 0; i < limit; i++) if (isHit(results[i]!, gold)) return i + 1;
  return null;
}

/** What the system returned for one question. */
export interface QuestionOutcome {
  question: Pick<GoldQuestion, 'id' | 'q' | 'lang' | 'gold'> & { tags?: Record<string, string> };
  answered: boolean;
  /** `results` when answered, else `closest`: the ranking, whatever the abstention decision. */
  ranked: RankedResult[];
  /** Set when the question could not be asked at all (e.g. rejected as invalid); counts as not answered. */
  error?: string;
}

export interface RankMetrics {
  questions: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr5: number;
}

export interface Miss {
  id: string;
  q: string;
  lang: string;
  /** `abstained`: answerable but answered:false · `not-found`: answered, no hit in the top 5 · `false-answer`: unanswerable but answered. */
  kind: 'abstained' | 'not-found' | 'false-answer';
  /** Rank of the first hit in the ranking ignoring abstention (null: none in the top 5; always null for false answers). */
  rankIgnoringAbstention: number | null;
  /** What ranked first instead. */
  first: { source: string; line?: number; text: string } | null;
  error?: string;
}

export interface EvalMetrics {
  /** End-to-end: an answerable question counts only when answered:true and a hit is in the top 5. Keys: languages and `all`. */
  answered: Record<string, RankMetrics | null>;
  /** Ranking quality alone: the same over `closest` when not answered. */
  ranking: Record<string, RankMetrics | null>;
  /** Unanswerable questions answered:false. */
  abstention: { questions: number; correct: number; rate: number | null };
  /** Answerable questions answered:true. */
  kept: { questions: number; answered: number; rate: number | null };
  misses: Miss[];
  /** The same per value of each gold tag (`dialect=gulf`), for sets that mark kinds of question. */
  byTag: TagMetrics[];
}

export interface TagMetrics {
  /** `field=value`. */
  tag: string;
  answered: RankMetrics | null;
  ranking: RankMetrics | null;
  abstention: { questions: number; correct: number };
  kept: { questions: number; answered: number };
}

export const REPORTED_LANGUAGES = ['ar', 'en'] as const;

/** Averages of hit@k and reciprocal rank over `ranks` (null = miss); null when there is nothing to average. */
export function rankMetrics(ranks: ReadonlyArray<number | null>): RankMetrics | null {
  if (ranks.length === 0) return null;
  const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== null && r <= EVAL_DEPTH ? 1 / r : 0), 0) / ranks.length;
  return { questions: ranks.length, hit1: share(1), hit3: share(3), hit5: share(5), mrr5: mrr };
}

function shorten(text: string, max = 120): string {
  const flat = collapseWhitespace(text);
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

export function computeMetrics(outcomes: readonly QuestionOutcome[]): EvalMetrics {
  const answerable = outcomes.filter((o) => o.question.gold.length > 0);
  const unanswerable = outcomes.filter((o) => o.question.gold.length === 0);
  const rankIgnoring = new Map(answerable.map((o) => [o, firstHitRank(o.ranked, o.question.gold)]));
  const rankAnswered = (o: QuestionOutcome) => (o.answered ? rankIgnoring.get(o)! : null);

  const languages = [...new Set([...REPORTED_LANGUAGES, ...answerable.map((o) => o.question.lang)])];
  const answered: Record<string, RankMetrics | null> = {};
  const ranking: Record<string, RankMetrics | null> = {};
  for (const lang of [...languages, 'all']) {
    const group = lang === 'all' ? answerable : answerable.filter((o) => o.question.lang === lang);
    answered[lang] = rankMetrics(group.map(rankAnswered));
    ranking[lang] = rankMetrics(group.map((o) => rankIgnoring.get(o)!));
  }

  const misses: Miss[] = [];
  for (const o of outcomes) {
    const top = o.ranked[0];
    const first = top ? { source: top.source, line: top.line, text: shorten(top.text) } : null;
    const base = { id: o.question.id, q: o.question.q, lang: o.question.lang, first, ...(o.error ? { error: o.error } : {}) };
    if (o.question.gold.length === 0) {
      if (o.answered) misses.push({ ...base, kind: 'false-answer', rankIgnoringAbstention: null });
    } else if (!o.answered) {
      misses.push({ ...base, kind: 'abstained', rankIgnoringAbstention: rankIgnoring.get(o)! });
    } else if (rankIgnoring.get(o) === null) {
      misses.push({ ...base, kind: 'not-found', rankIgnoringAbstention: null });
    }
  }

  const correct = unanswerable.filter((o) => !o.answered).length;
  const kept = answerable.filter((o) => o.answered).length;
  const tags = [...new Set(outcomes.flatMap((o) => Object.entries(o.question.tags ?? {}).map(([k, v]) => `${k}=${v}`)))].sort();
  const byTag = tags.map((tag): TagMetrics => {
    const [key, value] = [tag.slice(0, tag.indexOf('=')), tag.slice(tag.indexOf('=') + 1)];
    const has = (o: QuestionOutcome) => o.question.tags?.[key] === value;
    const group = answerable.filter(has);
    const refusable = unanswerable.filter(has);
    return {
      tag,
      answered: rankMetrics(group.map(rankAnswered)),
      ranking: rankMetrics(group.map((o) => rankIgnoring.get(o)!)),
      abstention: { questions: refusable.length, correct: refusable.filter((o) => !o.answered).length },
      kept: { questions: group.length, answered: group.filter((o) => o.answered).length },
    };
  });
  return {
    byTag,
    answered,
    ranking,
    abstention: { questions: unanswerable.length, correct, rate: unanswerable.length ? correct / unanswerable.length : null },
    kept: { questions: answerable.length, answered: kept, rate: answerable.length ? kept / answerable.length : null },
    misses,
  };
}
