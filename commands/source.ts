import { IsnadError } from '../src/errors.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type Command,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { documentChoices, formatDocuments, formatPassagePost } from '../src/discord/format.js';
import { detectLang } from '../src/text/language.js';
import { t } from '../src/discord/i18n.js';
import { send } from '../src/discord/reply.js';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'source',
  description: 'List the documents, or show the passage at a line · الوثائق والمصادر',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'file',
      description: 'Document name · اسم الوثيقة',
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'line',
      description: 'Line number (1-based) · رقم السطر',
      min_value: 1,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isChatInputCommand()) return;
  const file = interaction.options.getString('file');
  const line = interaction.options.getInteger('line') ?? 1;
  const documents = ctx.collection.documents();
  if (!file) {
    await interaction.reply(send(formatDocuments(documents, 'en'), { ephemeral: true }));
    return;
  }
  if (!documents.some((d) => d.source === file)) {
    throw new IsnadError('SOURCE_NOT_FOUND', t('en', 'unknownDocument'));
  }
  const passage = ctx.collection.passageAtLine(file, line);
  if (!passage) throw new IsnadError('PASSAGE_NOT_FOUND', t('en', 'lineBeyondDocument'));
  await interaction.reply(send(formatPassagePost(passage, { lang: detectLang(passage.text) }), { ephemeral: true }));
};

export const autocomplete: NonNullable<Command['autocomplete']> = async (interaction, ctx) => {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'file') return interaction.respond([]);
  await interaction.respond(documentChoices(ctx.collection.documents(), String(focused.value)));
};

export default { data, execute, autocomplete } satisfies Command;
