/**
 * Issue 10, items 5, 6, 9: what the bot posts in public, for whom, how often, and what /status shows
 * to whom. The real discord.js client against the fake Discord on loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import type { IndexStatus } from '../../src/collection.js';
import { FakeCollection } from '../fakes/fake-collection.js';
import { PERMISSIONS, type InjectedInteraction, type RecordedCall } from '../fakes/fake-discord.js';
import { allText, startHarness, type Harness } from './harness.js';

const STRING = ApplicationCommandOptionType.String;
const BOOLEAN = ApplicationCommandOptionType.Boolean;
const EPHEMERAL = MessageFlags.Ephemeral;

let h: Harness;
let collection: FakeCollection;
let userSeq = 500000000000000000n;
const newUser = () => ({ id: String(++userSeq) });

beforeAll(async () => {
  collection = new FakeCollection();
  h = await startHarness(collection, { askCooldownMs: 5_000 });
}, 20_000);
afterAll(async () => h?.close());

const callback = (i: InjectedInteraction) => h.fake.waitForCall((c) => c.path === i.callbackPath);
const finalEdit = (i: InjectedInteraction) => h.fake.waitForCall((c) => c.method === 'PATCH' && c.path === i.originalPath);
/** Whether a callback made something everyone in the channel sees. */
const isPublic = (cb: RecordedCall) => ((cb.body?.data?.flags ?? 0) & EPHEMERAL) === 0;
const QUESTION = 'من يرأس وفد النظام السوري؟';
const askPublic = (question: string, who: { user?: { id: string }; permissions?: string }) =>
  h.fake.injectCommand('ask', [{ name: 'question', type: STRING, value: question }, { name: 'public', type: BOOLEAN, value: true }], who);

describe('public posts need the member’s own permission in the channel', () => {
  for (const [label, permissions] of [['cannot send messages', PERMISSIONS.readOnly], ['cannot embed links', PERMISSIONS.noEmbeds]] as const) {
    test(`/ask public:true from a member who ${label}: answered privately, saying why`, async () => {
      const i = askPublic(QUESTION, { user: newUser(), permissions });
      const cb = await callback(i);
      expect(cb.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } });
      const text = allText((await finalEdit(i)).body);
      expect(text).toContain('بشار الجعفري');
      expect(text).toContain('لا يمكنك إرسال الرسائل');
    });

    test(`/quote from a member who ${label}: the passage is shown privately`, async () => {
      const cb = await callback(h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'a1b2c3d4e5f6' }], { user: newUser(), permissions }));
      expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(isPublic(cb)).toBe(false);
      expect(allText(cb.body.data)).toContain('بشار الجعفري');
    });

    test(`the Post button from a member who ${label}: shown privately`, async () => {
      const cb = await callback(h.fake.injectButton('ask:post:a1b2c3d4e5f6', {}, { user: newUser(), permissions }));
      expect(isPublic(cb)).toBe(false);
      expect(allText(cb.body.data)).toContain('بشار الجعفري');
    });
  }

  test('a member who may post gets the public post', async () => {
    const i = askPublic(QUESTION, { user: newUser() });
    expect(isPublic(await callback(i))).toBe(true);
    expect(isPublic(await callback(h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'a1b2c3d4e5f6' }], { user: newUser() })))).toBe(true);
    expect(isPublic(await callback(h.fake.injectButton('ask:post:a1b2c3d4e5f6', {}, { user: newUser() })))).toBe(true);
  });
});

