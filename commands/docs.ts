import { IsnadError } from '../src/errors.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type Command,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { formatAdded, formatDocsList, formatRemoved } from '../src/discord/format-docs.js';
import { langOfLocale } from '../src/discord/i18n.js';
import { assertManager } from '../src/discord/permissions.js';
import { edit, send } from '../src/discord/reply.js';
import { DOWNLOAD_TIMEOUT_MS, downloadAttachment, tooLarge } from '../src/guilds/download.js';
import { cleanFileName } from '../src/guilds/upload-check.js';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'docs',
  description: "This server's documents (Manage Server) · وثائق هذا الخادم",
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Add a document to this server · أضف وثيقة',
      options: [
        { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'The document · الوثيقة', required: true },
        { type: ApplicationCommandOptionType.String, name: 'name', description: 'Store it under this name · الاسم', max_length: 100 },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'remove',
      description: 'Remove a document from this server · احذف وثيقة',
      options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'The document · الوثيقة', required: true, autocomplete: true }],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'list',
      description: "This server's documents · قائمة الوثائق",
      options: [{ type: ApplicationCommandOptionType.Integer, name: 'page', description: 'Page · الصفحة', min_value: 1 }],
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isChatInputCommand()) return;
  const lang = langOfLocale(interaction.locale);
  assertManager(interaction, lang);
  if (!ctx.library) throw new IsnadError('FORBIDDEN', 'This bot serves its host\'s documents only (no DATA_DIR); ask the host to add files.');
  const shelf = ctx.library.shelf(interaction.guildId);
  const sub = interaction.options.getSubcommand(true);

  if (sub === 'list') {
    const page = interaction.options.getInteger('page') ?? 1;
    await interaction.reply(send(formatDocsList(await shelf.list(), page, lang), { ephemeral: true }));
    return;
  }
  if (sub === 'remove') {
    const name = interaction.options.getString('name', true);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await shelf.remove(name);
    ctx.log.info('document removed from Discord', { guild: interaction.guildId, user: interaction.user.id, name });
    await interaction.editReply(edit(formatRemoved(name, lang)));
    return;
  }
  const file = interaction.options.getAttachment('file', true);
  // Refused before a byte is fetched: the name, the declared size, a reindex in progress.
  const name = cleanFileName(interaction.options.getString('name') ?? file.name);
  const { maxFileBytes } = ctx.library.config;
  if (file.size > maxFileBytes) throw tooLarge(file.size, maxFileBytes);
  await shelf.assertIdle();
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const bytes = await downloadAttachment(file.url, {
    maxBytes: maxFileBytes,
    timeoutMs: DOWNLOAD_TIMEOUT_MS,
    allowedHosts: ctx.settings.attachmentHosts,
  });
  const added = await shelf.add(name, bytes, interaction.user.id, new Date(ctx.clock()));
  ctx.log.info('document added from Discord', { guild: interaction.guildId, user: interaction.user.id, name: added.name, passages: added.passages });
  await interaction.editReply(edit(formatAdded(added, lang)));
};

/** Names of this server's documents for /docs remove. */
export const autocomplete: NonNullable<Command['autocomplete']> = async (interaction, ctx) => {
  if (!interaction.inGuild() || !ctx.library) return interaction.respond([]);
  const typed = interaction.options.getFocused().toLowerCase();
  const names = (await ctx.library.shelf(interaction.guildId).names()).filter((n) => n.toLowerCase().includes(typed)).slice(0, 25);
  await interaction.respond(names.map((n) => ({ name: n.slice(0, 100), value: n.slice(0, 100) })));
};

export default { data, execute, autocomplete } satisfies Command;
