import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { openIndex, serveIndex } from '../../src/open-collection.js';
import { passageWords, preparePassageWords } from '../../src/retrieve/passage-words.js';
import { analyze } from '../../src/text/analyze.js';
import { tempDir } from '../helpers/temp.js';

async function open(): Promise<{ collection: Collection; index: IndexSnapshot }> {
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  const opened = await openIndex(config, { log: silentLogger });
  return { collection: serveIndex(config, opened), index: opened.snapshot };
}

let lazy: Collection;
let prepared: Collection;
/** The index `prepared` serves. */
let preparedIndex: IndexSnapshot;

beforeAll(async () => {
  lazy = (await open()).collection;
  ({ collection: prepared, index: preparedIndex } = await open());
  await prepared.prepareSearch();
}, 60_000);

describe('passage words analyzed once per index', () => {
  it('hold every passage\'s analyzed terms, in order', async () => {
    const index = preparedIndex;
    for (let row = 0; row < index.passages.length; row++) {
      const words = Array.from(passageWords(index, row), (id) => index.lexical.termAt(id));
      expect(words).toEqual(analyze(index.passages[row]!.text));
    }
  });

  it('answer exactly as a collection that analyzes passages on first use', async () => {
    await preparePassageWords(preparedIndex); // already done: resolves at once
    for (const q of ['من يرأس وفد النظام السوري؟', 'متى بدأت المحادثات؟', 'كم عدد الوفود؟']) {
      const a = await lazy.ask(q);
      const b = await prepared.ask(q);
      expect(b.answered, q).toBe(a.answered);
      expect((b.answered ? b.results : b.closest).map((r) => [r.id, r.confidence]), q).toEqual((a.answered ? a.results : a.closest).map((r) => [r.id, r.confidence]));
    }
  });
});
