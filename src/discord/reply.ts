import { MessageFlags, type Interaction } from 'discord.js';
import type { Reply } from './payload.js';
import { detectLang, type Lang } from '../text/language.js';
import type { Logger } from '../log.js';

/** discord.js options for a formatted reply (allowedMentions parse [] always travels with it). */
export function send(reply: Reply, options: { ephemeral?: boolean } = {}) {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] as [] },
    ...(options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** Same, for editReply/followUp (no interaction response flags except ephemeral on follow-ups). */
export function edit(reply: Reply) {
  return {
    content: reply.content,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] as [] },
  };
}

/** The language of the user's own text in this interaction (question or verified message). */
export function interactionLang(interaction: Interaction): Lang {
  if (interaction.isChatInputCommand()) {
    return detectLang(interaction.options.getString('question') ?? '');
  }
  if (interaction.isMessageContextMenuCommand()) return detectLang(interaction.targetMessage.content);
  return 'en';
}

/** Codes of a connection that failed before any HTTP answer came back (deploy.ts lists those of a Discord never reached). */
const CONNECTION_FAILED_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_CONNECT_TIMEOUT']);

/** True for a connection-level failure (socket closed or reset), where no HTTP answer came back. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'SocketError' || (typeof code === 'string' && CONNECTION_FAILED_CODES.has(code));
}

/**
 * Runs an idempotent REST call (an edit of @original), trying again after a short pause when the
 * connection dropped: discord.js retries 5xx and ECONNRESET itself, but not undici's
 * "other side closed", which would otherwise turn a finished answer into an INTERNAL error.
 */
export async function retryOnNetworkError<T>(run: () => Promise<T>, log: Logger, attempts = 3, pauseMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isNetworkError(error)) throw error;
      log.warn('Discord connection dropped; sending the reply again', { attempt, error: (error as Error).message });
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}
