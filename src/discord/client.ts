import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Collection } from '../collection.js';
import type { Logger } from '../log.js';
import { commands as allCommands } from '../../commands/index.js';
import type { BotContext, Command } from './command.js';
import { Cooldowns, type Clock } from './cooldown.js';
import { Dispatcher } from './dispatch.js';

export interface BotOptions {
  token: string;
  /** Base URL of the REST API (`…/api`); null for Discord's own. */
  apiUrl?: string | null;
  collection: Collection;
  log: Logger;
  clock?: Clock;
  commands?: Command[];
  askCooldownMs?: number;
  /** /quote and the Post button (default: the /ask cooldown). */
  postCooldownMs?: number;
  /** Verify quote (default: the /ask cooldown). */
  verifyCooldownMs?: number;
  reindexCooldownMs?: number;
  progressEveryMs?: number;
  /** How long shutdown waits for in-flight interactions. */
  drainTimeoutMs?: number;
  /**
   * discord.js's client-side global REST limit (default 50 req/s). It also throttles interaction
   * webhook edits, which Discord itself exempts from the global limit; the load test compares both.
   */
  restGlobalRequestsPerSecond?: number;
}

export interface Bot {
  client: Client;
  dispatcher: Dispatcher;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A logger that scrubs secrets (the bot token) from every message and field. */
export function redactingLogger(log: Logger, secrets: string[]): Logger {
  // Longest first, so the whole token is replaced before its parts.
  const live = [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  const scrub = (text: string) => live.reduce((out, s) => out.split(s).join('[redacted]'), text);
  const fields = (f?: Record<string, unknown>) => (f === undefined ? undefined : (JSON.parse(scrub(JSON.stringify(f))) as Record<string, unknown>));
  return {
    debug: (m, f) => log.debug(scrub(m), fields(f)),
    info: (m, f) => log.info(scrub(m), fields(f)),
    warn: (m, f) => log.warn(scrub(m), fields(f)),
    error: (m, f) => log.error(scrub(m), fields(f)),
  };
}

export function createBot(options: BotOptions): Bot {
  // The whole token, and each of its parts (discord.js debug output prints the first two).
  const log = redactingLogger(options.log, [options.token, ...options.token.split('.')]);
  const clock = options.clock ?? Date.now;
  const ctx: BotContext = {
    collection: options.collection,
    log,
    clock,
    cooldowns: new Cooldowns(clock),
    settings: {
      askCooldownMs: options.askCooldownMs ?? 5_000,
      postCooldownMs: options.postCooldownMs ?? options.askCooldownMs ?? 5_000,
      verifyCooldownMs: options.verifyCooldownMs ?? options.askCooldownMs ?? 5_000,
      reindexCooldownMs: options.reindexCooldownMs ?? 60_000,
      progressEveryMs: options.progressEveryMs ?? 2_000,
    },
  };
  const dispatcher = new Dispatcher(options.commands ?? allCommands, ctx);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      ...(options.restGlobalRequestsPerSecond ? { globalRequestsPerSecond: options.restGlobalRequestsPerSecond } : {}),
    },
  });

  client.on(Events.InteractionCreate, (interaction) => {
    void dispatcher.handle(interaction);
  });
  client.on(Events.Error, (error) => log.error('discord client error', { error: error.message }));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Debug, (message) => log.debug(message));
  client.rest.on('rateLimited', (info) =>
    log.debug('REST rate limit (client-side wait)', { route: info.route, global: info.global, waitMs: info.timeToReset, limit: info.limit }),
  );
  client.on(Events.ShardDisconnect, (event, shard) => log.warn('gateway disconnected', { shard, code: event.code }));
  // Recoverable drops (discord.js resumes or re-identifies by itself): visible in the log, not silent.
  client.on(Events.ShardReconnecting, (shard) => log.warn('gateway connection lost; reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => log.info('gateway session resumed', { shard, replayed }));

  let stopped = false;
  return {
    client,
    dispatcher,
    async start() {
      const ready = once(client, Events.ClientReady);
      await client.login(options.token);
      await ready;
      log.info(`Connected to Discord as ${client.user?.tag ?? 'unknown'}; serving ${ctx.collection.status().passages} passages.`);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      dispatcher.stopAccepting();
      const pending = dispatcher.pending;
      if (pending > 0) log.info(`Waiting for ${pending} interaction(s) to finish…`);
      const drained = await dispatcher.drain(options.drainTimeoutMs ?? 10_000);
      if (!drained) log.warn('Some interactions were still running at shutdown.');
      await client.destroy();
    },
  };
}
