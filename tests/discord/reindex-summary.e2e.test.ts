/**
 * /reindex over the real core says what changed, as the terminal's ingest does: "1 added, 1 changed,
 * 1 removed, 2 unchanged", or "nothing changed" — in English or Arabic by the user's Discord locale,
 * and names the files it did not read because their kind is not supported yet.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { stripInvisible } from '../../src/text/invisible.js';
import { PERMISSIONS } from '../fakes/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let tmp: string;
let docsDir: string;
let userSeq = 0;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-reindex-summary-'));
  docsDir = path.join(tmp, 'docs');
  fs.cpSync('seeds', docsDir, { recursive: true });
  const config = loadConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(tmp, 'index'), MODEL_ID: 'none' });
  const collection = await openCollection(config, { log: createLogger('silent') });
  h = await startHarness(collection, { progressEveryMs: 0 });
}, 30_000);

afterAll(async () => {
  await h?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs /reindex as a fresh admin (no cooldown) and returns the text of the finished reply. */
async function reindex(locale: string): Promise<string> {
  const i = h.fake.injectCommand('reindex', [], { user: { id: `admin-${++userSeq}` }, permissions: PERMISSIONS.manageGuild, locale });
  const done = await h.fake.waitForCall((c) => c.method === 'PATCH' && c.path === i.originalPath && String(c.body?.content).includes('✅'), 20_000);
  return stripInvisible(String(done.body.content));
}

test('a reindex of unchanged documents says "nothing changed"', async () => {
  const text = await reindex('en-US');
  expect(text).toContain('Reindex finished');
  expect(text).toContain('nothing changed');
}, 30_000);

test('after adding, editing and removing a file, the reply counts each', async () => {
  fs.writeFileSync(path.join(docsDir, 'new.txt'), 'وثيقة جديدة عن محادثات أستانا.\n');
  fs.appendFileSync(path.join(docsDir, '002_5b42712cb21a55ef.txt'), '\nسطر أضيف لاحقًا.\n');
  fs.rmSync(path.join(docsDir, '003_cede825062d6bc15.txt'));
  fs.writeFileSync(path.join(docsDir, 'sheet-1.xlsx'), 'PK');
  fs.writeFileSync(path.join(docsDir, 'sheet-2.xlsx'), 'PK');
  fs.writeFileSync(path.join(docsDir, 'NOTES'), 'بلا امتداد');
  const text = await reindex('en-GB');
  expect(text).toContain('1 added, 1 changed, 1 removed, 2 unchanged');
  expect(text).not.toContain('nothing changed');
  expect(text).toContain('not read, not supported yet: 2 × `.xlsx`, 1 × no extension');
}, 30_000);

test('an Arabic-locale admin reads the same line in Arabic', async () => {
  expect(await reindex('ar')).toContain('لم يتغيّر شيء');
  fs.rmSync(path.join(docsDir, 'new.txt'));
  const text = await reindex('ar');
  expect(text).toContain('انتهت إعادة الفهرسة');
  expect(text).toContain('الملفات: 0 مضافة، 0 معدّلة، 1 محذوفة، 3 دون تغيير');
}, 30_000);
