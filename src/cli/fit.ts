import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isIsnadError } from '../errors.js';
import { ANSWER_REMOVED, DEFAULT_ANSWER_REMOVED, type AnswerRemoved } from '../eval/answer-removed.js';
import { askFolds } from '../eval/crossval.js';
import { DEFAULT_FIT, fitWeights, type Example } from '../eval/fit.js';
import { readGoldFile } from '../eval/gold.js';
import { openIndex } from '../open-collection.js';
import { WEIGHTS_FILE } from '../retrieve/ranker.js';
import { cliLogger, configFromArgs, noModel, readCommandLine, reportFatal, usageError as usageErrorWith } from './common.js';

const HELP = `Usage: npm run fit -- --gold FILE --docs DIR [--gold FILE --docs DIR …] [options]

Refits the ranker and the refusal (src/retrieve/ranker-weights.json) on gold questions, so Isnad can
be tuned to your own documents. Each --gold file is paired with the --docs folder at the same position.
Every answerable question is asked of the full collection (learning which passages answer), again of
the collection without its article (unanswerable there) and again of the collection without another
article (still answerable), and (--answer-removed) again of its own article without the passages holding
its answer (unanswerable, on topic): the refusal learns from collections that all lack one article, so the
collection's size tells it nothing. Gold questions with an empty "gold" count as unanswerable too. Check the result with \`npm run eval\` (cross-validated by article).

Options:
  --gold FILE     gold questions, JSON Lines (format: eval/README.md); repeatable
  --docs DIR      the documents that gold file is about; repeatable, one per --gold
  --keep SHARE    share of answerable questions the refusal threshold keeps (default 0.985), measured on
                  questions the model was not fitted to (inner cross-validation by article)
  --answer-removed WHICH
                  refusal negatives asked of their own article without the answer (default ${DEFAULT_ANSWER_REMOVED}):
                  off | passage (the passages holding the gold text removed) | neighbours (their neighbours too)
  --model WHICH   none (default: lexical legs only, as without a model) | config (MODEL_ID from the environment)
  --out FILE      where to write the weights (default: src/retrieve/ranker-weights.json)
  -h, --help      this text`;

function usageError(message: string): never {
  return usageErrorWith(message, HELP);
}

async function main(): Promise<void> {
  const args = readCommandLine('fit', HELP, {
    gold: { type: 'string', multiple: true },
    docs: { type: 'string', multiple: true },
    keep: { type: 'string', default: '0.985' },
    'answer-removed': { type: 'string', default: DEFAULT_ANSWER_REMOVED },
    model: { type: 'string', default: 'none' },
    out: { type: 'string' },
  });
  if (!args) return;
  const { values } = args;
  const golds = values.gold ?? [];
  const docs = values.docs ?? [];
  if (golds.length === 0) usageError('--gold is required.');
  if (golds.length !== docs.length) usageError(`give one --docs per --gold (got ${golds.length} --gold and ${docs.length} --docs).`);
  const keep = Number(values.keep);
  if (!(keep > 0 && keep <= 1)) usageError(`--keep must be a share between 0 and 1 (got "${values.keep}").`);
  const answerRemoved = values['answer-removed'] as AnswerRemoved;
  if (!ANSWER_REMOVED.includes(answerRemoved)) usageError(`--answer-removed must be ${ANSWER_REMOVED.join(', ')} (got "${answerRemoved}").`);
  if (!['none', 'config'].includes(values.model)) usageError(`--model must be none or config (got "${values.model}").`);

  const examples: Example[] = [];
  for (let i = 0; i < golds.length; i++) {
    let questions;
    try {
      questions = await readGoldFile(path.resolve(golds[i]!));
    } catch (error) {
      if (isIsnadError(error, 'EVAL_GOLD_INVALID')) usageError(error.message);
      throw error;
    }
    const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-fit-index-'));
    try {
      const config = { ...configFromArgs({ docs: docs[i] }), indexDir };
      const loadModel =
        values.model === 'none' ? noModel('disabled (--model none)') : undefined;
      const opened = await openIndex(config, { log: cliLogger(config), loadModel });
      const asked = await askFolds(opened.snapshot, opened.model.embedder, questions, { dictionary: opened.steps.dictionary, answerRemoved });
      examples.push(...asked.map((a) => ({ ...a.example, fold: `${i}:${a.fold}` })));
      process.stderr.write(`isnad: ${golds[i]}: ${asked.length} examples (answerable; asked without their article; asked without another; asked without their answer: ${answerRemoved})\n`);
    } finally {
      await fs.rm(indexDir, { recursive: true, force: true });
    }
  }
  const fittedOn = `${golds.map((g) => path.basename(path.dirname(path.resolve(g))) + '/' + path.basename(g)).join(' + ')}, ${new Date().toISOString().slice(0, 10)}`;
  const weights = fitWeights(examples, fittedOn, { ...DEFAULT_FIT, keepAnswerable: keep, answerRemoved: answerRemoved !== 'off' });
  const out = values.out ? path.resolve(values.out) : WEIGHTS_FILE.pathname;
  // Five significant digits: readable diffs, no measurable change in scores.
  await fs.writeFile(out, JSON.stringify(weights, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(5)) : v), 1) + '\n');
  process.stdout.write(`Wrote ${out}: ranker over ${Object.keys(weights.ranker).length} features, refuse below P(answerable) ${weights.answerable.threshold.toFixed(3)}.\n`);
}

main().catch(reportFatal);
