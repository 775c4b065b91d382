import { REST, Routes } from 'discord.js';
import { IsnadError } from '../errors.js';
import type { Command } from './command.js';
import type { DiscordSettings } from './config.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

/** Registers (bulk-overwrites) the commands: to the guild when `guildId` is set (instant), else globally. */
export async function deployCommands(
  settings: Pick<DiscordSettings, 'token' | 'clientId' | 'guildId' | 'apiUrl'>,
  commands: Command[],
): Promise<DeployResult> {
  const rest = new REST({ version: '10', ...(settings.apiUrl ? { api: settings.apiUrl } : {}) }).setToken(settings.token);
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.clientId, settings.guildId)
    : Routes.applicationCommands(settings.clientId);
  let result: Array<{ name: string }>;
  try {
    result = (await rest.put(route, { body: commands.map((c) => c.data) })) as Array<{ name: string }>;
  } catch (error) {
    throw unreachable(error, settings.apiUrl) ?? error;
  }
  return { scope: settings.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}

/** Codes of a Discord that could not be reached at all: name resolution, routing, refused or timed-out connections. */
const UNREACHABLE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A bare "getaddrinfo ENOTFOUND discord.com" says neither what failed nor what to check. */
function unreachable(error: unknown, apiUrl: string | null): IsnadError | null {
  const code = (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code !== 'string' || !UNREACHABLE_CODES.has(code)) return null;
  const where = apiUrl ?? 'https://discord.com/api';
  return new IsnadError(
    'DISCORD_UNREACHABLE',
    `Discord could not be reached at ${where} (${code}); no commands were registered. ` +
      `Check this machine's network connection and DNS, any proxy or firewall, and DISCORD_API_URL if you set it, then run deploy-commands again.`,
    { code, apiUrl: where },
    { cause: error },
  );
}
