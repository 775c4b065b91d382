import { DiscordAPIError, HTTPError, MessageFlags, type Interaction } from 'discord.js';
import { ERROR_CODES, isIsnadError, type ErrorCode } from '../errors.js';
import type { BotContext, Command } from './command.js';
import { formatError } from './format.js';
import { reply } from './payload.js';
import { t } from './i18n.js';
import { edit, interactionLang, send } from './reply.js';

/** Routes interactions to commands, turns errors into short ephemeral replies, tracks in-flight work. */
export class Dispatcher {
  private accepting = true;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly byName: Map<string, Command>;

  constructor(
    commands: Command[],
    private readonly ctx: BotContext,
  ) {
    this.byName = new Map(commands.map((c) => [c.data.name, c]));
  }

  get pending(): number {
    return this.inFlight.size;
  }

  handle(interaction: Interaction): Promise<void> {
    const run = this.run(interaction);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Stop taking new interactions (they get a short "restarting" reply). */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Waits for in-flight interactions, at most `timeoutMs`. True when all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    const done = Promise.allSettled([...this.inFlight]).then(() => true as const);
    const result = await Promise.race([done, timeout]);
    clearTimeout(timer);
    return result;
  }

  private async run(interaction: Interaction): Promise<void> {
    const { log } = this.ctx;
    if (!this.accepting) {
      if (interaction.isAutocomplete()) await interaction.respond([]).catch(() => undefined);
      else if (interaction.isRepliable()) {
        await interaction
          .reply(send(reply(t('en', 'shuttingDown')), { ephemeral: true }))
          .catch(() => undefined);
      }
      return;
    }
    const name = this.commandName(interaction);
    const command = name === null ? undefined : this.byName.get(name);
    try {
      if (!command) {
        log.warn('unknown interaction', { type: interaction.type, name });
        return;
      }
      const ctx = await this.contextFor(interaction);
      if (interaction.isAutocomplete()) await command.autocomplete?.(interaction, ctx);
      else if (interaction.isCommand()) await command.execute(interaction, ctx);
      else if (interaction.isButton()) await command.button?.(interaction, ctx);
    } catch (error) {
      await this.fail(interaction, name, error);
    }
  }

  /** The context with the collection of the place the interaction comes from (its server, or a DM). */
  private async contextFor(interaction: Interaction): Promise<BotContext> {
    const { library } = this.ctx;
    if (!library) return this.ctx;
    return { ...this.ctx, collection: await library.collectionFor(interaction.guildId) };
  }

  private commandName(interaction: Interaction): string | null {
    if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
    if (interaction.isMessageComponent()) return interaction.customId.split(':')[0] ?? null;
    return null;
  }

  private async fail(interaction: Interaction, command: string | null, error: unknown): Promise<void> {
    const { log } = this.ctx;
    const code: ErrorCode = isIsnadError(error) ? error.code : 'INTERNAL';
    const message = isIsnadError(error) ? error.message : ERROR_CODES.INTERNAL;
    const fields = {
      command,
      user: interaction.user.id,
      code,
      error: error instanceof Error ? error.message : String(error),
      // Which REST answer it was (HTTPError's message is only "Bad Gateway").
      ...(error instanceof DiscordAPIError || error instanceof HTTPError ? { status: error.status, method: error.method } : {}),
      ...(error instanceof DiscordAPIError ? { discordCode: error.code } : {}),
    };
    if (error instanceof DiscordAPIError && (error.code === 10062 || error.code === 40060)) {
      // Expired (not answered within 3 s, or the token is gone) or already answered: nothing to tell the user.
      log.warn('interaction expired or already answered; dropped', fields);
      return;
    }
    if (code === 'INTERNAL') log.error('interaction failed', { ...fields, stack: error instanceof Error ? error.stack : undefined });
    else log.info('interaction refused', fields);

    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
        return;
      }
      if (!interaction.isRepliable()) return;
      const reply = formatError(code, message, interactionLang(interaction));
      if (interaction.deferred && !interaction.replied) {
        if (interaction.ephemeral) await interaction.editReply(edit(reply));
        else {
          // A public deferral: do not leave the error in the channel.
          await interaction.deleteReply().catch(() => undefined);
          await interaction.followUp({ ...edit(reply), flags: MessageFlags.Ephemeral });
        }
      }
      else if (interaction.replied) await interaction.followUp({ ...edit(reply), flags: MessageFlags.Ephemeral });
      else await interaction.reply(send(reply, { ephemeral: true }));
    } catch (replyError) {
      log.warn('could not report the error to the user', { command, error: replyError instanceof Error ? replyError.message : String(replyError) });
    }
  }
}