describe('cooldowns on everything that posts or verifies', () => {
  test('10 Post clicks make one public post; the rest are told when to retry', async () => {
    const user = newUser();
    const clicks = Array.from({ length: 10 }, () => h.fake.injectButton('ask:post:a1b2c3d4e5f6', {}, { user }));
    const callbacks = await Promise.all(clicks.map(callback));
    expect(callbacks.filter(isPublic)).toHaveLength(1);
    for (const cb of callbacks.filter((c) => !isPublic(c))) expect(cb.body.data.content).toContain('COOLDOWN');
    h.now.ms += 6_000;
    expect(isPublic(await callback(h.fake.injectButton('ask:post:a1b2c3d4e5f6', {}, { user })))).toBe(true);
  });

  test('/quote shares the post cooldown with the Post button', async () => {
    const user = newUser();
    expect(isPublic(await callback(h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'b2c3d4e5f6a1' }], { user })))).toBe(true);
    const second = await callback(h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'b2c3d4e5f6a1' }], { user }));
    expect(isPublic(second)).toBe(false);
    expect(second.body.data.content).toContain('COOLDOWN');
    const third = await callback(h.fake.injectButton('ask:post:b2c3d4e5f6a1', {}, { user }));
    expect(third.body.data.content).toContain('COOLDOWN');
  });

  test('Verify quote has a cooldown like /ask', async () => {
    const user = newUser();
    await finalEdit(h.fake.injectMessageCommand('Verify quote', 'يرأس وفد النظام بشار الجعفري', { user }));
    const refused = await callback(h.fake.injectMessageCommand('Verify quote', 'يرأس وفد النظام بشار الجعفري', { user }));
    expect(refused.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.body.data.flags).toBe(EPHEMERAL);
    expect(refused.body.data.content).toContain('COOLDOWN');
    // A message command has no slash: the refusal names it as the Apps menu shows it (in the quote's language, Arabic here).
    expect(refused.body.data.content).toContain('استخدام \u2068Verify quote\u2069 مجددًا');
    h.now.ms += 6_000;
    const again = h.fake.injectMessageCommand('Verify quote', 'يرأس وفد النظام بشار الجعفري', { user });
    expect((await callback(again)).body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  });
});

describe('a public /ask echoes the question without live links', () => {
  test('links in the question are plain text in the public post, and no masked link is built', async () => {
    const question = 'FREE NITRO من يرأس وفد النظام https://evil.example/claim [claim here](https://evil.example/x) http://also.example';
    const i = askPublic(question, { user: newUser() });
    expect(isPublic(await callback(i))).toBe(true);
    const content: string = (await finalEdit(i)).body.content;
    expect(content).toContain('evil.example/claim');
    // Clients link nothing inside a code span; outside of them no scheme:// may remain, and no ](…) masked link.
    const outsideCode = content.replace(/``[\s\S]*?``|`[^`]*`/g, '');
    expect(outsideCode).not.toMatch(/[a-z]+:\/\//i);
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(/);
  });
});

describe('/status', () => {
  const withPaths = (): IndexStatus => ({
    ...FakeCollection.prototype.status.call(collection),
    model: { loaded: false, modelId: 'Xenova/multilingual-e5-small', reason: 'model files not found in /srv/isnad/private-models/Xenova/multilingual-e5-small and remote loading is off (ALLOW_REMOTE_MODELS=false)' },
    skipped: [{ source: 'notes/x.md', reason: "cannot be read (EACCES at '/home/deploy/docs/notes/x.md')" }],
  });

  test('members see why the model is off, without host paths; Manage Server members see the details', async () => {
    const status0 = collection.status.bind(collection);
    collection.status = withPaths;
    try {
      const member = allText((await callback(h.fake.injectCommand('status', [], { user: newUser() }))).body.data);
      expect(member).toContain('model files not found in');
      expect(member).toContain('ALLOW\\_REMOTE\\_MODELS=false');
      expect(member).toContain('Xenova/multilingual-e5-small');
      expect(member).not.toMatch(/\/srv|private-models|\/home\/deploy/);

      const manager = allText((await callback(h.fake.injectCommand('status', [], { user: newUser(), permissions: PERMISSIONS.manageGuild }))).body.data);
      expect(manager).toContain('/srv/isnad/private-models/Xenova/multilingual-e5-small');
      expect(manager).toContain('/home/deploy/docs/notes/x.md');
    } finally {
      collection.status = status0;
    }
  });
});
