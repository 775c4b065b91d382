/** A server's own documents searched with the base collection (src/guilds/merged.ts), over the real core. */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Collection } from '../../src/collection.js';
import { loadConfig } from '../../src/config.js';
import { MergedCollection } from '../../src/guilds/merged.js';
import { silentLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';

const FARM = 'أعلنت التعاونية الزراعية في القرية أن محصول القمح هذا العام بلغ ثلاثة آلاف طن، وهو أعلى رقم منذ عشر سنوات.';

// Kept for the whole file (the helpers' temp folders go after each test): the last test reindexes.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-merged-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function open(docsDir: string, name: string): Promise<Collection> {
  return openCollection(loadConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, name), MODEL_ID: 'none' }), { log: silentLogger });
}

let own: Collection;
let base: Collection;
let merged: MergedCollection;

beforeAll(async () => {
  const docs = path.join(root, 'docs');
  fs.mkdirSync(docs);
  fs.writeFileSync(path.join(docs, 'farm.txt'), `${FARM}\n`);
  own = await open(docs, 'own-index');
  base = await open('seeds', 'base-index');
  merged = new MergedCollection(own, base);
}, 60_000);

test('a question is answered from whichever collection holds the answer', async () => {
  const farm = await merged.ask('كم بلغ محصول القمح هذا العام؟');
  expect(farm.answered).toBe(true);
  expect(farm.results[0]!.source).toBe('farm.txt');
  const seeds = await merged.ask('من يرأس وفد النظام السوري؟');
  expect(seeds.answered).toBe(true);
  expect(seeds.results[0]!.text).toContain('بشار الجعفري');
  // Ordered by confidence across both collections.
  const confidences = seeds.results.map((r) => r.confidence);
  expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
});

test('passages, documents and lines are found in either collection; status counts both', () => {
  const farmPassage = own.documents()[0]!;
  expect(merged.documents().map((d) => d.source)).toEqual([...own.documents(), ...base.documents()].map((d) => d.source));
  expect(merged.passageAtLine(farmPassage.source, 1)?.text).toBe(FARM);
  const seedPassage = base.passageAtLine(base.documents()[0]!.source, 1)!;
  expect(merged.passage(seedPassage.id)).toEqual(seedPassage);
  expect(merged.status().passages).toBe(own.status().passages + base.status().passages);
});

test('a quote gets the best verdict either collection gives it', async () => {
  const [fromOwn] = await merged.verifyQuotes(`«${FARM.slice(0, 60)}»`);
  expect(fromOwn!.verdict).toBe('verbatim');
  expect(fromOwn!.match!.source).toBe('farm.txt');
  const [fromBase] = await merged.verifyQuotes('«يرأس وفد النظام السوري بشار الجعفري»');
  expect(fromBase!.verdict).not.toBe('not_found');
  expect(fromBase!.match!.source.startsWith('001')).toBe(true);
});

test('a reindex rebuilds the server\'s own documents only', async () => {
  const summary = await merged.reindex();
  expect(summary.files).toBe(1);
});
