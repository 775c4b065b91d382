import type { Progress } from '../src/types.js';
import { IsnadError, isIsnadError } from '../src/errors.js';
import {
  ApplicationCommandType,
  type Command,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { formatCooldown, formatReindexProgress, formatReindexSummary } from '../src/discord/format.js';
import { langOfLocale, t } from '../src/discord/i18n.js';
import { assertManager } from '../src/discord/permissions.js';
import { edit, retryOnNetworkError, send } from '../src/discord/reply.js';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'reindex',
  description: 'Rebuild the index from the documents (Manage Server) · أعد بناء الفهرس',
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isChatInputCommand()) return;
  const lang = langOfLocale(interaction.locale);
  assertManager(interaction, lang);
  if (ctx.collection.status().reindexing) throw new IsnadError('REINDEX_RUNNING', t(lang, 'reindexRunning'));
  const retryAt = ctx.cooldowns.take('reindex', interaction.user.id, ctx.settings.reindexCooldownMs);
  if (retryAt !== null) {
    await interaction.reply(send(formatCooldown('/reindex', retryAt, ctx.clock(), lang), { ephemeral: true }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(edit(formatReindexProgress(null, lang)));

  // Progress edits: at most one every progressEveryMs, never two in flight.
  let lastEdit = ctx.clock();
  let editing: Promise<unknown> | null = null;
  const onProgress = (progress: Progress) => {
    const now = ctx.clock();
    if (editing || now - lastEdit < ctx.settings.progressEveryMs) return;
    lastEdit = now;
    editing = interaction
      .editReply(edit(formatReindexProgress(progress, lang)))
      .catch((error: unknown) => ctx.log.warn('reindex progress edit failed', { error: String(error) }))
      .finally(() => {
        editing = null;
      });
  };
  try {
    const summary = await ctx.collection.reindex(onProgress);
    await editing;
    const done = edit(formatReindexSummary(summary, lang));
    await retryOnNetworkError(() => interaction.editReply(done), ctx.log);
    ctx.log.info('reindex done from Discord', { user: interaction.user.id, passages: summary.passages, seconds: summary.seconds });
  } catch (error) {
    await editing;
    if (isIsnadError(error, 'REINDEX_RUNNING')) ctx.cooldowns.release('reindex', interaction.user.id);
    throw error;
  }
};

export default { data, execute } satisfies Command;
