/** An English /ask against the fake Discord: English wording, Arabic passages and citations intact. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let indexDir: string;

beforeAll(async () => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-discord-en-'));
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: indexDir, MODEL_ID: 'none', DICT_DIR: 'tests/fixtures/dict' });
  h = await startHarness(await openCollection(config, { log: createLogger('silent') }));
}, 30_000);

afterAll(async () => {
  await h?.close();
  if (indexDir) fs.rmSync(indexDir, { recursive: true, force: true });
});

test('English /ask: English reply, the Arabic passage quoted verbatim with its file and line', async () => {
  const i = h.fake.injectCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'What did the armed factions threaten if talks fail?' }]);
  const edit = await h.fake.waitForCall((c) => c.path === i.originalPath, 10_000);
  expect(edit.body.content).toContain('Passages from the documents, quoted exactly:');
  const passages = edit.body.embeds.map((e: any) => e.description).join('\n');
  expect(passages).toContain('ستستأنف القتال إذا فشلت المفاوضات');
  // The passage holding the sentence starts on its own line of the file: the citation must name both.
  const file = '002_5b42712cb21a55ef.txt';
  const source = fs.readFileSync(path.join('seeds', file), 'utf8');
  const line = source.slice(0, source.indexOf('وأكدت الفصائل السورية المسلحة')).split('\n').length;
  expect(passages).toContain(`\u2068\`${file}\`\u2069 · line \u2068${line}\u2069`);
}, 15_000);

test('/status names the dictionary English questions use', async () => {
  const s = h.fake.injectCommand('status');
  const status = await h.fake.waitForCall((c) => c.path === s.callbackPath);
  expect(status.body.data.embeds[0].description).toContain('English questions: via the dictionary');
  expect(status.body.data.embeds[0].description).toContain('freedict-eng-ara.index');
}, 15_000);
