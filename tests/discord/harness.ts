import { commands } from '../../commands/index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { createBot, type Bot, type BotOptions } from '../../src/discord/client.js';
import type { Collection } from '../../src/collection.js';
import { FakeDiscord, type FakeDiscordOptions } from '../fakes/fake-discord.js';

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
