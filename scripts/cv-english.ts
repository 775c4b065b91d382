/**
 * Leave-one-article-out cross-validation of the translation leg's weights on xquad-dev (English
 * questions, no model). For each article: pick the setting that scores best on the other 23 articles,
 * then score it on the held-out one; the reported numbers are those held-out scores only.
 * Answerable: every English question over the full collection. Unanswerable: each article's questions
 * over the collection without that article (they should be refused).
 * Two objectives are reported (training folds): `hits` (end-to-end hit@1 + hit@5, the targets;
 * DEFAULT_TRANSLATION is its choice) and `balanced` (hit@1, hit@5 and refusals of unanswerable questions).
 * Run: npx tsx scripts/cv-english.ts [xquad-dev folder, default ../shared/eval/xquad-dev]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { withoutArticles } from '../src/eval/crossval.js';
import { readGoldFile } from '../src/eval/gold.js';
import { firstHitRank } from '../src/eval/metrics.js';
import { createLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { answerQuestion } from '../src/retrieve/answer.js';
import { DEFAULT_TRANSLATION, type TranslationSettings } from '../src/translate/english.js';

const root = path.resolve(process.argv[2] ?? '../shared/eval/xquad-dev');
/** `gold-ar.jsonl` measures the Arabic questions the same way (the grid then plays no part: nothing is translated). */
const goldName = process.argv[3] ?? 'gold-en.jsonl';
const docs = path.join(root, 'docs');
const log = createLogger('silent');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-cv-'));

const grid: TranslationSettings[] = [];
if (goldName !== 'gold-en.jsonl') grid.push(DEFAULT_TRANSLATION);
else
// Kept small: every setting costs two asks per question (about 10 s per setting over the 24 folds).
for (const absentShare of [0.1, 0.25, 0.5, 1])
  for (const minFormSimilarity of [0.75, 0.8]) grid.push({ ...DEFAULT_TRANSLATION, absentShare, minFormSimilarity });


const questions = (await readGoldFile(path.join(root, goldName))).filter((q) => q.gold.length > 0);
const articles = [...new Set(questions.map((q) => q.gold[0]![0]))].sort();
// score[setting][article] = { hit1, hit5, refused, answerable, unanswerable }
type Tally = { hit1: number; hit5: number; refused: number; n: number; u: number };
const score: Tally[][] = grid.map(() => articles.map(() => ({ hit1: 0, hit5: 0, refused: 0, n: 0, u: 0 })));

const full = await openIndex(loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(scratch, 'index'), MODEL_ID: 'none', LOG_LEVEL: 'silent' }), { log });
for (const [a, article] of articles.entries()) {
  const mine = questions.filter((q) => q.gold[0]![0] === article);
  // The eval's held-out index: the same passages minus the article's, BM25 rebuilt (not a folder ingested again).
  const without = await withoutArticles(full.snapshot, [article]);
  for (const [s, settings] of grid.entries()) {
    const t = score[s]![a]!;
    for (const q of mine) {
      const answer = await answerQuestion(full.snapshot, null, q.q, { top: 5, translation: settings, dictionary: full.steps.dictionary });
      const rank = answer.answered ? firstHitRank(answer.results, q.gold) : null;
      t.n++;
      if (rank === 1) t.hit1++;
      if (rank !== null) t.hit5++;
      const refusal = await answerQuestion(without, null, q.q, { top: 5, translation: settings, dictionary: full.steps.dictionary });
      t.u++;
      if (!refusal.answered) t.refused++;
    }
  }
  process.stderr.write(`${article} done\n`);
}

/** `hits`: end-to-end hits only (DEFAULT_TRANSLATION's chooser); `balanced`: hits and refusals alike. */
const objectives = {
  balanced: (t: Tally) => (t.hit1 / t.n + t.hit5 / t.n + t.refused / t.u) / 3,
  hits: (t: Tally) => (t.hit1 / t.n + t.hit5 / t.n) / 2,
};
const sum = (ts: Tally[]): Tally => ts.reduce((x, y) => ({ hit1: x.hit1 + y.hit1, hit5: x.hit5 + y.hit5, refused: x.refused + y.refused, n: x.n + y.n, u: x.u + y.u }), { hit1: 0, hit5: 0, refused: 0, n: 0, u: 0 });
const report = (label: string, t: Tally) =>
  `${label.padEnd(34)} hit@1 ${(t.hit1 / t.n).toFixed(3)} · hit@5 ${(t.hit5 / t.n).toFixed(3)} · unanswerable refused ${(t.refused / t.u).toFixed(3)} (${t.n} questions)`;
for (const [name, objective] of Object.entries(objectives)) {
  const heldOut: Tally[] = [];
  const chosen = new Map<string, number>();
  for (const [a] of articles.entries()) {
    let best = 0;
    let bestValue = -1;
    for (let s = 0; s < grid.length; s++) {
      const value = objective(sum(score[s]!.filter((_, i) => i !== a)));
      if (value > bestValue) [best, bestValue] = [s, value];
    }
    heldOut.push(score[best]![a]!);
    const key = JSON.stringify(grid[best]);
    chosen.set(key, (chosen.get(key) ?? 0) + 1);
  }
  process.stdout.write(report(`held-out folds, objective ${name}`, sum(heldOut)) + '\n');
  for (const [key, n] of chosen) process.stdout.write(`  chosen in ${n} folds: ${key}\n`);
}
process.stdout.write('every setting over all articles (not held out):\n');
for (const [s, settings] of grid.entries()) process.stdout.write(report(`  ${JSON.stringify(settings) === JSON.stringify(DEFAULT_TRANSLATION) ? '*' : ' '} ${Object.values(settings).join('/')}`, sum(score[s]!)) + '\n');
fs.rmSync(scratch, { recursive: true, force: true });
