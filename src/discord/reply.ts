import { MessageFlags, type CommandInteraction, type Interaction } from 'discord.js';
import type { Reply } from './format.js';
import { detectLang, type Lang } from './i18n.js';

/** discord.js options for a formatted reply (allowedMentions parse [] always travels with it). */
export function send(reply: Reply, options: { ephemeral?: boolean } = {}) {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] as [] },
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** Same, for editReply/followUp (no interaction response flags except ephemeral on follow-ups). */
export function edit(reply: Reply) {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] as [] },
  };
}

/** The language of the user's own text in this interaction (question or verified message). */
export function interactionLang(interaction: Interaction): Lang {
  if (interaction.isChatInputCommand()) {
    return detectLang(interaction.options.getString('question') ?? '');
  }
  if (interaction.isMessageContextMenuCommand()) return detectLang(interaction.targetMessage.content);
  return 'en';
}

export type AnyCommand = CommandInteraction;
