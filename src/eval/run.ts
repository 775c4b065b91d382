import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CoreConfig } from '../config.js';
import type { LoadedModel, ModelStatus } from '../embed/embedder.js';
import { isIsnadError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Collection } from '../collection.js';
import { fileReader } from '../collection/document-reader.js';
import type { DocumentText } from '../verify/documents.js';
import { openIndex, serveIndex, type OpenedIndex } from '../open-collection.js';
import { shippedWeights, type RankerWeights } from '../retrieve/ranker.js';
import { RETRIEVAL_MODES, type RetrievalMode, type ScoredPassage } from '../types.js';
import { checkCitations, type CitationError } from './citations.js';
import { reliability, type ReliabilityRow } from './calibration.js';
import { DEFAULT_ANSWER_REMOVED, type AnswerRemoved } from './answer-removed.js';
import { DEFAULT_FIT } from './fit.js';
import { askFolds, crossValidate, foldOf, tradeOff, type TradeOffRow } from './crossval.js';
import type { GoldQuestion } from './gold.js';
import { computeMetrics, EVAL_DEPTH, type EvalMetrics, type QuestionOutcome } from './metrics.js';

/** `auto` is what `npm run ask` does (every leg available); the others restrict or require legs. */
export const EVAL_MODES = ['auto', ...RETRIEVAL_MODES] as const;
export type EvalMode = (typeof EVAL_MODES)[number];

/** P(answerable) thresholds of the refusal trade-off curve. */
const TRADE_OFF_THRESHOLDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Cross-validation by article runs when the answerable questions are about at least this many files. */
const MIN_CV_ARTICLES = 5;

export interface CrossValidation {
  folds: number;
  /** Held-out answers: each article's questions over the full index, and again over the index without it (unanswerable). */
  metrics: EvalMetrics;
  citations: { checked: number; errors: CitationError[] };
  tradeOff: TradeOffRow[];
  /** Answerable questions asked of their article without the passages holding the answer, and how many were refused. */
  answerRemoved: { questions: number; refused: number };
  /** Mean of the folds' fitted refusal thresholds (the operating point). */
  threshold: number;
  /** The confidence shown on answered held-out questions against how often #1 answered, per level. */
  reliability: ReliabilityRow[];
}

export interface ModeReport {
  mode: EvalMode;
  /** Which legs actually ran (from the answers), or null when the mode could not run. */
  ran: RetrievalMode | null;
  /** Why the mode could not run (no model), or null. */
  unavailable: string | null;
  metrics: EvalMetrics | null;
  citations: { checked: number; errors: CitationError[] };
  crossValidation: CrossValidation | null;
  seconds: number;
}

export interface EvalReport {
  gold: string;
  docsDir: string;
  /** The index folder used, or `temporary` when eval built its own (the default). */
  index: string;
  model: ModelStatus;
  questions: { total: number; answerable: number; unanswerable: number; byLanguage: Record<string, number> };
  weights: { fittedOn: string; threshold: number };
  passages: { count: number; meanChars: number; maxChars: number };
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
  weights?: RankerWeights;
  /** Cross-validate by article: `auto` when the gold covers MIN_CV_ARTICLES files or more. */
  crossValidate?: 'auto' | 'on' | 'off';
  /** The answer-removed negatives the cross-validation's refusal trains on (answer-removed.ts); measured even when `off`. */
  answerRemoved?: AnswerRemoved;
}

interface AskedQuestion {
  outcome: QuestionOutcome;
  returned: ScoredPassage[];
  ran: RetrievalMode | null;
}

async function askAll(collection: Collection, questions: GoldQuestion[], mode: EvalMode, weights: RankerWeights): Promise<AskedQuestion[]> {
  const asked: AskedQuestion[] = [];
  for (const question of questions) {
    try {
      const answer = await collection.ask(question.q, { top: EVAL_DEPTH, mode: mode === 'auto' ? undefined : mode, weights });
      const returned = answer.answered ? answer.results : answer.closest;
      asked.push({ outcome: { question, answered: answer.answered, ranked: returned }, returned, ran: answer.mode });
    } catch (error) {
      if (!isIsnadError(error) || error.code === 'MODEL_UNAVAILABLE') throw error;
      asked.push({ outcome: { question, answered: false, ranked: [], error: `${error.code}: ${error.message}` }, returned: [], ran: null });
    }
  }
  return asked;
}

function unavailableReason(collection: Collection, mode: EvalMode): string | null {
  if (mode === 'auto' || mode === 'lexical') return null;
  // status() reports the model as not loaded when the index has no vectors for it.
  const status = collection.status().model;
  return status.loaded ? null : `no model loaded (${status.reason})`;
}

