import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { analyze } from '../../src/text/analyze.js';
import { currentGeneration, resign } from '../helpers/index-files.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';

async function built() {
  const config = loadConfig({ DOCS_DIR: copyOfSeeds(), INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  const collection = await openCollection(config, { log: silentLogger });
  return { config, collection };
}

describe('words.bin', () => {
  it('a loaded index has every passage analyzed already, exactly as analyzing its text gives', async () => {
    const { config } = await built();
    const loaded = (await new IndexDirectory(config.indexDir).load())!;
    expect(loaded.words).toBeDefined();
    const { offsets, ids } = loaded.words!;
    expect(offsets.length).toBe(loaded.passages.length + 1);
    loaded.passages.forEach((passage, row) => {
      const expected = Int32Array.from(analyze(passage.text), (term) => loaded.lexical.termId(term));
      expect(ids.subarray(offsets[row]!, offsets[row + 1]!)).toEqual(expected);
    });
  });

  it('an index without it (written before it existed) loads, analyzes its passages and answers the same', async () => {
    const { config, collection } = await built();
    const before = await collection.ask(QUESTION);
    const generation = currentGeneration(config.indexDir);
    fs.rmSync(path.join(generation, 'words.bin'));
    resign(generation);
    const loaded = (await new IndexDirectory(config.indexDir).load())!;
    expect(loaded.words).toBeUndefined();
    const reopened = await openCollection(config, { log: silentLogger });
    expect(await reopened.ask(QUESTION)).toEqual(before);
  });
});
