/**
 * Issue 6 (Discord side): the bot survives gateway drops and REST faults and keeps answering.
 * The real discord.js Client against the fake Discord on loopback, with a fake Collection.
 * Each test injects one fault and asserts what Discord itself would observe afterwards.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ApplicationCommandOptionType, GatewayOpcodes, InteractionResponseType, MessageFlags } from 'discord.js';
import { FakeCollection } from '../fakes/fake-collection.js';
import { rateLimited, type InjectedInteraction, type RecordedCall } from '../fakes/fake-discord.js';
import { allText, startHarness, type Harness } from './harness.js';

const STRING = ApplicationCommandOptionType.String;
const DEADLINE_MS = 3_000;
const QUESTION = 'من يرأس وفد النظام السوري؟';
const GOLD = 'بشار الجعفري';
let h: Harness;
let userSeq = 500000000000000000n;
const newUser = () => ({ id: String(++userSeq) });

beforeAll(async () => {
  // A short heartbeat interval so a zombie connection is noticed within a second or two.
  h = await startHarness(new FakeCollection({ askDelayMs: 10 }), { askCooldownMs: 0 }, { heartbeatIntervalMs: 400 });
}, 20_000);
afterAll(async () => h?.close());

const ask = (question = QUESTION) => h.fake.injectCommand('ask', [{ name: 'question', type: STRING, value: question }], { user: newUser() });
const isCallback = (i: InjectedInteraction) => (c: RecordedCall) => c.path === i.callbackPath;
const isEdit = (i: InjectedInteraction) => (c: RecordedCall) => c.method === 'PATCH' && c.path === i.originalPath;
const served = (i: InjectedInteraction) => (c: RecordedCall) => isEdit(i)(c) && !c.faulted;

/** Asserts the bot defers `i` within the deadline and edits in the gold answer; returns the timings. */
async function expectAnswered(i: InjectedInteraction, timeoutMs = 10_000): Promise<{ defer: number; final: number }> {
  const cb = await h.fake.waitForCall((c) => isCallback(i)(c) && !c.faulted, timeoutMs);
  expect(cb.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  const edit = await h.fake.waitForCall(served(i), timeoutMs);
  expect(allText(edit.body)).toContain(GOLD);
  return { defer: cb.time - i.sentAt, final: edit.time - i.sentAt };
}

const count = (op: number) => h.fake.gatewayFrames.filter((f) => f.op === op).length;
const lastResume = () => h.fake.gatewayFrames.filter((f) => f.op === GatewayOpcodes.Resume).at(-1)!;

describe('gateway disconnects', () => {
  test('close code 4000: the bot RESUMEs the same session (no new IDENTIFY) and still answers /ask', async () => {
    const identifies = count(GatewayOpcodes.Identify);
    const resumes = count(GatewayOpcodes.Resume);
    const session = h.fake.sessionId;
    h.fake.disconnect(4000, 'Unknown error');
    await h.fake.waitForFrame(GatewayOpcodes.Resume, 5_000, resumes + 1);
    expect(lastResume().sessionId).toBe(session);
    expect(lastResume().seq).toBeGreaterThan(0);
    expect(count(GatewayOpcodes.Identify)).toBe(identifies);
    const t = await expectAnswered(ask());
    expect(t.defer).toBeLessThan(DEADLINE_MS);
    expect(h.logs.join('\n')).toContain('gateway connection lost; reconnecting');
    expect(h.logs.join('\n')).toContain('gateway session resumed');
  });

  test('plain TCP drop (no close frame, the bot sees 1006): RESUME, then /ask answered', async () => {
    const resumes = count(GatewayOpcodes.Resume);
    const connections = h.fake.connections;
    h.fake.disconnect();
    await h.fake.waitForFrame(GatewayOpcodes.Resume, 5_000, resumes + 1);
    expect(h.fake.connections).toBe(connections + 1);
    await expectAnswered(ask());
  });

  test('an /ask dispatched while the bot is disconnected is replayed on RESUME and answered', async () => {
    const resumes = count(GatewayOpcodes.Resume);
    h.fake.disconnect(4000);
    // Wait for the socket to be gone, then inject: only the replay can deliver it.
    await vi.waitFor(() => expect(h.fake.openSockets).toBe(0), { timeout: 5_000, interval: 10 });
    expect(h.fake.openSockets).toBe(0);
    const missed = ask();
    await h.fake.waitForFrame(GatewayOpcodes.Resume, 5_000, resumes + 1);
    const t = await expectAnswered(missed);
    // Replayed after the ~0.5 s reconnect delay of @discordjs/ws; well within Discord's 3 s.
    expect(t.defer).toBeLessThan(DEADLINE_MS);
    expect(h.logs.join('\n')).toMatch(/gateway session resumed.*"replayed":[1-9]/);
  });

  test('op 7 RECONNECT from Discord: the bot reconnects and resumes', async () => {
    const resumes = count(GatewayOpcodes.Resume);
    h.fake.requestReconnect();
    await h.fake.waitForFrame(GatewayOpcodes.Resume, 5_000, resumes + 1);
    await expectAnswered(ask());
  });

  test('RESUME refused (op 9 INVALID_SESSION, d:false): the bot re-IDENTIFYs a new session and answers', async () => {
    const identifies = count(GatewayOpcodes.Identify);
    const oldSession = h.fake.sessionId;
    h.fake.rejectResumes = true;
    try {
      h.fake.disconnect(4000);
      await h.fake.waitForFrame(GatewayOpcodes.Identify, 8_000, identifies + 1);
    } finally {
      h.fake.rejectResumes = false;
    }
    expect(h.fake.sessionId).not.toBe(oldSession);
    await expectAnswered(ask());
  }, 15_000);

  test('zombie connection (heartbeats no longer ACKed): the bot notices, reconnects and resumes', async () => {
    const resumes = count(GatewayOpcodes.Resume);
    h.fake.stopAcking();
    await h.fake.waitForFrame(GatewayOpcodes.Resume, 8_000, resumes + 1);
    await expectAnswered(ask());
  }, 15_000);
});

describe('REST faults', () => {
  test('429 (retry-after 0.2 s) on the interaction callback: retried after the wait, deferred in time, answered', async () => {
    const i = ask();
    const fault = h.fake.fault({ match: isCallback(i), ...rateLimited(0.2) });
    const t = await expectAnswered(i);
    expect(fault.hits).toBe(1);
    const callbacks = h.fake.calls.filter(isCallback(i));
    expect(callbacks).toHaveLength(2);
    expect(callbacks[0]!.faulted).toBe(429);
    expect(callbacks[1]!.time - callbacks[0]!.time).toBeGreaterThanOrEqual(190);
    expect(t.defer).toBeLessThan(DEADLINE_MS);
  });

  test('429 (retry-after 0.2 s) on the final edit: retried, the user still gets the answer', async () => {
    const i = ask();
    const fault = h.fake.fault({ match: isEdit(i), ...rateLimited(0.2) });
    await expectAnswered(i);
    expect(fault.hits).toBe(1);
    const edits = h.fake.calls.filter(isEdit(i));
    expect(edits).toHaveLength(2);
    expect(edits[1]!.time - edits[0]!.time).toBeGreaterThanOrEqual(190);
  });

  test('global 429 on the final edit: retried after the wait, answered', async () => {
    const i = ask();
    h.fake.fault({ match: isEdit(i), ...rateLimited(0.2, true) });
    await expectAnswered(i);
    // The next /ask is not held up for long by the (finished) global wait.
    const t = await expectAnswered(ask());
    expect(t.final).toBeLessThan(DEADLINE_MS);
  });

  test('429 on an immediate reply (/quote, callback type 4): retried, the passage is posted', async () => {
    const i = h.fake.injectCommand('quote', [{ name: 'id', type: STRING, value: 'a1b2c3d4e5f6' }], { user: newUser() });
    h.fake.fault({ match: isCallback(i), ...rateLimited(0.2) });
    const cb = await h.fake.waitForCall((c) => isCallback(i)(c) && !c.faulted);
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(allText(cb.body.data)).toContain(GOLD);
  });

  test('500 once on the final edit: discord.js retries at once, the user gets the answer', async () => {
    const i = ask();
    h.fake.fault({ match: isEdit(i), status: 500, body: { message: '500: Internal Server Error', code: 0 } });
    await expectAnswered(i);
    expect(h.fake.calls.filter(isEdit(i)).map((c) => c.faulted ?? 200)).toEqual([500, 200]);
  });

  test('502 (HTML body) on every edit of one interaction: 4 attempts, logged, the bot keeps serving', async () => {
    const i = ask();
    const fault = h.fake.fault({
      match: (c) => c.path === i.originalPath,
      status: 502,
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      times: Infinity,
    });
    try {
      await h.fake.waitForCall(isCallback(i));
      // discord.js: 1 try + 3 retries (rest.retries = 3) for the answer, then the same for the error report.
      await vi.waitFor(() => expect(h.logs.some((l) => l.includes('could not report the error'))).toBe(true), { timeout: 5_000, interval: 10 });
      const logs = h.logs.join('\n');
      expect(logs).toMatch(/ERROR: interaction failed .*"command":"ask".*"error":"Bad Gateway","status":502/);
      expect(logs).toContain('could not report the error to the user');
      expect(h.fake.calls.filter(isEdit(i)).length).toBe(8);
    } finally {
      fault.remove();
    }
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.dispatcher.pending).toBe(0);
    await expectAnswered(ask());
  });

  test('404 10062 Unknown interaction on the callback (token expired): logged, nothing more sent, next /ask answered', async () => {
    const i = ask();
    h.fake.fault({ match: isCallback(i), status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    await h.fake.waitForCall(isCallback(i));
    await vi.waitFor(() => expect(h.bot.dispatcher.pending).toBe(0), { timeout: 5_000, interval: 10 });
    expect(h.bot.dispatcher.pending).toBe(0);
    expect(h.logs.join('\n')).toMatch(/WARN: interaction expired or already answered; dropped .*"status":404.*"discordCode":10062/);
    // No edit, no follow-up, no second callback for the dead token.
    expect(h.fake.callsFor(i)).toHaveLength(1);
    await expectAnswered(ask());
  });

  test('404 10015 Unknown Webhook on the final edit (15-minute token gone): logged, next /ask answered', async () => {
    const i = ask();
    const fault = h.fake.fault({ match: isEdit(i), status: 404, body: { message: 'Unknown Webhook', code: 10015 }, times: Infinity });
    try {
      await h.fake.waitForCall(isEdit(i));
      await vi.waitFor(() => expect(h.logs.some((l) => l.includes('Unknown Webhook') && l.includes('could not report'))).toBe(true), { timeout: 5_000, interval: 10 });
      expect(h.logs.join('\n')).toMatch(/could not report the error to the user.*Unknown Webhook/);
    } finally {
      fault.remove();
    }
    await expectAnswered(ask());
  });

  test('400 40060 already acknowledged on the callback: logged quietly, nothing else sent', async () => {
    const i = ask();
    h.fake.fault({ match: isCallback(i), status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } });
    await h.fake.waitForCall(isCallback(i));
    await vi.waitFor(() => expect(h.bot.dispatcher.pending).toBe(0), { timeout: 5_000, interval: 10 });
    expect(h.fake.callsFor(i)).toHaveLength(1);
    expect(h.logs.join('\n')).toMatch(/interaction expired or already answered; dropped .*"discordCode":40060/);
    await expectAnswered(ask());
  });

  test('TCP connection dropped on the final edit (undici "other side closed"): the edit is sent again, the answer arrives', async () => {
    // discord.js retries ECONNRESET but not undici's SocketError; before the fix the user got INTERNAL.
    const i = ask();
    h.fake.fault({ match: isEdit(i), status: 'drop' });
    await expectAnswered(i);
    expect(h.fake.calls.filter(isEdit(i)).map((c) => c.faulted ?? 200)).toEqual(['drop', 200]);
    expect(h.logs.join('\n')).toMatch(/WARN: Discord connection dropped; sending the reply again .*other side closed/);
  });

  test('TCP connection dropped on every edit of one interaction: bounded tries, logged, the bot keeps serving', async () => {
    const i = ask();
    const fault = h.fake.fault({ match: (c) => c.path === i.originalPath, status: 'drop', times: Infinity });
    try {
      await h.fake.waitForCall(isCallback(i));
      await vi.waitFor(() => expect(h.logs.some((l) => l.includes('could not report') && l.includes('other side closed'))).toBe(true), { timeout: 5_000, interval: 10 });
      expect(h.logs.join('\n')).toMatch(/ERROR: interaction failed .*other side closed/);
      // 3 tries of the answer, 1 of the error report.
      expect(h.fake.calls.filter(isEdit(i))).toHaveLength(4);
    } finally {
      fault.remove();
    }
    await expectAnswered(ask());
  });
});

test('after every fault: allowed_mentions.parse is [] on every message the bot sent', () => {
  const messages = h.fake.calls.filter((c) => c.body && typeof c.body === 'object' && ('content' in c.body || 'embeds' in c.body || 'content' in (c.body.data ?? {})));
  expect(messages.length).toBeGreaterThan(10);
  for (const c of messages) {
    const body = c.body.type === InteractionResponseType.ChannelMessageWithSource ? c.body.data : c.body;
    expect(body.allowed_mentions, `${c.method} ${c.path}`).toEqual({ parse: [] });
  }
});
