/**
 * What bad-input.test.ts throws at the bot: a real lexical collection over a copy of seeds/ plus one
 * hostile markdown document (and a secret beside the documents), and the checks of what comes back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import type { Collection } from '../../src/collection.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import type { InjectedInteraction, RecordedCall } from '../fakes/fake-discord.js';
import { allText, type Harness } from './harness.js';

const DEADLINE_MS = 3_000;

/** The seed document the attacks aim at. */
export const GOLD_FILE = '001_4a36f68e423f829a.txt';

// A document with everything Discord would render or ping: mentions, markdown, a masked link,
// a heading, an RTL override (U+202E), a zero-width joiner and a control character.
const HOSTILE = [
  '@everyone @here the meeting moves to **Thursday** with <@123456789012345678> and <@&456789012345678901>, ||spoiler|| `code` ~~old~~ __under__',
  '# heading line in the middle',
  '[click here](https://evil.example/phish) and https://example.org/agenda_2024',
  'malicious \u202Ereversed text\u202C and zero\u200Dwidth join, bell\u0007 here',
].join('\n');

export const RAW_BIDI = /[\u202A-\u202E\u2066\u2067]/; // 2068/2069 (FSI/PDI) are the bot's own balanced isolates
export const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** File names that try to reach outside the documents folder, or to pass for one of its files. */
export const TRAVERSAL_NAMES = [
  '../../etc/passwd',
  '/etc/passwd',
  'seeds/../..',
  '..',
  '../secret.txt',
  `notes/../${GOLD_FILE}`,
  `./${GOLD_FILE}`,
  `${GOLD_FILE}/../../secret.txt`,
  '..%2F..%2Fetc%2Fpasswd',
  '....//....//etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\127.0.0.1\\share\\x',
  'notes/hostile.md\u0000.txt',
  'file:///etc/passwd',
  '~/.ssh/id_rsa',
  ' ' + GOLD_FILE,
];

/** The hostile document and the secret written under a new folder, and a collection over the documents. */
export async function hostileCollection(): Promise<{ root: string; collection: Collection }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bad-input-'));
  const docs = path.join(root, 'docs');
  fs.mkdirSync(path.join(docs, 'notes'), { recursive: true });
  for (const f of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', f), path.join(docs, f));
  fs.writeFileSync(path.join(docs, 'notes', 'hostile.md'), HOSTILE + '\n');
  // A secret next to the documents: no input may ever bring it into a reply.
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET-OUTSIDE-DOCS\n');
  const collection = await openCollection(loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(root, 'index'), MODEL_ID: 'none' }), {
    log: createLogger('silent'),
  });
  return { root, collection };
}

/** What the user finally sees for `i`: the immediate reply, else the last edit / follow-up. */
export async function outcomeOf(h: Harness, i: InjectedInteraction): Promise<{ first: RecordedCall; text: string; body: any }> {
  const first = await h.fake.waitForCall((c) => c.path === i.callbackPath);
  expect(first.time - i.sentAt).toBeLessThan(DEADLINE_MS);
  if (first.body.type === InteractionResponseType.ChannelMessageWithSource || first.body.type === InteractionResponseType.ApplicationCommandAutocompleteResult) return { first, text: allText(first.body.data), body: first.body.data };
  expect(first.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  const last = await h.fake.waitForCall((c) => c.path.startsWith(i.followupPath) && c.method !== 'DELETE', 10_000);
  return { first, text: allText(last.body), body: last.body };
}

/** Unescaped mention or markdown anywhere in `text` (escaped forms are preceded by a backslash). */
export function expectEscaped(raw: string): void {
  // The bot's own markup: bold labels, and the sharer's mention on a posted passage (never pings: parse []).
  const text = raw
    .replace(/\*\*(Question|السؤال|not an answer|ليست إجابة|Documents):?\*\*/g, '')
    .replace(/(Shared by|شاركه) <@\d+>/g, '');
  expect(text).not.toMatch(/(?<!\\)@(everyone|here)/);
  expect(text).not.toMatch(/(?<!\\)<@[&!]?\d+>/);
  expect(text).not.toMatch(/(?<!\\)\|\|/);
  expect(text).not.toMatch(/(?<!\\)\*\*/);
  expect(text).not.toMatch(/(?<!\\)\[click here(?!\\)\]/);
  expect(text).not.toMatch(RAW_BIDI);
  expect(text).not.toMatch(RAW_CONTROL);
}
