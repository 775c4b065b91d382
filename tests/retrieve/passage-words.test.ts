import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { IndexedCollection } from '../../src/indexed-collection.js';
import { openCollection } from '../../src/open-collection.js';
import { passageWords, preparePassageWords } from '../../src/retrieve/passage-words.js';
import { analyze } from '../../src/text/analyze.js';
import { tempDir } from '../helpers/temp.js';

const open = () =>
  openCollection(loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' }), { log: silentLogger });

let lazy: IndexedCollection;
let prepared: IndexedCollection;

beforeAll(async () => {
  lazy = await open();
  prepared = await open();
  await prepared.prepareSearch();
}, 60_000);

describe('passage words analyzed once per index', () => {
  it('hold every passage\'s analyzed terms, in order', async () => {
    const index = prepared.current;
    for (let row = 0; row < index.passages.length; row++) {
      const words = Array.from(passageWords(index, row), (id) => index.lexical.termAt(id));
      expect(words).toEqual(analyze(index.passages[row]!.text));
    }
  });

  it('answer exactly as a collection that analyzes passages on first use', async () => {
    await preparePassageWords(prepared.current); // already done: resolves at once
    for (const q of ['من يرأس وفد النظام السوري؟', 'متى بدأت المحادثات؟', 'كم عدد الوفود؟']) {
      const a = await lazy.ask(q);
      const b = await prepared.ask(q);
      expect(b.answered, q).toBe(a.answered);
      expect((b.answered ? b.results : b.closest).map((r) => [r.id, r.confidence]), q).toEqual((a.answered ? a.results : a.closest).map((r) => [r.id, r.confidence]));
    }
  });
});
