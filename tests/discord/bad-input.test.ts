/**
 * Issue 6 (Discord side): hostile or malformed input never crashes the bot, never reads outside the
 * collection, and is never echoed unescaped. The real core (openCollection, lexical-only) over a copy
 * of seeds/ plus one hostile markdown document, against the fake Discord on loopback.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Collection } from '../../src/collection.js';
import { PERMISSIONS, type InjectedInteraction } from '../fakes/fake-discord.js';
import { startHarness, type Harness } from './harness.js';
import { expectEscaped, GOLD_FILE, hostileCollection, outcomeOf, RAW_BIDI, RAW_CONTROL, TRAVERSAL_NAMES } from './hostile-input.js';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';

const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const MESSAGE = InteractionResponseType.ChannelMessageWithSource;
const EPHEMERAL = MessageFlags.Ephemeral;

let h: Harness;
let collection: Collection;
let root: string;
let userSeq = 600000000000000000n;
const newUser = () => ({ id: String(++userSeq) });

beforeAll(async () => {
  ({ root, collection } = await hostileCollection());
  h = await startHarness(collection, { askCooldownMs: 0 });
}, 30_000);

afterAll(async () => {
  await h?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const outcome = (i: InjectedInteraction) => outcomeOf(h, i);
const command = (name: string, options: Array<{ name: string; type: number; value: string | number }>, who: Parameters<Harness['fake']['injectCommand']>[2] = {}) =>
  h.fake.injectCommand(name, options, { user: newUser(), ...who });
const ask = (question: string) => command('ask', [{ name: 'question', type: STRING, value: question }]);

describe('/source file: path traversal and forged names', () => {
  test.each(TRAVERSAL_NAMES)('%j → "no such document", nothing from outside', async (file) => {
    const { first, text } = await outcome(command('source', [{ name: 'file', type: STRING, value: file }, { name: 'line', type: INTEGER, value: 1 }]));
    expect(first.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
    expect(text).toContain('No document has that name');
    expect(text).toContain('SOURCE_NOT_FOUND');
    expect(text).not.toMatch(/root:|TOP-SECRET|PRIVATE KEY|\[fonts\]/);
  });

  test('forged line numbers on a real file: 0, negative, past the end → clear refusal, never a crash', async () => {
    for (const line of [0, -5, 2 ** 53 - 1]) {
      const { text } = await outcome(command('source', [{ name: 'file', type: STRING, value: GOLD_FILE }, { name: 'line', type: INTEGER, value: line }]));
      expect(text).toContain('PASSAGE_NOT_FOUND');
    }
  });

  test('file autocomplete with traversal input offers only indexed documents', async () => {
    for (const value of ['../', '/etc', '..\\..', '%2e%2e', 'x'.repeat(5000)]) {
      const { first } = await outcome(h.fake.injectAutocomplete('source', [{ name: 'file', type: STRING, value, focused: true }]));
      expect(first.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const known = new Set(collection.documents().map((d) => d.source));
      for (const c of first.body.data.choices) expect(known.has(c.value)).toBe(true);
    }
  });

  test('no REST body ever carried file contents from outside the documents', () => {
    const sent = JSON.stringify(h.fake.calls.map((c) => c.body));
    expect(sent).not.toMatch(/root:x:0:0|TOP-SECRET-OUTSIDE-DOCS/);
  });
});

describe('/quote id: forged ids', () => {
  const forged = [
    'deadbeefcafe',
    'a'.repeat(12),
    "' OR 1=1 --",
    '1; DROP TABLE passages; --',
    '${process.env.DISCORD_TOKEN}',
    'x'.repeat(10_000),
    '**bold** @everyone <@123456789012345678> <@&456789012345678901> ||spoiler||',
    '# heading\n> quote [link](https://evil.example)',
    '\u202Eedcba\u202C',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    '',
  ];
  test.each(forged.map((id) => [JSON.stringify(id.length > 40 ? `${id.slice(0, 20)}… (${id.length} chars)` : id), id]))('%s → PASSAGE_NOT_FOUND, ephemeral, nothing echoed raw', async (_label, id) => {
    const { first, text } = await outcome(command('quote', [{ name: 'id', type: STRING, value: id }]));
    expect(first.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
    expect(text).toContain('PASSAGE_NOT_FOUND');
    expectEscaped(text);
    expect(text.length).toBeLessThan(300);
    if (id.length > 8) expect(text).not.toContain(id);
  });

  test('autocomplete with hostile input: at most 25 choices, names ≤ 100, no raw bidi/control characters', async () => {
    for (const value of ['.*', '(', '\\', '%', 'x'.repeat(10_000), '@everyone', '\u202E', 'reversed']) {
      const { first } = await outcome(h.fake.injectAutocomplete('quote', [{ name: 'id', type: STRING, value, focused: true }]));
      expect(first.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      expect(first.body.data.choices.length).toBeLessThanOrEqual(25);
      for (const c of first.body.data.choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.name).not.toMatch(RAW_BIDI);
        expect(c.name).not.toMatch(RAW_CONTROL);
      }
    }
  });

  test('forged "Post to channel" buttons (bad custom_id) are refused, nothing is posted', async () => {
    for (const customId of ['ask:post:../../etc/passwd', 'ask:post:' + 'f'.repeat(100), 'ask:post:', 'ask:post:@everyone']) {
      const { first, text } = await outcome(h.fake.injectButton(customId, { content: 'x' }, { user: newUser() }));
      expect(first.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
      expect(text).toContain('PASSAGE_NOT_FOUND');
    }
  });
});

describe('/reindex from where it must not run', () => {
  test('a member without Manage Server (stale registration) → FORBIDDEN, nothing reindexed', async () => {
    const before = collection.status().builtAt;
    for (const permissions of [PERMISSIONS.member, PERMISSIONS.none]) {
      const { first, text } = await outcome(command('reindex', [], { permissions }));
      expect(first.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
      expect(text).toContain('Manage Server');
      expect(text).toContain('FORBIDDEN');
    }
    expect(collection.status().reindexing).toBe(false);
    expect(collection.status().builtAt).toBe(before);
  });

  test('in a DM (no guild_id, `user` instead of `member`) → refused as guild-only', async () => {
    const i = command('reindex', [], { dm: true });
    const { first, text } = await outcome(i);
    expect(first.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
    expect(text).toContain('only works in a server');
    expect(text).toContain('FORBIDDEN');
    expect(collection.status().reindexing).toBe(false);
  });
});

describe('mentions and markdown are escaped, in questions and in passages', () => {
  test('a question full of mentions and markdown is echoed escaped', async () => {
    const q = '@everyone @here **who** <@123456789012345678> <@&456789012345678901> ||leads|| `the` # delegation [click here](https://evil.example) ~~x~~';
    const { text, body } = await outcome(ask(q));
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(text).toContain('\\@everyone');
    expect(text).toContain('\\*\\*who\\*\\*');
    expect(text).toContain('\\<@123456789012345678\\>');
    expect(text).toContain('\\|\\|leads\\|\\|');
    expect(text).toContain('<https://evil.example>');
    expectEscaped(text);
  });

  test('a passage full of mentions and markdown (/quote) is posted escaped', async () => {
    const [p] = collection.searchPassages('everyone', 1);
    expect(p?.source).toBe('notes/hostile.md');
    const { first, text } = await outcome(command('quote', [{ name: 'id', type: STRING, value: p!.id }]));
    expect(first.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(text).toContain('\\@everyone');
    expect(text).toContain('\\*\\*Thursday\\*\\*');
    expect(text).toContain('\\|\\|spoiler\\|\\|');
    expectEscaped(text);
  });

  test('passages with a heading, a masked link, an RTL override and a control character are sent without them active', async () => {
    for (const query of ['heading', 'click', 'reversed']) {
      const [p] = collection.searchPassages(query, 1);
      expect(p?.source).toBe('notes/hostile.md');
      const { text } = await outcome(command('quote', [{ name: 'id', type: STRING, value: p!.id }]));
      expectEscaped(text);
      if (query === 'heading') expect(text).toContain('\\# heading');
      if (query === 'click') expect(text).toContain('<https://evil.example/phish>');
      if (query === 'reversed') expect(text).toContain('reversed text');
    }
  });

  test('/ask whose answer is the hostile passage: embeds escaped too', async () => {
    const { text } = await outcome(ask('meeting moves Thursday spoiler under'));
    expect(text).toContain('\\@everyone');
    expectEscaped(text);
  });
});

describe('odd questions: answered or refused clearly, never a crash, never a raw echo', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['whitespace', ' \t\n  '],
    ['punctuation only', '?!؟...،؛'],
    ['emoji only', '😀🎉👍🏽'],
    ['zero-width only', '\u200B\u200C\u200D\uFEFF'],
    ['501 characters (over the option max_length)', 'س'.repeat(501)],
    ['10k characters', 'a'.repeat(10_000)],
    ['control characters', '\u0000\u0007\u001B[31m من يرأس وفد النظام السوري؟'],
    ['RTL override U+202E', 'who \u202Eleads\u202C the delegation'],
    ['LRO/RLE/isolates', '\u202Dمن\u202B يرأس \u2066وفد\u2069 النظام'],
    ['zero-width joiner inside Arabic', 'من يرأس\u200D وفد النظام السوري؟'],
    ['mixed scripts', 'من يرأس the وفد делегация 代表团 النظام 123'],
    ['newlines and block markdown', 'من يرأس\n# وفد\n> النظام\n- السوري'],
  ];
  test.each(cases)('%s', async (_name, question) => {
    const i = ask(question);
    const { first, text, body } = await outcome(i);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(text).not.toContain('INTERNAL');
    expectEscaped(text);
    if (/QUESTION_INVALID/.test(text)) {
      // Refused with what to do; ephemeral.
      expect(text).toMatch(/empty|no words|longer than|characters long/);
      expect(first.body.type === MESSAGE ? first.body.data.flags : EPHEMERAL).toBe(EPHEMERAL);
    } else {
      expect(text).toMatch(/Question|السؤال/);
    }
  });

  test('the /ask option missing entirely (forged payload): an error reply, no crash', async () => {
    const { first, text } = await outcome(command('ask', []));
    // discord.js throws CommandInteractionOptionNotFound; the user gets the generic error, ephemerally.
    expect(first.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
    expect(text).toContain('INTERNAL');
    expect(h.bot.client.isReady()).toBe(true);
  });
});

test('over every message the bot sent: allowed_mentions.parse is [], no raw bidi override or control character', () => {
  const messages = h.fake.calls.filter((c) => {
    const body = c.body?.type === InteractionResponseType.ChannelMessageWithSource ? c.body.data : c.body;
    return body && typeof body === 'object' && ('content' in body || 'embeds' in body);
  });
  expect(messages.length).toBeGreaterThan(50);
  for (const c of messages) {
    const body = c.body.type === InteractionResponseType.ChannelMessageWithSource ? c.body.data : c.body;
    expect(body.allowed_mentions, `${c.method} ${c.path}`).toEqual({ parse: [] });
  }
  const sent = JSON.stringify(h.fake.calls.map((c) => c.body));
  expect(sent).not.toMatch(RAW_BIDI);
  expect(sent).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]|\u007F/);
  // The only ERROR is the forged payload without its required option (answered INTERNAL).
  expect(h.logs.filter((l) => l.includes('ERROR:') && !l.includes('CommandInteractionOptionNotFound'))).toEqual([]);
});
