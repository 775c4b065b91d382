/** `npm run bot`: validate config, load (or build) the index, then connect to Discord and serve. */
import dotenv from 'dotenv';
import { commands } from '../commands/index.js';
import { createBot, type Bot } from './discord/client.js';
import { loadBotConfig, type BotConfig } from './discord/config.js';
import { redact, tokenSecrets } from './discord/redact.js';
import { isIsnadError } from './errors.js';
import { Library } from './guilds/library.js';
import { createLogger } from './log.js';
import { openIndex, serveIndex } from './open-collection.js';

dotenv.config({ quiet: true });

function fatal(message: string, token?: string): never {
  process.stderr.write(`isnad: ${redact(message, tokenSecrets(token))}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: BotConfig;
  try {
    config = loadBotConfig(process.env);
  } catch (error) {
    if (isIsnadError(error)) fatal(`${error.message} [${error.code}]`);
    throw error;
  }
  const { token } = config.discord;
  const log = createLogger(config.core.logLevel);

  let lastLogged = 0;
  const opened = await openIndex(config.core, {
    log,
    onProgress: (p) => {
      const now = Date.now();
      if (p.done === p.total || now - lastLogged > 1000) {
        lastLogged = now;
        log.info(`indexing: ${p.phase} ${p.done}/${p.total}`);
      }
    },
  }).catch((error: unknown) =>
    fatal(isIsnadError(error) ? `${error.message} [${error.code}]` : `could not open the index: ${error instanceof Error ? error.message : String(error)}`),
  );
  // The concrete collection, not just a Collection: the servers' own collections share its model, even one a /reindex reloaded.
  const collection = serveIndex(config.core, opened);

  // Autocomplete's text search is prepared now, in slices, not on the first keystroke.
  void collection.prepareSearch();

  // Each server's own documents open lazily, sharing the base collection's model.
  const library = new Library({
    base: collection,
    config: config.core,
    dataDir: config.discord.dataDir,
    baseGuilds: config.discord.baseGuilds,
    open: { log, loadModel: async () => collection.loadedModel },
  });

  const bot: Bot = createBot({
    token,
    apiUrl: config.discord.apiUrl,
    collection,
    library,
    commands,
    log,
    askCooldownMs: config.discord.askCooldownMs,
    reindexCooldownMs: config.discord.reindexCooldownMs,
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received; finishing in-flight interactions and disconnecting…`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    await bot.start();
  } catch (error) {
    await bot.client.destroy().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    const hint = /token/i.test(message) || /401/.test(message) ? ' — check DISCORD_TOKEN (Developer Portal → Bot → Reset Token).' : '';
    fatal(`could not connect to Discord: ${message}${hint}`, token);
  }
}

void main().catch((error: unknown) => fatal(`unexpected error: ${error instanceof Error ? error.message : String(error)}`));
