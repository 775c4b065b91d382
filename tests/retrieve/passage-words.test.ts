import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { openIndex, serveIndex } from '../../src/open-collection.js';
import { passageWords, preparePassageWords } from '../../src/retrieve/passage-words.js';
import { analyze } from '../../src/text/analyze.js';
import { currentGeneration, resign } from '../helpers/index-files.js';
import { tempDir } from '../helpers/temp.js';

async function open(indexDir: string): Promise<{ collection: Collection; index: IndexSnapshot }> {
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: indexDir, MODEL_ID: 'none' });
  const opened = await openIndex(config, { log: silentLogger });
  return { collection: serveIndex(config, opened), index: opened.snapshot };
}

/** Loaded from disk with the words its build saved (words.bin). */
let storedIndex: IndexSnapshot;
/** Loaded from disk without words.bin (as an index written before it): its passages are analyzed on first use. */
let lazy: Collection;
/** Loaded from disk, every passage analyzed up front in slices. */
let prepared: Collection;
let preparedIndex: IndexSnapshot;
/** Just built: it keeps the words its build indexed (as a reindex in a worker hands them over). */
let built: Collection;
let builtIndex: IndexSnapshot;

beforeAll(async () => {
  const indexDir = path.join(tempDir(), 'index');
  ({ collection: built, index: builtIndex } = await open(indexDir));
  storedIndex = (await open(indexDir)).index;
  const generation = currentGeneration(indexDir);
  fs.rmSync(path.join(generation, 'words.bin'));
  resign(generation);
  lazy = (await open(indexDir)).collection;
  ({ collection: prepared, index: preparedIndex } = await open(indexDir));
  await prepared.prepareSearch();
}, 60_000);

describe('passage words analyzed once per index', () => {
  it('hold every passage\'s analyzed terms, in order, whether analyzed after loading, kept from the build or read with the index', async () => {
    expect(builtIndex.words).toBeDefined();
    expect(storedIndex.words).toBeDefined();
    expect(preparedIndex.words).toBeUndefined();
    for (const index of [preparedIndex, builtIndex, storedIndex]) {
      for (let row = 0; row < index.passages.length; row++) {
        const words = Array.from(passageWords(index, row), (id) => index.lexical.termAt(id));
        expect(words).toEqual(analyze(index.passages[row]!.text));
      }
    }
  });

  it('answer exactly as a collection that analyzes passages on first use', async () => {
    await preparePassageWords(preparedIndex); // already done: resolves at once
    for (const q of ['من يرأس وفد النظام السوري؟', 'متى بدأت المحادثات؟', 'كم عدد الوفود؟']) {
      const a = await lazy.ask(q);
      for (const other of [prepared, built]) {
        const b = await other.ask(q);
        expect(b.answered, q).toBe(a.answered);
        expect((b.answered ? b.results : b.closest).map((r) => [r.id, r.confidence]), q).toEqual((a.answered ? a.results : a.closest).map((r) => [r.id, r.confidence]));
      }
    }
  });
});
