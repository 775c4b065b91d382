import type {
  AutocompleteInteraction,
  ButtonInteraction,
  CommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Collection } from '../collection.js';
import type { Library } from '../guilds/library.js';
import type { Logger } from '../log.js';
import type { Clock, Cooldowns } from './cooldown.js';

// What a command file needs of discord.js to declare itself: commands import it from here, so that only
// src/discord/ talks to the library (a discord.js upgrade touches one folder).
export {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
export type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';

/** What every command gets besides its interaction. */
export interface BotContext {
  /** What this interaction searches: its server's documents plus the base it may see (DMs: the base). */
  collection: Collection;
  /** Every server's documents (/docs); absent when the bot serves one collection only. */
  library?: Library;
  log: Logger;
  clock: Clock;
  cooldowns: Cooldowns;
  settings: {
    /** /ask's, and also /quote's, the Post button's and Verify quote's (each its own bucket). */
    askCooldownMs: number;
    reindexCooldownMs: number;
    /** Minimum time between two progress edits of /reindex. */
    progressEveryMs: number;
    /** Hosts /docs add downloads attachments from (Discord's, plus DISCORD_API_URL's in tests). */
    attachmentHosts: string[];
  };
}

/**
 * One slash command or context menu: `data` is what `deploy-commands` registers.
 * Buttons whose custom_id starts with `<data.name>:` are routed to `button`.
 */
export interface Command {
  data: RESTPostAPIApplicationCommandsJSONBody;
  execute(interaction: CommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  button?(interaction: ButtonInteraction, ctx: BotContext): Promise<void>;
}
