import { commands } from '../../commands/index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { createBot, type Bot, type BotOptions } from '../../src/discord/client.js';
import type { Collection } from '../../src/collection.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { FakeCollection } from '../fakes/fake-collection.js';
import { FakeDiscord, type FakeDiscordOptions, type InjectedInteraction, type RecordedCall } from '../fakes/fake-discord.js';

/** A syntactically valid, obviously fake token (three dot-separated parts). */
export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAw.FakeTk.isnad-test-secret-do-not-log_0123456789';

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  logs: string[];
  log: Logger;
  now: { ms: number };
  close(): Promise<void>;
}

/** Starts the fake Discord and the real discord.js bot against it; waits until the bot is ready. */
export async function startHarness(
  collection: Collection,
  options: Partial<BotOptions> = {},
  fakeOptions: Omit<FakeDiscordOptions, 'token'> = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start({ ...fakeOptions, token: TOKEN });
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const now = { ms: Date.parse('2025-06-01T12:00:00Z') };
  const bot = createBot({
    token: TOKEN,
    apiUrl: fake.apiUrl,
    collection,
    commands,
    log,
    clock: () => now.ms,
    ...options,
  });
  await bot.start();
  return {
    fake,
    bot,
    logs,
    log,
    now,
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

/** What a user reads in a reply: its content, then each embed's title and description. */
export const allText = (body: any): string =>
  [body?.content ?? '', ...(body?.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');

/** The bot's first answer to an interaction (reply, deferral or autocomplete choices). */
export const callbackOf = (fake: FakeDiscord, i: InjectedInteraction) => fake.waitForCall((c) => c.path === i.callbackPath);

/** The first edit of an interaction's reply that `matches` (any, by default). */
export const editOf = (fake: FakeDiscord, i: InjectedInteraction, matches: (c: RecordedCall) => boolean = () => true) =>
  fake.waitForCall((c) => c.method === 'PATCH' && c.path === i.originalPath && matches(c));

/** The token is in no log line and in nothing sent to Discord, though the authenticated route did get it. */
export function expectTokenKeptSecret(h: Harness): void {
  const secretParts = TOKEN.split('.');
  const logs = h.logs.join('\n');
  const sent = JSON.stringify(h.fake.calls.map((c) => c.body));
  for (const part of [TOKEN, ...secretParts]) {
    expect(logs).not.toContain(part);
    expect(sent).not.toContain(part);
  }
  // The authenticated route did get the token (so the fake did check it).
  expect(h.fake.calls.find((c) => c.path === '/gateway/bot')?.authorized).toBe(true);
}

/**
 * The bot over a FakeCollection for a whole test file (answers take 20 ms, a reindex steps every 30 ms,
 * progress is edited at once), started before the file's tests and closed after; users numbered from `firstUser`.
 */
export function fakeCollectionBot(firstUser: bigint) {
  let started: { h: Harness; collection: FakeCollection } | undefined;
  let lastUser = firstUser;
  beforeAll(async () => {
    const collection = new FakeCollection({ askDelayMs: 20, reindexStepMs: 30 });
    started = { collection, h: await startHarness(collection, { progressEveryMs: 0 }) };
  }, 20_000);
  afterAll(async () => started?.h.close());
  const bot = {
    get h(): Harness {
      return started!.h;
    },
    get collection(): FakeCollection {
      return started!.collection;
    },
    newUser: () => ({ id: String(++lastUser) }),
    callback: (i: InjectedInteraction) => callbackOf(bot.h.fake, i),
    finalEdit: (i: InjectedInteraction, matches?: (c: RecordedCall) => boolean) => editOf(bot.h.fake, i, matches),
  };
  return bot;
}
