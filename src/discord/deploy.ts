import { REST, Routes } from 'discord.js';
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
  const result = (await rest.put(route, { body: commands.map((c) => c.data) })) as Array<{ name: string }>;
  return { scope: settings.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}
