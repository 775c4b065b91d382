import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Passage } from '../types.js';
import type { BotContext } from './command.js';
import { formatCooldown, formatPassagePost } from './format.js';
import { withNote, type Reply } from './payload.js';
import { detectLang, type Lang } from '../text/language.js';
import { t } from './i18n.js';
import { mayPostHere } from './permissions.js';
import { send } from './reply.js';

/**
 * Sends a public post (a passage from /quote or the Post button, a Verify quote correction) when the
 * member may post here and is not in the post cooldown; privately, saying why, when they may not post here.
 */
export async function postPublicly(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ctx: BotContext,
  /** `command`: what the post came from, as formatCooldown names it (`/quote`, `Verify quote`). */
  post: { lang: Lang; command: string; render: (userId?: string) => Reply },
): Promise<void> {
  if (!mayPostHere(interaction)) {
    await interaction.reply(send(withNote(post.render(), t(post.lang, 'privateOnly')), { ephemeral: true }));
    return;
  }
  const retryAt = ctx.cooldowns.take('post', interaction.user.id, ctx.settings.askCooldownMs);
  if (retryAt !== null) {
    await interaction.reply(send(formatCooldown(post.command, retryAt, ctx.clock(), post.lang), { ephemeral: true }));
    return;
  }
  await interaction.reply(send(post.render(interaction.user.id)));
}

export function postPassage(interaction: ChatInputCommandInteraction | ButtonInteraction, passage: Passage, ctx: BotContext): Promise<void> {
  const lang = detectLang(passage.text);
  const command = interaction.isButton() ? '/ask' : '/quote';
  return postPublicly(interaction, ctx, { lang, command, render: (userId) => formatPassagePost(passage, { lang, userId }) });
}
