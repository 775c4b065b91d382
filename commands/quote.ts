import { IsnadError } from '../src/errors.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type Command,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { passageChoices } from '../src/discord/format.js';
import { t } from '../src/discord/i18n.js';
import { LIMITS } from '../src/discord/payload.js';
import { postPassage } from '../src/discord/post.js';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'quote',
  description: 'Post a passage by its id, with citation · انشر مقطعًا بمعرّفه',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'id',
      description: 'Passage id (type an id or words to search) · معرّف المقطع',
      required: true,
      autocomplete: true,
      max_length: 100,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isChatInputCommand()) return;
  const id = interaction.options.getString('id', true).trim();
  const passage = ctx.collection.passage(id);
  if (!passage) throw new IsnadError('PASSAGE_NOT_FOUND', t('en', 'unknownPassageId'));
  await postPassage(interaction, passage, ctx);
};

export const autocomplete: NonNullable<Command['autocomplete']> = async (interaction, ctx) => {
  const query = String(interaction.options.getFocused() ?? '');
  await interaction.respond(passageChoices(ctx.collection.searchPassages(query, LIMITS.choices)));
};

export default { data, execute, autocomplete } satisfies Command;
