/**
 * Research script (issue 9): does the refusal learn to refuse on-topic unanswerable questions when it also
 * trains on answer-removed negatives (src/eval/answer-removed.ts)? Cross-validated by article as
 * `npm run eval` is; for each training variant prints, over the held-out folds, the AUC of P(answerable)
 * for answerable questions against held-out-article questions and against answer-removed ones, and the
 * share of each refused at the thresholds that answer 98 % / 95 % / 90 % of answerable questions
 * (picked on the held-out answers themselves: compare rows, not with the eval's fitted point).
 *
 *   npx tsx scripts/refusal-answer-removed.ts [gold-ar.jsonl|gold-en.jsonl]   (XQUAD_DIR: default ../shared/eval/xquad-dev)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import type { AnswerRemoved } from '../src/eval/answer-removed.js';
import { askFolds, crossValidate, type HeldOut } from '../src/eval/crossval.js';
import { DEFAULT_FIT } from '../src/eval/fit.js';
import { readGoldFile } from '../src/eval/gold.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';

const XQUAD = path.resolve(process.env.XQUAD_DIR ?? '../shared/eval/xquad-dev');
const GOLD = process.argv[2] ?? 'gold-ar.jsonl';

/** P(a random positive scores above a random negative), ties counting half. */
function auc(positive: readonly number[], negative: readonly number[]): number {
  let wins = 0;
  for (const p of positive) for (const n of negative) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positive.length * negative.length || 1);
}

function row(name: string, held: readonly HeldOut[]): string {
  const answerable = held.filter((h) => h.outcome.question.gold.length > 0).map((h) => h.answerable).sort((a, b) => a - b);
  const article = held.filter((h) => !h.answerRemoved && h.outcome.question.gold.length === 0).map((h) => h.answerable);
  const removed = held.filter((h) => h.answerRemoved).map((h) => h.answerable);
  const refused = (ps: number[], t: number) => (ps.filter((p) => p < t).length / ps.length).toFixed(3);
  const cells = [0.98, 0.95, 0.9].map((keep) => {
    const t = answerable[Math.floor((1 - keep) * answerable.length)]!;
    return `${refused(article, t)} / ${refused(removed, t)}`;
  });
  return `| ${name} | ${auc(answerable, article).toFixed(3)} | ${auc(answerable, removed).toFixed(3)} | ${cells.join(' | ')} |`;
}

const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-refusal-answer-removed-'));
try {
  const config = loadConfig({ DOCS_DIR: `${XQUAD}/docs`, INDEX_DIR: indexDir, MODEL_ID: 'none' });
  const { snapshot, steps } = await openIndex(config, { log: silentLogger });
  const dictionary = steps.dictionary;
  const questions = await readGoldFile(`${XQUAD}/${GOLD}`);
  console.log(`${GOLD}: AUC answerable vs held-out article / vs answer-removed; refused (held-out article / answer-removed) at 98 % / 95 % / 90 % answered`);
  console.log('| refusal trained on | AUC article | AUC answer removed | 98 % | 95 % | 90 % |\n|---|---|---|---|---|---|');
  for (const generated of ['passage', 'neighbours'] as const satisfies readonly AnswerRemoved[]) {
    const asked = await askFolds(snapshot, null, questions, { answerRemoved: generated, dictionary });
    for (const trained of [false, true]) {
      const name = `${trained ? `+ answer-removed (${generated})` : 'held-out article only (main)'}, measured on ${generated}`;
      console.log(row(name, crossValidate(asked, { ...DEFAULT_FIT, answerRemoved: trained })));
    }
  }
} finally {
  await fs.rm(indexDir, { recursive: true, force: true });
}
