import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CoreConfig } from '../config.js';
import type { LoadedModel, ModelStatus } from '../embed/embedder.js';
import { isIsnadError } from '../errors.js';
import type { Logger } from '../log.js';
import { openCollection, type IndexedCollection } from '../open-collection.js';
import { DEFAULT_ABSTENTION, type AbstentionRule } from '../retrieve/answer.js';
import { RETRIEVAL_MODES, type RetrievalMode, type ScoredPassage } from '../types.js';
import { checkCitations, sourceReader, type CitationError } from './citations.js';
import type { GoldQuestion } from './gold.js';
import { computeMetrics, EVAL_DEPTH, type EvalMetrics, type QuestionOutcome } from './metrics.js';

/** `auto` is what `npm run ask` does (every leg available); the others restrict or require legs. */
export const EVAL_MODES = ['auto', ...RETRIEVAL_MODES] as const;
export type EvalMode = (typeof EVAL_MODES)[number];

/** minLexicalCoverage values tried by the calibration sweep. */
export const SWEEP_COVERAGES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** minDenseScore values tried for the dense-only mode, where lexical coverage plays no part. */
export const SWEEP_DENSE_SCORES = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

export interface SweepRow {
  /** Which threshold varies: minLexicalCoverage, except in dense mode (minDenseScore); the other stays as configured. */
  parameter: keyof AbstentionRule;
  value: number;
  isDefault: boolean;
  abstention: EvalMetrics['abstention'];
  kept: EvalMetrics['kept'];
  /** End-to-end hit@5 over all answerable questions at this threshold. */
  hit5: number | null;
}

export interface ModeReport {
  mode: EvalMode;
  /** Which legs actually ran (from the answers), or null when the mode could not run. */
  ran: RetrievalMode | null;
  /** Why the mode could not run (no model), or null. */
  unavailable: string | null;
  metrics: EvalMetrics | null;
  citations: { checked: number; errors: CitationError[] };
  sweep: SweepRow[] | null;
  seconds: number;
}

export interface EvalReport {
  gold: string;
  docsDir: string;
  /** The index folder used, or `temporary` when eval built its own (the default). */
  index: string;
  model: ModelStatus;
  questions: { total: number; answerable: number; unanswerable: number; byLanguage: Record<string, number> };
  abstention: AbstentionRule;
  depth: number;
  modes: ModeReport[];
}

export interface EvalOptions {
  config: CoreConfig;
  questions: GoldQuestion[];
  goldFile: string;
  modes: EvalMode[];
  log: Logger;
  /** Injected model loader (the fixture model, a fake); default: the one openCollection uses for `config`. */
  loadModel?: () => Promise<LoadedModel>;
  /**
   * Build a fresh index in a temporary folder (default) so an eval — possibly with another model —
   * never rebuilds or replaces the user's index. False: use `config.indexDir` as `npm run ask` does.
   */
  tempIndex?: boolean;
  abstention?: AbstentionRule;
  sweep?: boolean;
}

interface AskedQuestion {
  outcome: QuestionOutcome;
  returned: ScoredPassage[];
  ran: RetrievalMode | null;
}

async function askAll(collection: IndexedCollection, questions: GoldQuestion[], mode: EvalMode, abstention: AbstentionRule): Promise<AskedQuestion[]> {
  const asked: AskedQuestion[] = [];
  for (const question of questions) {
    try {
      const answer = await collection.ask(question.q, { top: EVAL_DEPTH, mode: mode === 'auto' ? undefined : mode, abstention });
      const returned = answer.answered ? answer.results : answer.closest;
      asked.push({ outcome: { question, answered: answer.answered, ranked: returned }, returned, ran: answer.mode });
    } catch (error) {
      if (!isIsnadError(error) || error.code === 'MODEL_UNAVAILABLE') throw error;
      asked.push({ outcome: { question, answered: false, ranked: [], error: `${error.code}: ${error.message}` }, returned: [], ran: null });
    }
  }
  return asked;
}

function unavailableReason(collection: IndexedCollection, mode: EvalMode): string | null {
  if (mode === 'auto' || mode === 'lexical') return null;
  // status() reports the model as not loaded when the index has no vectors for it.
  const status = collection.status().model;
  return status.loaded ? null : `no model loaded (${status.reason})`;
}

function sweepValues(rule: AbstentionRule, parameter: keyof AbstentionRule): number[] {
  const values = parameter === 'minDenseScore' ? SWEEP_DENSE_SCORES : SWEEP_COVERAGES;
  return [...new Set([...values, rule[parameter]])].sort((a, b) => a - b);
}

async function runMode(collection: IndexedCollection, options: EvalOptions, mode: EvalMode, rule: AbstentionRule): Promise<ModeReport> {
  const started = performance.now();
  const unavailable = unavailableReason(collection, mode);
  if (unavailable) {
    return { mode, ran: null, unavailable, metrics: null, citations: { checked: 0, errors: [] }, sweep: null, seconds: 0 };
  }
  const asked = await askAll(collection, options.questions, mode, rule);
  const metrics = computeMetrics(asked.map((a) => a.outcome));
  const citations = await checkCitations(
    asked.flatMap((a) => a.returned),
    sourceReader(options.config.docsDir),
  );
  let sweep: SweepRow[] | null = null;
  if (options.sweep) {
    sweep = [];
    const parameter = mode === 'dense' ? 'minDenseScore' : 'minLexicalCoverage';
    for (const value of sweepValues(rule, parameter)) {
      const at = computeMetrics((await askAll(collection, options.questions, mode, { ...rule, [parameter]: value })).map((a) => a.outcome));
      sweep.push({
        parameter,
        value,
        isDefault: value === rule[parameter],
        abstention: at.abstention,
        kept: at.kept,
        hit5: at.answered.all?.hit5 ?? null,
      });
    }
  }
  const ran = asked.find((a) => a.ran !== null)?.ran ?? null;
  return { mode, ran, unavailable: null, metrics, citations, sweep, seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs every gold question through the same path as `npm run ask` (openCollection, then ask), once
 * per mode, and scores the answers. Reports; never judges (no thresholds here).
 */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const rule = options.abstention ?? DEFAULT_ABSTENTION;
  const tempIndex = options.tempIndex ?? true;
  const indexDir = tempIndex ? await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-eval-index-')) : options.config.indexDir;
  try {
    const config = { ...options.config, indexDir };
    const collection = await openCollection(config, { log: options.log, loadModel: options.loadModel });
    const modes: ModeReport[] = [];
    for (const mode of options.modes) modes.push(await runMode(collection, options, mode, rule));
    const byLanguage: Record<string, number> = {};
    for (const q of options.questions) byLanguage[q.lang] = (byLanguage[q.lang] ?? 0) + 1;
    const answerable = options.questions.filter((q) => q.gold.length > 0).length;
    return {
      gold: options.goldFile,
      docsDir: config.docsDir,
      index: tempIndex ? 'temporary' : indexDir,
      model: collection.status().model,
      questions: { total: options.questions.length, answerable, unanswerable: options.questions.length - answerable, byLanguage },
      abstention: rule,
      depth: EVAL_DEPTH,
      modes,
    };
  } finally {
    if (tempIndex) await fs.rm(indexDir, { recursive: true, force: true });
  }
}
