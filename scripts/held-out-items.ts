/**
 * The gathering scripts/cv-models.ts and scripts/rank-misses.ts share: every answerable question of each gold
 * file asked once over its full collection (lexical legs, no model), with its candidates marked right or wrong
 * and its fold (the article of its first gold entry), as scripts/cv-ranking.ts does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { readGoldFile, type GoldQuestion } from '../src/eval/gold.js';
import type { Example } from '../src/eval/fit.js';
import { isHit } from '../src/eval/metrics.js';
import { createLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { gatherEvidence } from '../src/retrieve/answer.js';
import type { IndexSnapshot } from '../src/index/snapshot.js';

export interface Asked {
  file: string;
  question: GoldQuestion;
  index: IndexSnapshot;
  example: Example;
}

/** `pairs` of [gold file, documents folder]; `keep` turns each asked question into what the script keeps. */
export async function askHeldOut<T>(pairs: ReadonlyArray<readonly [string, string]>, keep: (asked: Asked) => T): Promise<T[]> {
  const log = createLogger('silent');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-heldout-'));
  const items: T[] = [];
  for (const [k, [gold, docs]] of pairs.entries()) {
    const opened = await openIndex(loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(scratch, `i${k}`), MODEL_ID: 'none', LOG_LEVEL: 'silent' }), { log });
    const index = opened.snapshot;
    for (const q of await readGoldFile(gold)) {
      if (q.gold.length === 0) continue;
      const evidence = await gatherEvidence(index, null, q.q, { dictionary: opened.steps.dictionary });
      const hits = evidence.set.candidates.map((c) => isHit(index.passages[c.row]!, q.gold));
      items.push(keep({ file: path.basename(gold), question: q, index, example: { set: evidence.set, hits, answerable: true, fold: `${k}:${q.gold[0]![0]}` } }));
    }
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  return items;
}
