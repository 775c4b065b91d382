/**
 * End to end, as bot.e2e.test.ts: the passage commands (/quote, /source) and Verify quote against a fake Collection.
 */
import { describe, expect, test } from 'vitest';
import { allText, expectTokenKeptSecret, fakeCollectionBot } from './harness.js';
import { stripBotFormatting } from '../../src/discord/quoted-text.js';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';

const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const DEFERRED = InteractionResponseType.DeferredChannelMessageWithSource;
const MESSAGE = InteractionResponseType.ChannelMessageWithSource;
const EPHEMERAL = MessageFlags.Ephemeral;

const bot = fakeCollectionBot(410000000000000000n);
const { newUser, callback, finalEdit } = bot;
const ask = (question: string) => bot.h.fake.injectCommand('ask', [{ name: 'question', type: STRING, value: question }], { user: newUser() });

describe('/quote', () => {
  test('@everyone in a passage is escaped, mentions are disabled, URLs do not unfurl', async () => {
    const cb = await callback(bot.h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'c3d4e5f6a1b2' }], { user: newUser() }));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const text = allText(cb.body.data);
    expect(text).toContain('\\@everyone');
    expect(text).not.toMatch(/(?<!\\)@everyone/);
    expect(text).toContain('\\*Thursday\\*');
    expect(text).toContain('<https://example.org/agenda_2024>');
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  test('autocomplete answers with at most 25 choices (type 8)', async () => {
    const cb = await callback(bot.h.fake.injectAutocomplete('quote', [{ name: 'id', type: STRING, value: 'a1b', focused: true }]));
    expect(cb.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(cb.body.data.choices.length).toBeGreaterThan(0);
    expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
    expect(cb.body.data.choices[0].value).toBe('a1b2c3d4e5f6');
    for (const c of cb.body.data.choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  test('autocomplete on words of the text', async () => {
    const cb = await callback(bot.h.fake.injectAutocomplete('quote', [{ name: 'id', type: STRING, value: 'الجعفري', focused: true }]));
    expect(cb.body.data.choices.map((c: any) => c.value)).toContain('a1b2c3d4e5f6');
  });

  test('unknown id: short ephemeral error with its code', async () => {
    const cb = await callback(bot.h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'nope' }]));
    expect(cb.body).toMatchObject({ type: MESSAGE, data: { flags: EPHEMERAL } });
    expect(cb.body.data.content).toContain('PASSAGE_NOT_FOUND');
  });
});

describe('/source', () => {
  test('lists documents with passages and size', async () => {
    const cb = await callback(bot.h.fake.injectCommand('source'));
    const text = allText(cb.body.data);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(text).toContain('001_4a36f68e423f829a.txt');
    expect(text).toContain('notes/english.txt');
    expect(text).toMatch(/\d+\u2069 passages/);
  });

  test('shows the passage at a line; file autocomplete', async () => {
    const cb = await callback(
      bot.h.fake.injectCommand('source', [
        { name: 'file', type: STRING, value: '001_4a36f68e423f829a.txt' },
        { name: 'line', type: INTEGER, value: 2 },
      ]),
    );
    expect(allText(cb.body.data)).toContain('ستستمر المحادثات لمدة يومين');
    const ac = await callback(bot.h.fake.injectAutocomplete('source', [{ name: 'file', type: STRING, value: 'notes', focused: true }]));
    expect(ac.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(ac.body.data.choices.map((c: any) => c.value).sort()).toEqual(['notes/announcements.md', 'notes/english.txt']);
  });

  test('unknown file: SOURCE_NOT_FOUND', async () => {
    const cb = await callback(bot.h.fake.injectCommand('source', [{ name: 'file', type: STRING, value: 'missing.txt' }]));
    expect(cb.body.data.content).toContain('SOURCE_NOT_FOUND');
  });
});

describe('Verify quote (message context menu)', () => {
  test("checks the passage of one of the bot's own posts, which sits in an embed, not the content", async () => {
    const post = await finalEdit(ask('من يرأس وفد النظام السوري؟'));
    const description: string = post.body.embeds[0].description;
    const seen: string[] = [];
    const verify = bot.collection.verifyQuotes.bind(bot.collection);
    bot.collection.verifyQuotes = (text) => {
      seen.push(text);
      return verify(text);
    };
    try {
      await finalEdit(bot.h.fake.injectMessageCommand('Verify quote', '📢 Shared by <@123>', { user: newUser() }, [{ description }]));
    } finally {
      bot.collection.verifyQuotes = verify;
    }
    expect(seen).toHaveLength(1);
    // The command strips the bot's own formatting (citation line, escapes) before asking the collection.
    expect(seen[0]).toContain(stripBotFormatting(description));
    expect(seen[0]).not.toContain('📄');
  });

  test('verbatim', async () => {
    const i = bot.h.fake.injectMessageCommand('Verify quote', 'يرأس وفد النظام بشار الجعفري', { user: newUser() });
    expect((await callback(i)).body).toEqual({ type: DEFERRED, data: { flags: EPHEMERAL } });
    const edit = await finalEdit(i);
    expect(edit.body.content).toContain('مطابق حرفيًا');
    expect(allText(edit.body)).toContain('001_4a36f68e423f829a.txt');
  });

  test('altered: shows the real text, and the correction button posts it publicly without pinging', async () => {
    const edit = await finalEdit(bot.h.fake.injectMessageCommand('Verify quote', 'The delegation of the United Nations attended in Astana as observer', { user: newUser() }));
    expect(edit.body.content).toContain('Altered');
    expect(allText(edit.body)).toContain('The delegation of the United Nations attended as an observer in Astana.');
    const button = edit.body.components[0].components[0];
    expect(button.label).toContain('Post correction');
    const post = await callback(bot.h.fake.injectButton(button.custom_id, {}, { user: newUser() }));
    expect(post.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(post.body.data.flags ?? 0).toBe(0);
    expect(post.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(allText(post.body.data)).toContain('The delegation of the United Nations attended as an observer in Astana.');
    expect(allText(post.body.data)).toContain('notes/english.txt');
  });

  test('a correction button whose text left the index: PASSAGE_NOT_FOUND', async () => {
    const post = await callback(bot.h.fake.injectButton('Verify quote:post:ffffffffffff:0:10'));
    expect(post.body.data.content).toContain('PASSAGE_NOT_FOUND');
    expect(post.body.data.flags).toBe(EPHEMERAL);
  });

  test('not found', async () => {
    const edit = await finalEdit(bot.h.fake.injectMessageCommand('Verify quote', 'Completely unrelated words here', { user: newUser() }));
    expect(edit.body.content).toContain('Not found');
  });
});

test('the token never appears in logs or in anything sent to Discord', () => {
  expectTokenKeptSecret(bot.h);
});
