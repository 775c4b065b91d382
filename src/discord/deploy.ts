import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { commands as allCommands } from '../../commands/index.js';
import { isIsnadError } from '../errors.js';
import type { Command } from './command.js';
import { loadDeployConfig, type DiscordSettings } from './config.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

/** Registers (bulk-overwrites) the commands: to the guild when `guildId` is set (instant), else globally. */
export async function deployCommands(
  settings: Pick<DiscordSettings, 'token' | 'clientId' | 'guildId' | 'apiUrl'>,
  commands: Command[] = allCommands,
): Promise<DeployResult> {
  const rest = new REST({ version: '10', ...(settings.apiUrl ? { api: settings.apiUrl } : {}) }).setToken(settings.token);
  const route = settings.guildId
    ? Routes.applicationGuildCommands(settings.clientId, settings.guildId)
    : Routes.applicationCommands(settings.clientId);
  const result = (await rest.put(route, { body: commands.map((c) => c.data) })) as Array<{ name: string }>;
  return { scope: settings.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}

async function main(): Promise<void> {
  const dotenv = await import('dotenv');
  dotenv.default.config({ quiet: true });
  try {
    const settings = loadDeployConfig(process.env);
    const { scope, names } = await deployCommands(settings);
    console.log(
      `Registered ${names.length} commands ${scope === 'guild' ? `to server ${settings.guildId}` : 'globally (may take up to an hour to appear)'}: ${names.join(', ')}`,
    );
    process.exit(0);
  } catch (error) {
    const token = process.env.DISCORD_TOKEN;
    let message = isIsnadError(error) ? `${error.message} [${error.code}]` : error instanceof Error ? error.message : String(error);
    if (token && token.length >= 8) message = message.split(token).join('[redacted]');
    if (/401|Unauthorized/i.test(message)) message += ' — DISCORD_TOKEN was rejected; reset it in the Developer Portal → Bot.';
    console.error(`isnad: ${message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
