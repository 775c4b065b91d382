/** The bot over the real core: openCollection on seeds/ (lexical-only), against the fake Discord. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let indexDir: string;

beforeAll(async () => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-discord-index-'));
  const log = createLogger('silent');
  const collection = await openCollection(loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log });
  h = await startHarness(collection);
}, 30_000);

afterAll(async () => {
  await h?.close();
  if (indexDir) fs.rmSync(indexDir, { recursive: true, force: true });
});

test('real index: an Arabic /ask is answered with the gold passage and its citation', async () => {
  const i = h.fake.injectCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'من يرأس وفد النظام السوري؟' }]);
  const cb = await h.fake.waitForCall((c) => c.path === i.callbackPath);
  expect(cb.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  const edit = await h.fake.waitForCall((c) => c.path === i.originalPath, 10_000);
  const text = [edit.body.content, ...edit.body.embeds.map((e: any) => e.description)].join('\n');
  expect(text).toContain('بشار الجعفري');
  expect(text).toContain('001_');
  expect(edit.body.allowed_mentions).toEqual({ parse: [] });
}, 15_000);

test('real index: /status and Verify quote', async () => {
  const s = h.fake.injectCommand('status');
  const status = await h.fake.waitForCall((c) => c.path === s.callbackPath);
  expect(status.body.data.embeds[0].description).toContain('lexical-only');
  const v = h.fake.injectMessageCommand('Verify quote', 'يرأس وفد النظام بشار الجعفري');
  const edit = await h.fake.waitForCall((c) => c.path === v.originalPath, 10_000);
  expect(edit.body.content).toContain('✅');
  expect(edit.body.embeds[0].description).toContain('001_');
}, 15_000);
