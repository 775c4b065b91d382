import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Passage } from '../types.js';
import type { BotContext } from './command.js';
import { formatCooldown, formatPassagePost } from './format.js';
import { withNote } from './payload.js';
import { detectLang } from '../text/language.js';
import { t } from './i18n.js';
import { mayPostHere } from './permissions.js';
import { send } from './reply.js';

/**
 * Sends a passage post (from /quote or the Post button) publicly when the member may post here and
 * is not in the post cooldown; privately, saying why, when they may not post here.
 */
export async function postPassage(interaction: ChatInputCommandInteraction | ButtonInteraction, passage: Passage, ctx: BotContext): Promise<void> {
  const lang = detectLang(passage.text);
  if (!mayPostHere(interaction)) {
    await interaction.reply(send(withNote(formatPassagePost(passage, { lang }), t(lang, 'privateOnly')), { ephemeral: true }));
    return;
  }
  const retryAt = ctx.cooldowns.take('post', interaction.user.id, ctx.settings.postCooldownMs);
  if (retryAt !== null) {
    const command = interaction.isButton() ? 'ask' : 'quote';
    await interaction.reply(send(formatCooldown(command, retryAt, ctx.clock(), lang), { ephemeral: true }));
    return;
  }
  await interaction.reply(send(formatPassagePost(passage, { lang, userId: interaction.user.id })));
}

