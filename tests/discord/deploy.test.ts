import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationCommandType } from 'discord.js';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { TOKEN } from './harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: TOKEN });
});
afterAll(async () => fake?.close());

test('registers to the guild when DISCORD_GUILD_ID is set, else globally', async () => {
  const settings = { token: TOKEN, clientId: fake.applicationId, apiUrl: fake.apiUrl };
  const guild = await deployCommands({ ...settings, guildId: fake.guildId }, commands);
  expect(guild.scope).toBe('guild');
  expect(guild.names).toEqual(['ask', 'quote', 'source', 'Verify quote', 'status', 'reindex', 'docs']);
  const global = await deployCommands({ ...settings, guildId: null }, commands);
  expect(global.scope).toBe('global');
  const puts = fake.calls.filter((c) => c.method === 'PUT');
  expect(puts.map((c) => c.path)).toEqual([
    `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    `/applications/${fake.applicationId}/commands`,
  ]);
  expect(puts.every((c) => c.authorized)).toBe(true);
  expect(puts[0]!.body).toHaveLength(7);
});

test('command data: bilingual descriptions ≤ 100 chars; /reindex gated to Manage Server in guilds', () => {
  for (const c of commands) {
    const data = c.data as any;
    if (data.type === ApplicationCommandType.ChatInput) {
      expect(data.description.length).toBeLessThanOrEqual(100);
      expect(data.description).toMatch(/[a-z].* · .*[\u0600-\u06FF]/i);
      for (const o of data.options ?? []) {
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.description).toMatch(/[\u0600-\u06FF]/);
      }
    }
    expect(data.name.length).toBeLessThanOrEqual(32);
  }
  const reindex = commands.find((c) => c.data.name === 'reindex')!.data as any;
  expect(reindex.default_member_permissions).toBe('32');
  expect(reindex.contexts).toEqual([0]);
  const ask = commands.find((c) => c.data.name === 'ask')!.data as any;
  expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 500 });
  expect(ask.options[1]).toMatchObject({ name: 'top', min_value: 1, max_value: 5 });
});

test('without a network: says Discord could not be reached and what to check', async () => {
  // A loopback port nobody listens on: refused at once, no real network involved.
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const attempt = deployCommands({ token: TOKEN, clientId: fake.applicationId, guildId: null, apiUrl: `http://127.0.0.1:${port}/api` }, commands);
  await expect(attempt).rejects.toMatchObject({
    code: 'DISCORD_UNREACHABLE',
    message: expect.stringMatching(/^Discord could not be reached at http:\/\/127\.0\.0\.1:\d+\/api \(ECONNREFUSED\).*network connection.*DISCORD_API_URL/),
  });
});
