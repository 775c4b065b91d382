/**
 * The objects the fake Discord sends, shaped as Discord's API sends them: ids, permissions, the test
 * server, messages and the frame of an interaction.
 */
import { ChannelType, InteractionContextType, MessageType } from 'discord.js';

export interface InjectedInteraction {
  id: string;
  token: string;
  /** performance.now() when the dispatch was written to the socket. */
  sentAt: number;
  callbackPath: string;
  originalPath: string;
  followupPath: string;
}

export interface FakeUser {
  id: string;
  username: string;
}

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export const PERMISSIONS = {
  none: '0',
  /** View channel, send messages, embed links, read history (Discord's @everyone defaults); not Manage Server. */
  member: String(1024n | 2048n | 16384n | 65536n),
  manageGuild: String(32n | 1024n | 2048n | 16384n),
  /** Can read the channel but not send messages in it (an announcements channel, a muted member). */
  readOnly: String(1024n | 65536n),
  /** Can send messages but not embed links. */
  noEmbeds: String(1024n | 2048n | 65536n),
} as const;

/** Who the fake is: the bot's application and user, and the one server and channel it sits in. */
export interface FakeIdentity {
  readonly applicationId: string;
  readonly botUser: { id: string; username: string };
  readonly guildId: string;
  readonly channelId: string;
}

/** A message as the bot would have posted it in the fake's channel. */
export function messagePayload(identity: FakeIdentity, body: any, flags: number) {
  return {
    id: snowflake(),
    type: MessageType.Default,
    channel_id: identity.channelId,
    author: identity.botUser,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    components: body?.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags,
    webhook_id: identity.applicationId,
    application_id: identity.applicationId,
  };
}

/** The test server as GUILD_CREATE sends it: one text channel, @everyone with member permissions. */
export function guildPayload(guildId: string, channelId: string) {
  return {
    id: guildId,
    name: 'Isnad test server',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    roles: [
      { id: guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: PERMISSIONS.member, managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
    stickers: [],
    channels: [
      { id: channelId, type: ChannelType.GuildText, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null, rate_limit_per_user: 0 },
    ],
    threads: [],
    members: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface InteractionWho {
  user?: Partial<FakeUser>;
  permissions?: string;
  dm?: boolean;
  guildId?: string;
  locale?: string;
}

function userPayload(user?: Partial<FakeUser>) {
  const id = user?.id ?? '300000000000000001';
  return { id, username: user?.username ?? `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
}

/** An interaction of `type` from `who`, in a DM or the fake's channel, without its `data`. */
export function interactionPayload(identity: FakeIdentity, type: number, options: InteractionWho) {
  const id = snowflake();
  const guildId = options.guildId ?? identity.guildId;
  const token = `itok-${id}-${Math.random().toString(36).slice(2)}`;
  const user = userPayload(options.user);
  const where = options.dm
    ? { user, channel_id: snowflake(), channel: { id: snowflake(), type: ChannelType.DM }, context: InteractionContextType.BotDM }
    : {
        guild_id: guildId,
        channel_id: identity.channelId,
        channel: { id: identity.channelId, type: ChannelType.GuildText, guild_id: guildId, name: 'general' },
        member: {
          user,
          roles: [],
          permissions: options.permissions ?? PERMISSIONS.member,
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          nick: null,
          avatar: null,
        },
        guild_locale: 'en-US',
        context: InteractionContextType.Guild,
      };
  return {
    id,
    token,
    payload: {
      id,
      token,
      type,
      version: 1,
      application_id: identity.applicationId,
      locale: options.locale ?? 'en-US',
      app_permissions: PERMISSIONS.member,
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      attachment_size_limit: 10_485_760,
      ...where,
    } as Record<string, unknown>,
  };
}
