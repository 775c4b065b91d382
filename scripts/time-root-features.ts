/**
 * CPU time of the root-key features per question (src/retrieve/root-features.ts), apart from the rest
 * of answering: xquad-dev's Arabic questions, their candidates as the ranker sees them. The work is per
 * candidate (at most ROOT_CANDIDATES), so it does not grow with the collection once passage words are prepared.
 * Run: npx tsx scripts/time-root-features.ts GOLD DOCS
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { readGoldFile } from '../src/eval/gold.js';
import { createLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { gatherEvidence } from '../src/retrieve/answer.js';
import { snapshotContext } from '../src/retrieve/features.js';
import { preparePassageWords } from '../src/retrieve/passage-words.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { rootFeatures } from '../src/retrieve/root-features.js';

const [gold, docs] = process.argv.slice(2).map((p) => path.resolve(p));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-timeroot-'));
const opened = await openIndex(loadConfig({ DOCS_DIR: docs!, INDEX_DIR: scratch, MODEL_ID: 'none', LOG_LEVEL: 'silent' }), { log: createLogger('silent') });
const index = opened.snapshot;
await preparePassageWords(index);
const { docOf, docs: groups } = snapshotContext(index);
const asked = [];
for (const q of await readGoldFile(gold!)) {
  const evidence = await gatherEvidence(index, null, q.q);
  const search = index.lexical.searchScored(questionTerms(index.lexical, q.q), 0, docOf, groups);
  asked.push({ rows: evidence.set.candidates.map((c) => c.row), search });
}
for (const pass of ['first (keys computed)', 'second']) {
  const times: number[] = [];
  for (const { rows, search } of asked) {
    const start = process.cpuUsage();
    rootFeatures(index, rows, search.groupTerms, search.termIdf, docOf);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
  console.log(`${pass}: ${times.length} questions, CPU ms per question p50 ${at(0.5)} p95 ${at(0.95)} max ${at(1)}`);
}
fs.rmSync(scratch, { recursive: true, force: true });
