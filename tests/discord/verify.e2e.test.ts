/**
 * Verify quote through the bot (real core over seeds/, fake Discord) against the terminal twin
 * (`npm run verify`, a separate process): they must agree on every quote of eval/quotes.jsonl.
 * And a burst of heavy Verify quote requests must not keep another user's command waiting.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { escapeMarkdown } from '../../src/discord/markdown.js';
import { readQuoteSet } from '../../src/eval/quotes.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import type { VerifyJson } from '../../src/cli/verify-json.js';
import { startHarness, type Harness } from './harness.js';

const cases = await readQuoteSet('eval/quotes.jsonl');
let h: Harness;
let indexDir: string;

beforeAll(async () => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-verify-e2e-'));
  const collection = await openCollection(loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: createLogger('silent') });
  h = await startHarness(collection);
}, 30_000);

afterAll(async () => {
  await h?.close();
  if (indexDir) fs.rmSync(indexDir, { recursive: true, force: true });
});

/** Runs the terminal twin: `tsx src/cli/verify.ts --json [args]`, stdin optional; JSON lines out. */
function terminal(args: string[], stdin = ''): Promise<Array<VerifyJson & { input?: number }>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/verify.ts', '--json', '--docs', 'seeds', '--index', indexDir, ...args], {
      env: { ...process.env, MODEL_ID: 'none', LOG_LEVEL: 'error' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l))) : reject(new Error(`exit ${code}: ${err}`))));
    child.stdin.end(stdin);
  });
}

/** A new member each time: Verify quote and public posts have per-user cooldowns. */
let members = 0;
const member = () => ({ user: { id: `6000000000000${String(++members).padStart(5, '0')}` } });

const VERDICT_MARK = { verbatim: '✅', altered: '⚠️', not_found: '❌' } as const;

test('the bot and the terminal agree on every quote of the set: verdict, place, real text, changes', async () => {
  const oneLine = cases.filter((c) => !c.message.includes('\n'));
  const byInput = new Map<string, VerifyJson[]>();
  for (const line of await terminal([], oneLine.map((c) => c.message).join('\n') + '\n')) {
    const id = oneLine[line.input! - 1]!.id;
    byInput.set(id, [...(byInput.get(id) ?? []), line]);
  }
  for (const c of cases.filter((x) => x.message.includes('\n'))) byInput.set(c.id, await terminal([c.message]));

  for (const c of cases) {
    const json = byInput.get(c.id)!;
    expect(json.map((j) => j.verdict), c.id).toEqual(c.expect.map((e) => e.verdict));
    const i = h.fake.injectMessageCommand('Verify quote', c.message, member());
    const reply = (await h.fake.waitForCall((call) => call.path === i.originalPath, 10_000)).body;
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(reply.embeds).toHaveLength(json.length);
    const buttons: string[] = (reply.components[0]?.components ?? []).map((b: any) => b.custom_id);
    json.forEach((j, k) => {
      const embed = reply.embeds[k];
      const label = json.length === 1 ? reply.content : embed.title;
      expect(label, c.id).toContain(VERDICT_MARK[j.verdict]);
      if (j.verdict === 'not_found') {
        expect(embed.description).not.toContain('📄');
        return;
      }
      const lines = j.endLine! > j.line! ? `${j.line}–${j.endLine}` : `${j.line}`;
      expect(embed.description, c.id).toContain(`📄 \u2068\`${j.source}\`\u2069 · `);
      expect(embed.description, c.id).toContain(`\u2068${lines}\u2069`);
      for (const id of j.passageIds) expect(embed.description).toContain(id);
      if (j.verdict === 'verbatim') {
        if (j.spellingDiffers) expect(label).toMatch(/ignoring diacritics|مع تجاهل التشكيل/);
        expect(embed.description, c.id).toContain(escapeMarkdown(j.text!).split('\n')[0]);
      } else {
        for (const change of j.changes) {
          if (change.document) expect(embed.description, c.id).toContain(`**${escapeMarkdown(change.document)}**`);
          if (change.quote) expect(embed.description, c.id).toContain(`~~${escapeMarkdown(change.quote)}~~`);
        }
        expect(buttons.some((b) => b.endsWith(`:${j.start}:${j.end}`)), c.id).toBe(true);
      }
    });
  }
}, 120_000);

test('"Post correction" posts the real text publicly, with its citation, pinging nobody', async () => {
  const i = h.fake.injectMessageCommand('Verify quote', 'يرأس وفد النظام محمد علوش @everyone', member());
  const reply = (await h.fake.waitForCall((call) => call.path === i.originalPath, 10_000)).body;
  const b = h.fake.injectButton(reply.components[0].components[0].custom_id, {}, member());
  const post = (await h.fake.waitForCall((call) => call.path === b.callbackPath, 10_000)).body;
  expect(post.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  expect(post.data.flags ?? 0).toBe(0);
  expect(post.data.allowed_mentions).toEqual({ parse: [] });
  expect(post.data.embeds[0].description).toContain('يرأس وفد النظام بشار الجعفري');
  expect(post.data.embeds[0].description).toContain('001_4a36f68e423f829a.txt');
});

test('a quote over 400 words is refused with QUOTE_INVALID, privately', async () => {
  const i = h.fake.injectMessageCommand('Verify quote', 'من '.repeat(401), member());
  const reply = (await h.fake.waitForCall((call) => call.path === i.originalPath, 10_000)).body;
  expect(reply.content).toContain('QUOTE_INVALID');
  expect(reply.content).toContain('400');
});

test("a burst of 40 Verify quote on 2,000-character messages: another user's /status is answered before the burst is done", async () => {
  const seed = ['002_5b42712cb21a55ef.txt', '003_cede825062d6bc15.txt'].map((f) => fs.readFileSync(path.join('seeds', f), 'utf8')).join(' ').replace(/\n/g, ' ');
  // Long and altered everywhere (every fifth word changed), so every candidate is aligned in full.
  const message = seed.slice(0, 2600).split(' ').map((w, k) => (k % 5 === 4 ? 'كلمة' : w)).join(' ').slice(0, 2000);
  expect(message.length).toBe(2000);
  const burst = Array.from({ length: 40 }, (_, k) => h.fake.injectMessageCommand('Verify quote', message, { user: { id: `40000000000000${String(k).padStart(4, '0')}` } }));
  const status = h.fake.injectCommand('status', [], { user: { id: '500000000000000001' } });
  const statusReply = await h.fake.waitForCall((call) => call.path === status.callbackPath, 20_000);
  const finals = await Promise.all(burst.map((i) => h.fake.waitForCall((call) => call.path === i.originalPath, 60_000)));
  expect(statusReply.body.data.embeds[0].description).toContain('lexical-only');
  // Every verify got its verdict, and /status did not wait for the burst to finish.
  for (const f of finals) expect(f.body.embeds.length).toBeGreaterThan(0);
  const lastVerify = Math.max(...finals.map((f) => f.time));
  expect(statusReply.time).toBeLessThan(lastVerify);
  const answeredBefore = finals.filter((f) => f.time > statusReply.time).length;
  expect(answeredBefore).toBeGreaterThanOrEqual(20);
}, 120_000);
