import { z } from 'zod';
import { coreSchema, loadConfig, parseEnv, type CoreConfig } from '../config.js';

type Env = Record<string, string | undefined>;

const snowflake = (what: string) =>
  z.string().regex(/^\d{17,20}$/, `must be a numeric Discord id (17–20 digits); copy the ${what} from the Developer Portal`);

/** Per-user cooldowns; createBot uses the same values when given none. */
export const DEFAULT_ASK_COOLDOWN_SECONDS = 5;
export const DEFAULT_REINDEX_COOLDOWN_SECONDS = 60;

const seconds = z.coerce.number({ invalid_type_error: 'must be a number of seconds' }).min(0).max(86_400);

/** The bot's own variables; the core ones (DOCS_DIR, INDEX_DIR, MODEL_*) come from `coreSchema`. */
export const botSchema = coreSchema.merge(
  z.object({
    DISCORD_TOKEN: z
      .string({ required_error: 'Required' })
      // Never echo the value: the messages below name the variable only.
      .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'does not look like a bot token (three parts separated by dots); copy it from Developer Portal → Bot → Reset Token'),
    DISCORD_CLIENT_ID: snowflake('Application ID (General Information page)'),
    DISCORD_GUILD_ID: snowflake('server id (right-click the server → Copy Server ID)').optional(),
    /** Base URL of Discord's REST API, e.g. `http://127.0.0.1:5000/api` for a local fake. */
    DISCORD_API_URL: z.string().url('must be a URL such as https://discord.com/api').optional(),
    ASK_COOLDOWN_SECONDS: seconds.default(DEFAULT_ASK_COOLDOWN_SECONDS),
    REINDEX_COOLDOWN_SECONDS: seconds.default(DEFAULT_REINDEX_COOLDOWN_SECONDS),
  }),
);

/** discord.js appends `/v10/...` itself, so a trailing slash would double up. */
const apiBase = (url: string | undefined): string | null => (url ? url.replace(/\/+$/, '') : null);

export interface DiscordSettings {
  token: string;
  clientId: string;
  guildId: string | null;
  apiUrl: string | null;
  askCooldownMs: number;
  reindexCooldownMs: number;
}

export interface BotConfig {
  core: CoreConfig;
  discord: DiscordSettings;
}

/** Validates everything at start; throws IsnadError CONFIG_INVALID naming the first bad variable. */
export function loadBotConfig(env: Env, cwd: string = process.cwd()): BotConfig {
  const raw = parseEnv(botSchema, env);
  return {
    core: loadConfig(env, cwd),
    discord: {
      token: raw.DISCORD_TOKEN,
      clientId: raw.DISCORD_CLIENT_ID,
      guildId: raw.DISCORD_GUILD_ID ?? null,
      apiUrl: apiBase(raw.DISCORD_API_URL),
      askCooldownMs: raw.ASK_COOLDOWN_SECONDS * 1000,
      reindexCooldownMs: raw.REINDEX_COOLDOWN_SECONDS * 1000,
    },
  };
}

/** Only what `deploy-commands` needs (no docs, no model). */
export const deploySchema = z.object({
  DISCORD_TOKEN: botSchema.shape.DISCORD_TOKEN,
  DISCORD_CLIENT_ID: botSchema.shape.DISCORD_CLIENT_ID,
  DISCORD_GUILD_ID: botSchema.shape.DISCORD_GUILD_ID,
  DISCORD_API_URL: botSchema.shape.DISCORD_API_URL,
});

export function loadDeployConfig(env: Env): Pick<DiscordSettings, 'token' | 'clientId' | 'guildId' | 'apiUrl'> {
  const raw = parseEnv(deploySchema, env);
  return {
    token: raw.DISCORD_TOKEN,
    clientId: raw.DISCORD_CLIENT_ID,
    guildId: raw.DISCORD_GUILD_ID ?? null,
    apiUrl: apiBase(raw.DISCORD_API_URL),
  };
}
