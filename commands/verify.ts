import { ApplicationCommandType, MessageFlags, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { formatCooldown, formatVerify } from '../src/discord/format.js';
import { extractQuotedText } from '../src/discord/quoted-text.js';
import { detectLang } from '../src/text/language.js';
import { t } from '../src/discord/i18n.js';
import { edit, retryOnNetworkError, send } from '../src/discord/reply.js';

/** Message context menu: right-click a message → Apps → Verify quote. */
export const data = {
  type: ApplicationCommandType.Message,
  name: 'Verify quote',
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isMessageContextMenuCommand()) return;
  // Our own /quote and "Post to channel" messages carry the passage in an embed, not the content.
  const message = interaction.targetMessage;
  const text = [message.content ?? '', ...message.embeds.map((e) => e.description ?? '')].filter((s) => s.trim() !== '').join('\n');
  const lang = detectLang(text);
  if (text.trim() === '') {
    await interaction.reply(send({ content: `❌ ${t(lang, 'emptyMessage')}`, embeds: [], components: [], allowedMentions: { parse: [] } }, { ephemeral: true }));
    return;
  }
  const retryAt = ctx.cooldowns.take('verify', interaction.user.id, ctx.settings.verifyCooldownMs);
  if (retryAt !== null) {
    await interaction.reply(send(formatCooldown('Verify quote', retryAt, ctx.clock(), lang), { ephemeral: true }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = edit(formatVerify(ctx.collection.verifyQuote(extractQuotedText(text)), lang));
  await retryOnNetworkError(() => interaction.editReply(reply), ctx.log);
};

export default { data, execute } satisfies Command;
