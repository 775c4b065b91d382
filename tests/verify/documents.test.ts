/** Quotes across passage boundaries need the document's whole text: the index's, so a file edited since indexing never yields a wrong citation. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { documentReader } from '../../src/collection/document-reader.js';
import { loadConfig } from '../../src/config.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { hashText } from '../../src/ingest/load.js';
import { createLogger } from '../../src/log.js';
import { openIndex, serveIndex } from '../../src/open-collection.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const FILE = '001_4a36f68e423f829a.txt';

async function open() {
  const docs = copyOfSeeds();
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  await openIndex(config, { log: createLogger('silent') });
  // Opened again, as a restarted bot does: the index is read from disk, not the build's memory.
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

test('a file edited or removed since indexing: the quote is still one span of the text the index holds (read from the index, not the file)', async () => {
  const { docs, collection, original, spanning } = await open();
  const [before] = await collection.verifyQuotes(spanning);
  fs.writeFileSync(path.join(docs, FILE), 'تعديل. ' + original);
  const [edited] = await collection.verifyQuotes(spanning);
  expect(edited).toEqual(before);
  fs.rmSync(path.join(docs, FILE));
  const [removed] = await collection.verifyQuotes(spanning);
  expect(removed!.verdict).toBe('verbatim');
  expect(removed!.match!.passageIds).toHaveLength(2);
  expect(removed!.match!.text).toBe(original.slice(removed!.match!.start, removed!.match!.end));
  const span = await collection.documentSpan(removed!.match!.passageIds[0]!, removed!.match!.start, removed!.match!.end);
  expect(span?.text).toBe(removed!.match!.text);
});

test('an index without stored byte ranges reads the file, and never one edited since indexing', async () => {
  const { docs, original } = await open();
  const manifest = { files: [{ source: FILE, hash: hashText(original) }] } as IndexSnapshot['manifest'];
  expect(await documentReader({ manifest }, docs)(FILE)).toBe(original);
  fs.writeFileSync(path.join(docs, FILE), 'تعديل. ' + original);
  expect(await documentReader({ manifest }, docs)(FILE)).toBeNull();
  expect(await documentReader({ manifest }, docs)('not-indexed.txt')).toBeNull();
});
