/**
 * How xquad-dev's folds label the shape of the seed questions refused with the gold at #1 (eval/JOURNAL.md, round 17):
 * a question word unknown to the collection, and #1 (with its neighbours) holding every known one. Counted over the
 * answerable questions (full collection) and the held-out-article ones (the collection without their article), #1 by
 * the shipped ranker; `few`: the same with at most two known words (وين راح الجعفري؟ over the seeds).
 *
 *   npx tsx scripts/refusal-shape.ts [gold-ar.jsonl | gold-en.jsonl]      (XQUAD_DIR: default ../shared/eval/xquad-dev)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { askFolds } from '../src/eval/crossval.js';
import { readGoldFile } from '../src/eval/gold.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { rankCandidates, resultFeatures, shippedWeights } from '../src/retrieve/ranker.js';

const XQUAD = path.resolve(process.env.XQUAD_DIR ?? '../shared/eval/xquad-dev');
const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-refusal-shape-'));
try {
  const { snapshot, steps } = await openIndex(loadConfig({ DOCS_DIR: `${XQUAD}/docs`, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: silentLogger });
  const asked = await askFolds(snapshot, null, await readGoldFile(`${XQUAD}/${process.argv[2] ?? 'gold-ar.jsonl'}`), { dictionary: steps.dictionary });
  const weights = shippedWeights().ranker;
  const count = { answerable: { all: 0, shape: 0, few: 0 }, heldOutArticle: { all: 0, shape: 0, few: 0 } };
  for (const a of asked) {
    if (a.example.teaches === 'refusal') continue;
    const f = resultFeatures(a.evidence.set, rankCandidates(a.evidence.set, weights), 0);
    const at = (name: string) => f.values[f.names.indexOf(name)] ?? 0;
    const { terms, unknownTerms } = a.evidence.set.query;
    const shape = unknownTerms > 0 && at('knownShare') > 0 && at('contextCoverage') >= at('knownShare') - 1e-6;
    const c = a.answerable ? count.answerable : count.heldOutArticle;
    c.all++;
    if (shape) c.shape++;
    if (shape && terms - unknownTerms <= 2) c.few++;
  }
  console.log(JSON.stringify(count));
} finally {
  await fs.rm(indexDir, { recursive: true, force: true });
}
