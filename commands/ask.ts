import { IsnadError } from '../src/errors.js';
import { DEFAULT_TOP } from '../src/retrieve/answer.js';
import { cleanQuestion } from '../src/retrieve/question.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type Command,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from '../src/discord/command.js';
import { formatAnswer, formatCooldown, parsePostCustomId } from '../src/discord/format.js';
import { withNote } from '../src/discord/payload.js';
import { t } from '../src/discord/i18n.js';
import { mayPostHere } from '../src/discord/permissions.js';
import { postPassage } from '../src/discord/post.js';
import { detectLang } from '../src/text/language.js';
import { edit, retryOnNetworkError, send } from '../src/discord/reply.js';

export const MAX_QUESTION = 500;

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask the documents; the answer quotes exact passages · اسأل الوثائق',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question · سؤالك',
      required: true,
      max_length: MAX_QUESTION,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'top',
      description: 'How many passages (1–5) · عدد المقاطع',
      min_value: 1,
      max_value: 5,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'public',
      description: 'Show the answer to everyone in the channel · اعرض الإجابة للجميع',
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const execute: Command['execute'] = async (interaction, ctx) => {
  if (!interaction.isChatInputCommand()) return;
  const question = interaction.options.getString('question', true);
  const top = interaction.options.getInteger('top') ?? DEFAULT_TOP;
  const lang = detectLang(question);
  // A member who may not post in this channel does not get to post through the bot either.
  const wantsPublic = interaction.options.getBoolean('public') ?? false;
  const isPublic = wantsPublic && mayPostHere(interaction);
  // Refuse a bad question before it costs the user their cooldown.
  cleanQuestion(question, MAX_QUESTION);
  const retryAt = ctx.cooldowns.take('ask', interaction.user.id, ctx.settings.askCooldownMs);
  if (retryAt !== null) {
    await interaction.reply(send(formatCooldown('/ask', retryAt, ctx.clock(), lang), { ephemeral: true }));
    return;
  }
  // Discord drops the interaction after 3 s without a response: defer before any work.
  await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
  const answer = await ctx.collection.ask(question, { top: Math.min(5, Math.max(1, top)) });
  const formatted = formatAnswer(answer, { lang, ephemeral: !isPublic });
  const reply = edit(wantsPublic && !isPublic ? withNote(formatted, t(lang, 'privateOnly')) : formatted);
  await retryOnNetworkError(() => interaction.editReply(reply), ctx.log);
};

/** "Post to channel": posts the chosen passage publicly, with citation and who shared it. */
export const button: NonNullable<Command['button']> = async (interaction, ctx) => {
  const id = parsePostCustomId(interaction.customId);
  const passage = id ? ctx.collection.passage(id) : undefined;
  if (!passage) {
    throw new IsnadError('PASSAGE_NOT_FOUND', t('en', 'passageGone'));
  }
  await postPassage(interaction, passage, ctx);
};

export default { data, execute, button } satisfies Command;
