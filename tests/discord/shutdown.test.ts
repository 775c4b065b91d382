import { expect, test } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { FakeCollection } from '../fakes/fake-collection.js';
import { startHarness } from './harness.js';

test('stop(): in-flight /ask finishes before the client is destroyed; the gateway connection closes', async () => {
  const h = await startHarness(new FakeCollection({ askDelayMs: 400 }));
  try {
    const i = h.fake.injectCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'من يرأس وفد النظام السوري؟' }]);
    await h.fake.waitForCall((c) => c.path === i.callbackPath);
    expect(h.bot.dispatcher.pending).toBe(1);
    await h.bot.stop();
    // The final edit was sent before stop() resolved.
    expect(h.fake.calls.some((c) => c.path === i.originalPath)).toBe(true);
    expect(h.bot.dispatcher.pending).toBe(0);
    expect(h.bot.client.isReady()).toBe(false);
  } finally {
    await h.close();
  }
}, 20_000);
