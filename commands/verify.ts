import { IsnadError } from '../src/errors.js';
import {
  ApplicationCommandType,
  type Command,
  MessageFlags,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { formatCooldown } from '../src/discord/format.js';
import { reply } from '../src/discord/payload.js';
import { postPublicly } from '../src/discord/post.js';
import { formatCorrectionPost, formatVerifyResults, parseCorrectionCustomId } from '../src/discord/format-verify.js';
import { stripBotFormatting } from '../src/discord/quoted-text.js';
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
    await interaction.reply(send(reply(`❌ ${t(lang, 'emptyMessage')}`), { ephemeral: true }));
    return;
  }
  const retryAt = ctx.cooldowns.take('verify', interaction.user.id, ctx.settings.askCooldownMs);
  if (retryAt !== null) {
    await interaction.reply(send(formatCooldown('Verify quote', retryAt, ctx.clock(), lang), { ephemeral: true }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = edit(formatVerifyResults(await ctx.collection.verifyQuotes(stripBotFormatting(text)), lang));
  await retryOnNetworkError(() => interaction.editReply(result), ctx.log);
};

/** "Post correction to channel": the real text of an altered quote, with its citation, in public. */
export const button: NonNullable<Command['button']> = async (interaction, ctx) => {
  const span = parseCorrectionCustomId(interaction.customId);
  const match = span ? await ctx.collection.documentSpan(span.passageId, span.start, span.end) : undefined;
  if (!match) {
    throw new IsnadError('PASSAGE_NOT_FOUND', 'That text is no longer in the index (the documents changed); verify the quote again.');
  }
  // Same rules as every public post: only where the member may post, and within the post cooldown.
  const lang = detectLang(match.text);
  await postPublicly(interaction, ctx, { lang, command: 'Verify quote', render: (userId) => formatCorrectionPost(match, { lang, userId }) });
};

export default { data, execute, button } satisfies Command;
