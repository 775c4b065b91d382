import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import { writeDictionary } from './dictionary.js';
import { tempDir } from './temp.js';

/** A collection of one passage per file, asked through a hand-written English→Arabic dictionary of `entries`. */
export async function englishCollection(entries: ReadonlyArray<readonly [string, readonly string[]]>, files: Record<string, string>): Promise<Collection> {
  const docs = tempDir('isnad-docs-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(docs, name), text);
  const dict = tempDir('isnad-dict-');
  writeDictionary(dict, entries);
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: tempDir('isnad-index-'), MODEL_ID: 'none', DICT_DIR: dict });
  return openCollection(config, { log: createLogger('silent') });
}

/** The file of the first passage shown, answered or (when refused) the closest. */
export async function firstShown(c: Collection, question: string): Promise<string | undefined> {
  const answer = await c.ask(question, { top: 3 });
  return (answer.answered ? answer.results : answer.closest)[0]?.source;
}
