import path from 'node:path';
import { tinyModelConfig } from '../embed/fixture-model.js';
import { loadEmbedder } from '../embed/load-embedder.js';
import { isIsnadError } from '../errors.js';
import { ANSWER_REMOVED, DEFAULT_ANSWER_REMOVED, type AnswerRemoved } from '../eval/answer-removed.js';
import { formatReport } from '../eval/report.js';
import { formatQuoteSetReport, runQuoteSet } from '../eval/quotes.js';
import { readGoldFile } from '../eval/gold.js';
import { EVAL_MODES, runEval, type EvalMode } from '../eval/run.js';
import type { LoadedModel } from '../embed/embedder.js';
import { cliLogger, configFromArgs, noModel, readCommandLine, reportFatal, usageError as usageErrorWith } from './common.js';
import type { Logger } from '../log.js';

const HELP = `Usage: npm run eval -- [options]

Scores answer quality on a gold question set: every question goes through the same path as
\`npm run ask\` (index loaded once, top 5 asked), and the answers are scored. Reports, never judges:
exits 0 whatever the numbers (2 when the gold file or an option is malformed).

Printed, per mode side by side: hit@1, hit@3, hit@5 and MRR@5 per language (ar, en, all) over answerable
questions, twice — end to end (answered:false counts as a miss) and ranking only (scores \`closest\`
when not answered, so ranking quality and abstention are separable); abstention on unanswerable
questions and answers kept on answerable ones; citation errors (every returned text must equal its file
sliced at start..end: must be 0); the passages' mean length; and each miss with what ranked first instead.

Options:
  --gold FILE     gold questions, JSON Lines (default: eval/dev.jsonl; format: eval/README.md)
  --mode M        auto | lexical | dense | hybrid | all (default: auto = every leg available, as \`npm run ask\`;
                  all = lexical, dense and hybrid side by side; a mode that needs a model says n/a without one)
  --model WHICH   config  = MODEL_ID etc. from the environment/.env (default)
                  none    = no model (lexical only; same as MODEL_ID=none)
                  fixture = the tiny offline test model in fixtures/tiny-model (64 dims, bag of words over
                            the seeds' vocabulary): exercises the dense and hybrid legs where the real model
                            cannot be downloaded. Its numbers say nothing about the real model's quality.
  --docs DIR      documents folder (default: DOCS_DIR or seeds/)
  --index DIR     use (and refresh if stale) this index folder, as \`npm run ask\` does. Default: a fresh index in
                  a temporary folder, removed afterwards, so an eval (possibly with another model) never
                  rebuilds or replaces your index. Pass --index index to reuse a large, already-built one.
  --cv WHEN       cross-validation by article: auto (default: when the answerable questions are about 5 files
                  or more) | on | off. Each article's questions are answered by ranker and refusal weights
                  fitted on the other articles only (src/eval/fit.ts), then asked again of the index without
                  that article, where refusing is the only right answer. Prints a column of held-out numbers,
                  the refusal trade-off curve and the confidence calibration (per level shown: mean
                  confidence against how often passage #1 held the answer). The other column uses the shipped weights
                  (src/retrieve/ranker-weights.json), as \`npm run ask\` does.
  --answer-removed WHICH  the negatives the cross-validation's refusal also trains on, as npm run fit's option
                  (default ${DEFAULT_ANSWER_REMOVED}): off | passage | neighbours. Refusals of answer-removed questions are printed either way.
  --verify FILE   score Verify quote on a quote set instead (eval/quotes.jsonl; format: eval/README.md):
                  verdict and place right per expected verdict, citation errors, and each miss
  --json          print the whole report as one JSON object instead of tables
  -h, --help      this text`;

function usageError(message: string): never {
  return usageErrorWith(message, HELP);
}

function fixtureModel(log: Logger): Promise<LoadedModel> {
  return loadEmbedder(tinyModelConfig(), log);
}

async function main(): Promise<void> {
  const args = readCommandLine('eval', HELP, {
    gold: { type: 'string' },
    mode: { type: 'string', default: 'auto' },
    model: { type: 'string', default: 'config' },
    docs: { type: 'string' },
    index: { type: 'string' },
    cv: { type: 'string', default: 'auto' },
    'answer-removed': { type: 'string', default: DEFAULT_ANSWER_REMOVED },
    verify: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (!args) return;
  const { values } = args;
  const modeArg = values.mode;
  if (modeArg !== 'all' && !EVAL_MODES.includes(modeArg as EvalMode)) usageError(`--mode must be ${EVAL_MODES.join(', ')} or all (got "${modeArg}").`);
  const modes: EvalMode[] = modeArg === 'all' ? ['lexical', 'dense', 'hybrid'] : [modeArg as EvalMode];
  const answerRemoved = values['answer-removed'] as AnswerRemoved;
  if (!ANSWER_REMOVED.includes(answerRemoved)) usageError(`--answer-removed must be ${ANSWER_REMOVED.join(', ')} (got "${answerRemoved}").`);
  if (!['auto', 'on', 'off'].includes(values.cv)) usageError(`--cv must be auto, on or off (got "${values.cv}").`);
  if (!['config', 'none', 'fixture'].includes(values.model)) usageError(`--model must be config, none or fixture (got "${values.model}").`);

  if (values.verify !== undefined) {
    const config = configFromArgs({ docs: values.docs, index: values.index });
    const log = cliLogger(config);
    // Verify quote uses the lexical index and word alignment only: no model to load.
    const loadModel = noModel('not used by Verify quote');
    const report = await runQuoteSet({ config, log, file: values.verify, tempIndex: values.index === undefined, loadModel }).catch((error) => {
      if (!isIsnadError(error, 'EVAL_GOLD_INVALID')) throw error;
      usageError(error.message);
    });
    process.stdout.write((values.json ? JSON.stringify(report) : formatQuoteSetReport(report)) + '\n');
    return;
  }
  const goldFile = values.gold ?? 'eval/dev.jsonl';
  let questions;
  try {
    questions = await readGoldFile(path.resolve(goldFile));
  } catch (error) {
    if (isIsnadError(error, 'EVAL_GOLD_INVALID')) {
      process.stderr.write(`isnad: ${error.message} [${error.code}]\n`);
      process.exit(2);
    }
    throw error;
  }

  const config = configFromArgs({ docs: values.docs, index: values.index });
  const log = cliLogger(config);
  const loadModel =
    values.model === 'fixture'
      ? () => fixtureModel(log)
      : values.model === 'none'
        ? noModel('disabled (--model none)')
        : undefined;

  const report = await runEval({
    config,
    questions,
    goldFile,
    modes,
    log,
    loadModel,
    tempIndex: values.index === undefined,
    crossValidate: values.cv as 'auto' | 'on' | 'off',
    answerRemoved,
  });
  process.stdout.write((values.json ? JSON.stringify(report) : formatReport(report)) + '\n');
}

main().catch(reportFatal);
