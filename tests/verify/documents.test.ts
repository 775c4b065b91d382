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

/** The quote is verbatim, one span over two passages equal to the original text there, and that span can be posted. */
async function expectOneSpan(collection: Awaited<ReturnType<typeof open>>['collection'], original: string, spanning: string) {
  const [result] = await collection.verifyQuotes(spanning);
  expect(result!.verdict).toBe('verbatim');
  const match = result!.match!;
  expect(match.passageIds).toHaveLength(2);
  expect(match.text).toBe(original.slice(match.start, match.end));
  const span = await collection.documentSpan(match.passageIds[0]!, match.start, match.end);
  expect(span?.text).toBe(match.text);
  return result;
}

test('a quote across two passages is cited as one span of the file, and its text can be posted', async () => {
  const { collection, original, spanning } = await open();
  await expectOneSpan(collection, original, spanning);
});

test('a file edited or removed since indexing: the quote is still one span of the text the index holds (read from the index, not the file)', async () => {
  const { docs, collection, original, spanning } = await open();
  const before = await expectOneSpan(collection, original, spanning);
  fs.writeFileSync(path.join(docs, FILE), 'تعديل. ' + original);
  expect(await expectOneSpan(collection, original, spanning)).toEqual(before);
  fs.rmSync(path.join(docs, FILE));
  expect(await expectOneSpan(collection, original, spanning)).toEqual(before);
});

test('an index without stored byte ranges reads the file, and never one edited since indexing', async () => {
  const { docs, original } = await open();
  const manifest = { files: [{ source: FILE, hash: hashText(original) }] } as IndexSnapshot['manifest'];
  expect(await documentReader({ manifest }, docs)(FILE)).toBe(original);
  fs.writeFileSync(path.join(docs, FILE), 'تعديل. ' + original);
  expect(await documentReader({ manifest }, docs)(FILE)).toBeNull();
  expect(await documentReader({ manifest }, docs)('not-indexed.txt')).toBeNull();
});
