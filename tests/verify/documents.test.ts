/** Quotes across passage boundaries need the file; a file edited since indexing must never yield a wrong citation. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openIndex, serveIndex } from '../../src/open-collection.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const FILE = '001_4a36f68e423f829a.txt';

async function open() {
  const docs = copyOfSeeds();
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  const opened = await openIndex(config, { log: createLogger('silent') });
  const collection = serveIndex(config, opened);
  const original = fs.readFileSync(path.join(docs, FILE), 'utf8');
  // The end of one passage and the start of the next, read from the index: a quote across their boundary
  // whatever the chunker's passage size.
  const passages = opened.snapshot.passages.filter((p) => p.source === FILE);
  const k = passages.findIndex((p, i) => passages[i + 1] !== undefined && original.slice(p.end, passages[i + 1]!.start).trim() === '');
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const spanning = [...words(passages[k]!.text).slice(-8), ...words(passages[k + 1]!.text).slice(0, 8)].join(' ');
  return { docs, collection, original, spanning };
}

test('a quote across two passages is cited as one span of the file, and its text can be posted', async () => {
  const { collection, original, spanning } = await open();
  const [whole] = await collection.verifyQuotes(spanning);
  expect(whole!.verdict).toBe('verbatim');
  expect(whole!.match!.passageIds).toHaveLength(2);
  expect(whole!.match!.text).toBe(original.slice(whole!.match!.start, whole!.match!.end));
  const span = await collection.documentSpan(whole!.match!.passageIds[0]!, whole!.match!.start, whole!.match!.end);
  expect(span?.text).toBe(whole!.match!.text);
});

test('a file edited since indexing: the quote is aligned within single passages, whose text the index holds', async () => {
  const { docs, collection, original, spanning } = await open();
  fs.writeFileSync(path.join(docs, FILE), 'تعديل. ' + original);
  const [after] = await collection.verifyQuotes(spanning);
  expect(after!.verdict).toBe('altered');
  expect(after!.match!.passageIds).toHaveLength(1);
  const passage = collection.passage(after!.match!.passageIds[0]!)!;
  expect(after!.match!.text).toBe(passage.text.slice(after!.match!.start - passage.start, after!.match!.end - passage.start));
  expect(await collection.documentSpan(passage.id, passage.start, passage.end + 5)).toBeUndefined();
});
