import { PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction, type CommandInteraction } from 'discord.js';
import { IsnadError } from '../errors.js';
import type { Lang } from '../text/language.js';
import { t } from './i18n.js';

/**
 * Whether the bot may post publicly on this member's behalf here: only if the member could post it
 * themselves (Send Messages, or Send Messages in Threads in a thread, plus Embed Links, since passages
 * travel in embeds). The permissions are the member's own in this channel, overwrites included, as
 * Discord sends them with the interaction. Outside a server (a DM with the bot) nobody else sees it.
 */
export function mayPostHere(interaction: CommandInteraction | ButtonInteraction): boolean {
  if (!interaction.inGuild()) return true;
  const send = interaction.channel?.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  return interaction.memberPermissions.has(send | PermissionFlagsBits.EmbedLinks);
}

/** Whether this member may see server-side details (host paths, raw errors): Manage Server, as /reindex. */
export function mayManage(interaction: CommandInteraction | ButtonInteraction): boolean {
  return interaction.inGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
}

/**
 * Throws FORBIDDEN, in the member's language, unless the command runs in a server and the member has
 * Manage Server: registrations can be stale or overridden per channel, so the commands that change the
 * server's index (/reindex, /docs) check again on every use.
 */
export function assertManager(interaction: ChatInputCommandInteraction, lang: Lang): asserts interaction is ChatInputCommandInteraction<'cached' | 'raw'> {
  if (!interaction.inGuild()) throw new IsnadError('FORBIDDEN', t(lang, 'guildOnly'));
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new IsnadError('FORBIDDEN', t(lang, 'forbidden', { command: interaction.commandName }));
  }
}
