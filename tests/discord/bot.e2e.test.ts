/**
 * End to end: the real discord.js Client against the fake Discord on loopback, with a fake Collection.
 * Asserts what Discord itself would receive. /quote, /source and Verify quote: bot-passages.e2e.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { IsnadError } from '../../src/errors.js';
import { PERMISSIONS } from '../fakes/fake-discord.js';
import { allText, expectTokenKeptSecret, fakeCollectionBot } from './harness.js';
import { ApplicationCommandOptionType, ComponentType, InteractionResponseType, MessageFlags } from 'discord.js';

const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const BOOLEAN = ApplicationCommandOptionType.Boolean;
const DEFERRED = InteractionResponseType.DeferredChannelMessageWithSource;
const MESSAGE = InteractionResponseType.ChannelMessageWithSource;
const EPHEMERAL = MessageFlags.Ephemeral;
const DEADLINE_MS = 3_000;

const bot = fakeCollectionBot(400000000000000000n);
const { newUser, callback, finalEdit } = bot;
const ask = (question: string, extra: Array<{ name: string; type: number; value: any }> = [], user = newUser()) =>
  bot.h.fake.injectCommand('ask', [{ name: 'question', type: STRING, value: question }, ...extra], { user });

describe('/ask', () => {
  test('Arabic question: deferred ephemerally in time, then edited with the gold passage and its citation', async () => {
    const i = ask('من يرأس وفد النظام السوري؟');
    const cb = await callback(i);
    expect(cb.body).toEqual({ type: DEFERRED, data: { flags: EPHEMERAL } });
    expect(cb.time - i.sentAt).toBeLessThan(DEADLINE_MS);
    const edit = await finalEdit(i);
    const text = allText(edit.body);
    expect(text).toContain('بشار الجعفري');
    expect(text).toContain('📄 \u2068`001_4a36f68e423f829a.txt`\u2069 · line \u20681\u2069');
    expect(text).toContain('a1b2c3d4e5f6');
    expect(edit.body.content).toContain('السؤال');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const buttons = edit.body.components.flatMap((r: any) => r.components);
    expect(buttons[0]).toMatchObject({ type: ComponentType.Button, custom_id: 'ask:post:a1b2c3d4e5f6' });
    expect(buttons[0].label.length).toBeLessThanOrEqual(80);
  });

  test('public:true defers without the ephemeral flag and shows no Post buttons', async () => {
    const i = ask('من يرأس وفد النظام السوري؟', [{ name: 'public', type: BOOLEAN, value: true }]);
    expect((await callback(i)).body).toEqual({ type: DEFERRED, data: { flags: 0 } });
    const edit = await finalEdit(i);
    expect(allText(edit.body)).toContain('بشار الجعفري');
    expect(edit.body.components).toEqual([]);
  });

  test('top limits the number of passages', async () => {
    const i = ask('المحادثات السورية اليوم الأول الأطراف', [{ name: 'top', type: INTEGER, value: 1 }]);
    const edit = await finalEdit(i);
    expect(edit.body.embeds).toHaveLength(1);
  });

  test('abstains in Arabic when nothing answers, and labels the closest passages as not an answer', async () => {
    const i = ask('ما هو الطقس على المريخ غدا؟');
    const edit = await finalEdit(i);
    expect(edit.body.content).toContain('لم أجد في الوثائق ما يجيب عن هذا السؤال');
    expect(edit.body.content).toContain('ليست إجابة');
    expect(edit.body.components).toEqual([]);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  test('abstains in English for an English question', async () => {
    const i = ask('What is the weather on Mars tomorrow?');
    const edit = await finalEdit(i);
    expect(edit.body.content).toContain('I found nothing in the documents that answers this question.');
    expect(edit.body.content).toContain('not an answer');
  });

  test('an error after a public deferral is not left in the channel: reply deleted, error sent ephemerally', async () => {
    const ask0 = bot.collection.ask.bind(bot.collection);
    bot.collection.ask = async () => {
      throw new IsnadError('MODEL_UNAVAILABLE', 'The embedding model could not be loaded.');
    };
    try {
      const i = ask('سؤال عام', [{ name: 'public', type: BOOLEAN, value: true }]);
      expect((await callback(i)).body).toEqual({ type: DEFERRED, data: { flags: 0 } });
      const followup = await bot.h.fake.waitForCall((c) => c.method === 'POST' && c.path === i.followupPath);
      expect(followup.body.flags).toBe(EPHEMERAL);
      expect(followup.body.content).toContain('MODEL_UNAVAILABLE');
      expect(bot.h.fake.calls.some((c) => c.method === 'DELETE' && c.path === i.originalPath)).toBe(true);
    } finally {
      bot.collection.ask = ask0;
    }
  });

  test('a bad public question is refused privately before anything is posted', async () => {
    const i = ask('   ', [{ name: 'public', type: BOOLEAN, value: true }]);
    const cb = await callback(i);
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.content).toContain('QUESTION_INVALID');
  });

  test('per-user cooldown: a second /ask is refused with when to retry; later it works again', async () => {
    const user = newUser();
    await finalEdit(ask('من يرأس وفد النظام السوري؟', [], user));
    const second = ask('من يرأس وفد النظام السوري؟', [], user);
    const refused = await callback(second);
    expect(refused.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.body.data.flags).toBe(EPHEMERAL);
    expect(refused.body.data.content).toContain('COOLDOWN');
    expect(refused.body.data.content).toMatch(/<t:\d+:R>/);
    bot.h.now.ms += 6_000;
    // A refused question does not use up the cooldown.
    const invalid = await callback(ask('؟؟؟', [], user));
    expect(invalid.body.data.content).toContain('QUESTION_INVALID');
    const third = ask('من يرأس وفد النظام السوري؟', [], user);
    expect((await callback(third)).body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await finalEdit(third);
  });
});

describe('Post to channel button', () => {
  test('posts the chosen passage publicly with citation and who shared it', async () => {
    const user = newUser();
    const i = bot.h.fake.injectButton('ask:post:a1b2c3d4e5f6', { content: 'ephemeral answer' }, { user });
    const cb = await callback(i);
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.content).toContain(`<@${user.id}>`);
    expect(allText(cb.body.data)).toContain('بشار الجعفري');
    expect(allText(cb.body.data)).toContain('001_4a36f68e423f829a.txt');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  test('an unknown passage id is refused ephemerally with its code', async () => {
    const cb = await callback(bot.h.fake.injectButton('ask:post:ffffffffffff'));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.content).toContain('PASSAGE_NOT_FOUND');
  });
});

test('/status shows counts, skipped files, lexical-only reason, index age, version', async () => {
  const cb = await callback(bot.h.fake.injectCommand('status'));
  expect(cb.body.data.flags).toBe(EPHEMERAL);
  const text = allText(cb.body.data);
  expect(text).toContain('Documents: \u20683\u2069');
  expect(text).toContain('scan.pdf');
  expect(text).toContain('lexical-only');
  expect(text).toMatch(/<t:\d+:R>/);
  expect(text).toContain('0.1.0');
});

describe('/reindex', () => {
  test('a member without Manage Server is refused, and nothing is reindexed', async () => {
    const cb = await callback(bot.h.fake.injectCommand('reindex', [], { user: newUser(), permissions: PERMISSIONS.member }));
    expect(cb.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
    expect(cb.body.data.content).toContain('FORBIDDEN');
    expect(bot.collection.reindexing).toBe(false);
  });

  test('refused in DMs (guild-only)', async () => {
    const cb = await callback(bot.h.fake.injectCommand('reindex', [], { user: newUser(), dm: true }));
    expect(cb.body.data.content).toContain('FORBIDDEN');
  });

  test('runs with progress edits; a second one meanwhile gets REINDEX_RUNNING; /ask keeps answering', async () => {
    const i = bot.h.fake.injectCommand('reindex', [], { user: newUser(), permissions: PERMISSIONS.manageGuild });
    expect((await callback(i)).body).toEqual({ type: DEFERRED, data: { flags: EPHEMERAL } });
    await finalEdit(i, (c) => /embed/.test(c.body.content));
    const second = bot.h.fake.injectCommand('reindex', [], { user: newUser(), permissions: PERMISSIONS.manageGuild });
    const refused = await callback(second);
    expect(refused.body.data.content).toContain('REINDEX_RUNNING');
    const during = ask('من يرأس وفد النظام السوري؟');
    expect(allText((await finalEdit(during)).body)).toContain('بشار الجعفري');
    const done = await finalEdit(i, (c) => c.body.content.includes('Reindex finished'));
    expect(done.body.content).toContain('passages');
    const edits = bot.h.fake.calls.filter((c) => c.path === i.originalPath);
    expect(edits.length).toBeGreaterThanOrEqual(3);
  });
});

test('an unexpected error reaches the user as INTERNAL, details only in the log', async () => {
  const original = bot.collection.verifyQuotes.bind(bot.collection);
  bot.collection.verifyQuotes = () => {
    throw new Error('disk exploded at /secret/path');
  };
  try {
    const i = bot.h.fake.injectMessageCommand('Verify quote', 'anything', { user: newUser() });
    const edit = await finalEdit(i);
    expect(edit.body.content).toContain('INTERNAL');
    expect(edit.body.content).not.toContain('disk exploded');
    expect(bot.h.logs.join('\n')).toContain('disk exploded');
  } finally {
    bot.collection.verifyQuotes = original;
  }
});

test('50 concurrent /ask are all deferred within the 3 s deadline', async () => {
  const injected = Array.from({ length: 50 }, () => ask('من يرأس وفد النظام السوري؟'));
  const results = await Promise.all(
    injected.map(async (i) => {
      const cb = await bot.h.fake.waitForCall((c) => c.path === i.callbackPath, 10_000);
      const edit = await bot.h.fake.waitForCall((c) => c.path === i.originalPath, 10_000);
      expect(allText(edit.body)).toContain('بشار الجعفري');
      return { defer: cb.time - i.sentAt };
    }),
  );
  for (const r of results) expect(r.defer).toBeLessThan(DEADLINE_MS);
}, 20_000);

test('the token never appears in logs or in anything sent to Discord', () => {
  expectTokenKeptSecret(bot.h);
});
