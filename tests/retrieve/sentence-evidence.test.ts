/**
 * A question is usually written from one sentence (src/retrieve/sentence-features.ts). Both passages
 * here hold every word of the question; in the first they are one sentence (the answer's), in the second
 * they are scattered over three sentences about other things. Passage-level coverage cannot tell them
 * apart; the best sentence's coverage can. (What the ranker makes of it is fitted: `npm run fit`.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import type { Answer } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

const ONE_SENTENCE = 'افتتح المتحف الوطني في المدينة القديمة عام 1920 بعد عشر سنوات من البناء. ويضم اليوم مجموعات كبيرة من الفخار والنقود والمخطوطات.';
const SCATTERED = 'يقع المتحف الوطني قرب السوق الكبير. وقد افتتح الملك جسرا جديدا على النهر عام 1930. وتشتهر المدينة القديمة بأسوارها العالية وأبوابها السبعة.';

let collection: Collection;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'city.txt'), `${SCATTERED}\n${ONE_SENTENCE}\n`);
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  collection = await openCollection(config, { log: silentLogger });
}, 30_000);

const shown = (answer: Answer) => (answer.answered ? answer.results : answer.closest);

describe('a passage read sentence by sentence', () => {
  it('the question\'s words in one sentence count more than the same words spread over a passage', async () => {
    const results = shown(await collection.ask('متى افتتح المتحف الوطني في المدينة القديمة؟', { top: 3 }));
    const together = results.find((p) => p.text.includes('1920'))!;
    const spread = results.find((p) => p.text.includes('1930'))!;
    expect(together.scores!.coverage).toBe(spread.scores!.coverage);
    expect(together.scores!.sentenceCoverage).toBe(together.scores!.coverage);
    expect(spread.scores!.sentenceCoverage).toBeLessThan(spread.scores!.coverage! / 2);
  });
});