function wantsCrossValidation(options: EvalOptions): boolean {
  if (options.crossValidate === 'off') return false;
  if (options.crossValidate === 'on') return true;
  return new Set(options.questions.map(foldOf).filter((f) => f !== null)).size >= MIN_CV_ARTICLES;
}

/** Asks of the opened index itself: each held-out fold is a variant of it without some articles. */
async function crossValidation(opened: OpenedIndex, options: EvalOptions, mode: EvalMode, readSource: DocumentText): Promise<CrossValidation> {
  const trained = options.answerRemoved ?? DEFAULT_ANSWER_REMOVED;
  const asked = await askFolds(opened.snapshot, opened.model.embedder, options.questions, {
    mode: mode === 'auto' ? undefined : mode,
    dictionary: opened.steps.dictionary,
    answerRemoved: trained === 'off' ? 'passage' : trained,
  });
  const all = crossValidate(asked, { ...DEFAULT_FIT, answerRemoved: trained !== 'off' });
  const heldOut = all.filter((h) => !h.answerRemoved);
  const removed = all.filter((h) => h.answerRemoved);
  const returned = heldOut.flatMap((h) => h.outcome.ranked as ScoredPassage[]);
  const folds = new Set(asked.map((a) => a.fold));
  const thresholds = [...new Set(heldOut.map((h) => h.weights))].map((w) => w.answerable.threshold);
  return {
    folds: folds.size,
    metrics: computeMetrics(heldOut.map((h) => h.outcome)),
    citations: await checkCitations(returned, readSource),
    tradeOff: tradeOff(heldOut, TRADE_OFF_THRESHOLDS),
    answerRemoved: { questions: removed.length, refused: removed.filter((h) => !h.outcome.answered).length },
    threshold: thresholds.reduce((a, b) => a + b, 0) / (thresholds.length || 1),
    reliability: reliability(heldOut.flatMap((h) => (h.first ? [h.first] : []))),
  };
}

async function runMode(
  opened: OpenedIndex,
  collection: Collection,
  options: EvalOptions,
  mode: EvalMode,
  weights: RankerWeights,
  readSource: DocumentText,
): Promise<ModeReport> {
  const started = performance.now();
  const unavailable = unavailableReason(collection, mode);
  if (unavailable) {
    return { mode, ran: null, unavailable, metrics: null, citations: { checked: 0, errors: [] }, crossValidation: null, seconds: 0 };
  }
  const asked = await askAll(collection, options.questions, mode, weights);
  const metrics = computeMetrics(asked.map((a) => a.outcome));
  const citations = await checkCitations(asked.flatMap((a) => a.returned), readSource);
  const cv = wantsCrossValidation(options) ? await crossValidation(opened, options, mode, readSource) : null;
  const ran = asked.find((a) => a.ran !== null)?.ran ?? null;
  return { mode, ran, unavailable: null, metrics, citations, crossValidation: cv, seconds: (performance.now() - started) / 1000 };
}

/**
 * Runs every gold question through the same path as `npm run ask` (open the index, serve it, ask), once
 * per mode, and scores the answers. Reports; never judges (no thresholds here).
 */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const weights = options.weights ?? shippedWeights();
  const tempIndex = options.tempIndex ?? true;
  const indexDir = tempIndex ? await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-eval-index-')) : options.config.indexDir;
  try {
    const config = { ...options.config, indexDir };
    const opened = await openIndex(config, { log: options.log, loadModel: options.loadModel });
    const collection = serveIndex(config, opened);
    const modes: ModeReport[] = [];
    // One reader for every mode and the folds: each source file is read and decoded once.
    const readSource = fileReader(options.config.docsDir, Infinity);
    for (const mode of options.modes) modes.push(await runMode(opened, collection, options, mode, weights, readSource));
    const byLanguage: Record<string, number> = {};
    for (const q of options.questions) byLanguage[q.lang] = (byLanguage[q.lang] ?? 0) + 1;
    const answerable = options.questions.filter((q) => q.gold.length > 0).length;
    return {
      gold: options.goldFile,
      docsDir: config.docsDir,
      index: tempIndex ? 'temporary' : indexDir,
      model: collection.status().model,
      questions: { total: options.questions.length, answerable, unanswerable: options.questions.length - answerable, byLanguage },
      weights: { fittedOn: weights.fittedOn, threshold: weights.answerable.threshold },
      passages: passageStats(opened.snapshot.passages.map((p) => p.text.length)),
      depth: EVAL_DEPTH,
      modes,
    };
  } finally {
    if (tempIndex) await fs.rm(indexDir, { recursive: true, force: true });
  }
}

function passageStats(lengths: number[]): EvalReport['passages'] {
  return {
    count: lengths.length,
    meanChars: lengths.reduce((a, b) => a + b, 0) / (lengths.length || 1),
    maxChars: lengths.reduce((a, b) => Math.max(a, b), 0),
  };
}
