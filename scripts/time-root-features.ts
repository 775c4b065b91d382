/**
 * CPU time of the root-key, loose-match and feedback features per question (src/retrieve/root-features.ts,
 * loose-features.ts, feedback-features.ts), each apart from the rest of answering: xquad-dev's Arabic questions, their candidates as the ranker sees them. The work is per
 * candidate (at most ROOT_CANDIDATES), so it does not grow with the collection once passage words are prepared.
 * Run: npx tsx scripts/time-root-features.ts GOLD DOCS
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import type { ScoredSearch } from '../src/index/bm25.js';
import { loadConfig } from '../src/config.js';
import { readGoldFile } from '../src/eval/gold.js';
import { createLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { gatherEvidence } from '../src/retrieve/answer.js';
import { snapshotContext } from '../src/retrieve/features.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { rootFeatures } from '../src/retrieve/root-features.js';
import { looseFeatures } from '../src/retrieve/loose-features.js';
import { feedbackFeatures } from '../src/retrieve/feedback-features.js';

const [gold, docs] = process.argv.slice(2).map((p) => path.resolve(p));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-timeroot-'));
const opened = await openIndex(loadConfig({ DOCS_DIR: docs!, INDEX_DIR: scratch, MODEL_ID: 'none', LOG_LEVEL: 'silent' }), { log: createLogger('silent') });
const index = opened.snapshot;
await prepareRanking(index);
const { docOf, docs: groups } = snapshotContext(index);
const asked: Array<{ rows: number[]; search: ScoredSearch }> = [];
for (const q of await readGoldFile(gold!)) {
  const evidence = await gatherEvidence(index, null, q.q);
  const search = index.lexical.searchScored(questionTerms(index.lexical, q.q), 60, docOf, groups);
  asked.push({ rows: evidence.set.candidates.map((c) => c.row), search });
}
const families: Array<[string, (a: (typeof asked)[number]) => unknown]> = [
  ['root', ({ rows, search }) => rootFeatures(index, rows, search.groupTerms, search.termIdf, docOf)],
  ['loose', ({ rows, search }) => looseFeatures(index, rows, search.groupTerms, search.termIdf, docOf)],
  ['feedback', ({ rows, search }) => feedbackFeatures(index, search, rows, docOf)],
];
for (const [name, features] of families) {
  for (const pass of ['first (keys computed)', 'second']) {
    const times: number[] = [];
    for (const question of asked) {
      const start = process.cpuUsage();
      features(question);
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
    console.log(`${name}, ${pass}: ${times.length} questions, CPU ms per question p50 ${at(0.5)} p95 ${at(0.95)} max ${at(1)}`);
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
