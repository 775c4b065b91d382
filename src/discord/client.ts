import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Collection } from '../collection.js';
import { DISCORD_ATTACHMENT_HOSTS } from '../guilds/download.js';
import type { Library } from '../guilds/library.js';
import type { Logger } from '../log.js';
import type { BotContext, Command } from './command.js';
import { DEFAULT_ASK_COOLDOWN_SECONDS, DEFAULT_REINDEX_COOLDOWN_SECONDS } from './config.js';
import { Cooldowns, type Clock } from './cooldown.js';
import { Dispatcher } from './dispatch.js';
import { redactingLogger, tokenSecrets } from './redact.js';

/** Time limit of one /docs add download. */

export interface BotOptions {
  token: string;
  /** Base URL of the REST API (`…/api`); null for Discord's own. */
  apiUrl?: string | null;
  collection: Collection;
  /** Per-server collections (/docs); without it every place searches `collection`. */
  library?: Library;
  log: Logger;
  clock?: Clock;
  /** Assembled by the entry point (src/main.ts) from commands/index.ts. */
  commands: Command[];
  /** /ask, and also /quote, the Post button and Verify quote. */
  askCooldownMs?: number;
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

export function createBot(options: BotOptions): Bot {
  const log = redactingLogger(options.log, tokenSecrets(options.token));
  const clock = options.clock ?? Date.now;
  const ctx: BotContext = {
    collection: options.collection,
    ...(options.library ? { library: options.library } : {}),
    log,
    clock,
    cooldowns: new Cooldowns(clock),
    settings: {
      askCooldownMs: options.askCooldownMs ?? DEFAULT_ASK_COOLDOWN_SECONDS * 1000,
      reindexCooldownMs: options.reindexCooldownMs ?? DEFAULT_REINDEX_COOLDOWN_SECONDS * 1000,
      progressEveryMs: options.progressEveryMs ?? 2_000,
      attachmentHosts: [...DISCORD_ATTACHMENT_HOSTS, ...(options.apiUrl ? [new URL(options.apiUrl).host] : [])],
    },
  };
  const dispatcher = new Dispatcher(options.commands, ctx);
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
