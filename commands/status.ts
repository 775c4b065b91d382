import {
  ApplicationCommandType,
  type Command,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { formatStatus } from '../src/discord/format.js';
import { langOfLocale } from '../src/discord/i18n.js';
import { mayManage } from '../src/discord/permissions.js';
import { send } from '../src/discord/reply.js';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'status',
  description: 'Index status: documents, passages, model, index age · حالة الفهرس',
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isChatInputCommand()) return;
  // Members see why the model is off, not where the server keeps its files; managers see both.
  await interaction.reply(send(formatStatus(ctx.collection.status(), langOfLocale(interaction.locale), { details: mayManage(interaction) }), { ephemeral: true }));
};

export default { data, execute } satisfies Command;
