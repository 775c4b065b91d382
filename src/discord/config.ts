import path from 'node:path';
import { z } from 'zod';
import { CORE_RULES, coreSchema, loadConfig, parseEnv, type CoreConfig, type VariableRules } from '../config.js';

type Env = Record<string, string | undefined>;

const snowflake = z.string().regex(/^\d{17,20}$/);

/** Per-user cooldowns; createBot uses the same values when given none. */
export const DEFAULT_ASK_COOLDOWN_SECONDS = 5;
export const DEFAULT_REINDEX_COOLDOWN_SECONDS = 60;

const seconds = z.coerce.number().min(0).max(86_400);

/**
 * A token as pasted: surrounding spaces and one pair of quotes are not part of it (a copied
 * `DISCORD_TOKEN="…" ` or a shell export keeps them).
 */
function cleanToken(raw: string): string {
  const trimmed = raw.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(trimmed);
  return quoted ? quoted[2]!.trim() : trimmed;
}

const token = z
  .string()
  .transform(cleanToken)
  // Never echo the value: the messages below name the variable only.
  .superRefine((value, ctx) => {
    if (/^Bot\s/i.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'starts with "Bot ": give the token alone, without the "Bot " prefix (discord.js adds it)' });
    } else if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'does not look like a bot token (three parts separated by dots); copy it from Developer Portal → Bot → Reset Token',
      });
    }
  });

/** What each bot variable accepts (see CORE_RULES): never the value given. */
const BOT_RULES: VariableRules = {
  ...CORE_RULES,
  DISCORD_CLIENT_ID: 'must be a numeric Discord id (17–20 digits); copy the Application ID from the Developer Portal (General Information page)',
  DISCORD_GUILD_ID: 'must be a numeric Discord id (17–20 digits); copy the server id (right-click the server → Copy Server ID)',
  DISCORD_API_URL: 'must be a URL such as https://discord.com/api',
  ASK_COOLDOWN_SECONDS: 'must be a number of seconds from 0 to 86400 (default 5)',
  REINDEX_COOLDOWN_SECONDS: 'must be a number of seconds from 0 to 86400 (default 60)',
  DATA_DIR: 'must be the path of the folder holding each server\'s documents and index (default data)',
  BASE_DOCS_GUILDS: 'must be all, none, or server ids separated by commas (default all)',
};

/** The bot's own variables; the core ones (DOCS_DIR, INDEX_DIR, MODEL_*) come from `coreSchema`. */
export const botSchema = coreSchema.merge(
  z.object({
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: snowflake,
    DISCORD_GUILD_ID: snowflake.optional(),
    /** Base URL of Discord's REST API, e.g. `http://127.0.0.1:5000/api` for a local fake. */
    DISCORD_API_URL: z.string().url().optional(),
    ASK_COOLDOWN_SECONDS: seconds.default(DEFAULT_ASK_COOLDOWN_SECONDS),
    REINDEX_COOLDOWN_SECONDS: seconds.default(DEFAULT_REINDEX_COOLDOWN_SECONDS),
    /** Each server's own documents and index: `<DATA_DIR>/guilds/<id>/{docs,index}`. */
    DATA_DIR: z.string().min(1).default('data'),
    /** Which servers see DOCS_DIR: `all`, `none`, or ids separated by commas. */
    BASE_DOCS_GUILDS: z
      .string()
      .regex(/^\s*(all|none|\d{17,20}(\s*,\s*\d{17,20})*)\s*$/i)
      .default('all'),
  }),
);

function baseGuilds(raw: string): 'all' | string[] {
  const value = raw.trim().toLowerCase();
  if (value === 'all') return 'all';
  if (value === 'none') return [];
  return value.split(',').map((id) => id.trim());
}

/** discord.js appends `/v10/...` itself, so a trailing slash would double up. */
const apiBase = (url: string | undefined): string | null => (url ? url.replace(/\/+$/, '') : null);

export interface DiscordSettings {
  token: string;
  clientId: string;
  guildId: string | null;
  apiUrl: string | null;
  askCooldownMs: number;
  reindexCooldownMs: number;
  dataDir: string;
  baseGuilds: 'all' | string[];
}

export interface BotConfig {
  core: CoreConfig;
  discord: DiscordSettings;
}

/** Validates everything at start; throws IsnadError CONFIG_INVALID naming the first bad variable. */
export function loadBotConfig(env: Env, cwd: string = process.cwd()): BotConfig {
  const raw = parseEnv(botSchema, env, BOT_RULES);
  return {
    core: loadConfig(env, cwd),
    discord: {
      token: raw.DISCORD_TOKEN,
      clientId: raw.DISCORD_CLIENT_ID,
      guildId: raw.DISCORD_GUILD_ID ?? null,
      apiUrl: apiBase(raw.DISCORD_API_URL),
      askCooldownMs: raw.ASK_COOLDOWN_SECONDS * 1000,
      reindexCooldownMs: raw.REINDEX_COOLDOWN_SECONDS * 1000,
      dataDir: path.resolve(cwd, raw.DATA_DIR),
      baseGuilds: baseGuilds(raw.BASE_DOCS_GUILDS),
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
  const raw = parseEnv(deploySchema, env, BOT_RULES);
  return {
    token: raw.DISCORD_TOKEN,
    clientId: raw.DISCORD_CLIENT_ID,
    guildId: raw.DISCORD_GUILD_ID ?? null,
    apiUrl: apiBase(raw.DISCORD_API_URL),
  };
}
