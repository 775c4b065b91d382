/**
 * A fake Discord on loopback for driving the real discord.js Client in tests.
 *
 * - HTTP (127.0.0.1, port 0): the REST routes the bot uses under `/api/v10`, every call recorded.
 * - WebSocket gateway (same port, path /gateway): HELLO → IDENTIFY → READY (+ GUILD_CREATE),
 *   heartbeat ACKs, and `inject*` helpers that send INTERACTION_CREATE dispatches.
 *   JSON encoding, no compression (discord.js only compresses when zlib-sync is installed).
 *
 * Faults (for resilience tests): `fault()` makes matching REST calls answer with an error status
 * (429 with retry-after, 5xx, 404 Unknown interaction…) or drop the TCP connection, `times` times;
 * `disconnect()` closes the gateway socket with a close code or drops it; `stopAcking()` leaves
 * heartbeats unanswered (zombie connection); RESUME (op 6) replays the dispatches the bot missed,
 * then sends RESUMED, unless `rejectResumes` is set (then INVALID_SESSION, op 9, d:false).
 *
 * Loopback only; every wait is bounded; `close()` stops everything and an unref'd safety timer
 * closes the fake by itself if a test forgets to.
 */
import { performance } from 'node:perf_hooks';
import { ApplicationCommandType, ComponentType, InteractionType, MessageFlags } from 'discord.js';
import { interactionPayload, snowflake, type FakeUser, type InjectedInteraction } from './discord-payloads.js';
import { FakeDiscordGateway } from './fake-discord-gateway.js';
import type { FakeDiscordOptions } from './fake-discord-rest.js';

export { PERMISSIONS, snowflake, type FakeUser, type InjectedInteraction } from './discord-payloads.js';
export { rateLimited, type Fault, type FaultSpec, type RecordedCall } from './fake-discord-calls.js';
export type { FakeDiscordOptions } from './fake-discord-rest.js';

/** The whole fake: REST (fake-discord-rest.ts), gateway (fake-discord-gateway.ts) and the interactions a test sends. */
export class FakeDiscord extends FakeDiscordGateway {
  private constructor(options: FakeDiscordOptions) {
    super(options);
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.listen();
    return fake;
  }

  private inject(id: string, token: string, payload: Record<string, unknown>): InjectedInteraction {
    const sentAt = performance.now();
    this.broadcast('INTERACTION_CREATE', payload);
    return {
      id,
      token,
      sentAt,
      callbackPath: `/interactions/${id}/${token}/callback`,
      originalPath: `/webhooks/${this.applicationId}/${token}/messages/@original`,
      followupPath: `/webhooks/${this.applicationId}/${token}`,
    };
  }

  /**
   * An uploaded attachment, served by this fake at `/attachments/…` (the CDN's role). `size` is what
   * Discord declares (default: the real length); `redirectTo` makes the CDN answer 302 elsewhere.
   */
  attachment(filename: string, bytes: Uint8Array, options: { size?: number; redirectTo?: string } = {}): Record<string, unknown> {
    const id = snowflake();
    const where = `/attachments/${this.channelId}/${id}/${encodeURIComponent(filename)}`;
    this.files.set(where, { bytes, ...(options.redirectTo ? { redirectTo: options.redirectTo } : {}) });
    const url = `http://127.0.0.1:${this.port}${where}`;
    return { id, filename, size: options.size ?? bytes.byteLength, url, proxy_url: url, content_type: 'application/octet-stream' };
  }

  /** A slash command. `options` as Discord sends them: [{ name, type, value }]; `attachments` fill `resolved`. */
  injectCommand(
    name: string,
    options: Array<{ name: string; type: number; value?: string | number | boolean; focused?: boolean; options?: unknown[] }> = [],
    who: { user?: Partial<FakeUser>; permissions?: string; dm?: boolean; guildId?: string; locale?: string } = {},
    attachments: Array<Record<string, unknown>> = [],
  ): InjectedInteraction {
    const { id, token, payload } = interactionPayload(this, InteractionType.ApplicationCommand, who);
    payload.data = {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(attachments.length > 0 ? { resolved: { attachments: Object.fromEntries(attachments.map((a) => [a.id, a])) } } : {}),
    };
    return this.inject(id, token, payload);
  }

  /** An autocomplete request; mark the option being typed with `focused: true`. */
  injectAutocomplete(
    name: string,
    options: Array<{ name: string; type: number; value?: string | number; focused?: boolean; options?: unknown[] }>,
    who: { user?: Partial<FakeUser>; guildId?: string; dm?: boolean } = {},
  ): InjectedInteraction {
    const { id, token, payload } = interactionPayload(this, InteractionType.ApplicationCommandAutocomplete, who);
    payload.data = { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options };
    return this.inject(id, token, payload);
  }

  /** A button click on a message the bot sent (e.g. an ephemeral /ask answer). */
  injectButton(customId: string, message: { content?: string; components?: unknown[] } = {}, who: { user?: Partial<FakeUser>; permissions?: string } = {}): InjectedInteraction {
    const { id, token, payload } = interactionPayload(this, InteractionType.MessageComponent, who);
    payload.data = { custom_id: customId, component_type: ComponentType.Button };
    payload.message = this.messageFrom({ content: message.content ?? '', components: message.components ?? [] }, MessageFlags.Ephemeral);
    return this.inject(id, token, payload);
  }

  /** A message context menu command on a message with `content` (and optionally embeds, as the bot's own posts have). */
  injectMessageCommand(
    name: string,
    content: string,
    who: { user?: Partial<FakeUser>; permissions?: string } = {},
    embeds: Array<{ description: string }> = [],
  ): InjectedInteraction {
    const { id, token, payload } = interactionPayload(this, InteractionType.ApplicationCommand, who);
    const target = {
      ...this.messageFrom({ content, embeds }, 0),
      author: { id: '300000000000000099', username: 'someone', discriminator: '0', global_name: null, avatar: null },
      webhook_id: undefined,
      application_id: undefined,
    };
    payload.data = { id: snowflake(), name, type: ApplicationCommandType.Message, target_id: target.id, resolved: { messages: { [target.id]: target } } };
    return this.inject(id, token, payload);
  }
}
