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
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayOpcodes,
  InteractionContextType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  /** Path without the `/api/v10` prefix and without the query, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: string;
  body: any;
  /** performance.now() when the request arrived. */
  time: number;
  /** Whether an `Authorization: Bot <token>` header with the right token came with it. */
  authorized: boolean;
  /** Set when a fault answered this call: its status, or 'drop' for a dropped connection. */
  faulted?: number | 'drop';
}

/** A REST fault: the next `times` calls matching `match` get `status` + `body` (+ `headers`), or a dropped socket. */
export interface FaultSpec {
  match: (call: RecordedCall) => boolean;
  /** HTTP status to answer with, or 'drop' to destroy the TCP connection without answering. */
  status: number | 'drop';
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching calls to fault (default 1; Infinity for always). */
  times?: number;
}

export interface Fault {
  readonly spec: FaultSpec;
  /** Calls answered by this fault so far. */
  hits: number;
  /** Stop faulting. */
  remove(): void;
}

/** A 429 as Discord sends it: `retry-after` header (seconds) and the JSON body. */
export function rateLimited(retryAfterSeconds: number, global = false): Pick<FaultSpec, 'status' | 'body' | 'headers'> {
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-scope': global ? 'global' : 'user',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  };
}

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

export interface FakeDiscordOptions {
  token: string;
  /** The fake closes itself after this long (unref'd timer), default 60 s. */
  safetyMs?: number;
  /** Extra delay before answering the interaction callback (to simulate latency). */
  callbackDelayMs?: number;
  /** heartbeat_interval sent in HELLO (default 41 250 ms, as Discord). */
  heartbeatIntervalMs?: number;
}

export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUser = { id: this.applicationId, username: 'Isnad', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly calls: RecordedCall[] = [];
  /** Gateway frames received from the bot (IDENTIFY, heartbeats…), token removed. */
  readonly gatewayFrames: Array<{ op: number; time: number; seq?: number | null; sessionId?: string }> = [];
  readonly identified: Promise<void>;
  /** Gateway connections accepted so far. */
  connections = 0;
  /** Answer RESUME with INVALID_SESSION (d:false), forcing a fresh IDENTIFY. */
  rejectResumes = false;
  /** Current session id (a new one on every IDENTIFY). */
  sessionId = 'fake-session-0';

  private server: http.Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private sessions = 0;
  /** Recent dispatches, for replay on RESUME (bounded). */
  private history: Array<{ s: number; t: string; d: unknown }> = [];
  private faults: Fault[] = [];
  /** Attachments served on loopback, as Discord's CDN would: path → bytes or a redirect. */
  private files = new Map<string, { bytes: Uint8Array; redirectTo?: string }>();
  private silent = new WeakSet<WebSocket>();
  private readonly events = new EventEmitter();
  private safety: NodeJS.Timeout;
  private closed = false;
  private port = 0;
  private markIdentified!: () => void;

  private constructor(private readonly options: FakeDiscordOptions) {
    this.identified = new Promise((resolve) => (this.markIdentified = resolve));
    this.events.setMaxListeners(1000);
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onSocket(socket));
    this.safety = setTimeout(() => void this.close(), options.safetyMs ?? 60_000);
    this.safety.unref();
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What to give discord.js as `rest.api` / DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.safety);
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- REST

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      body,
      time: performance.now(),
      authorized: req.headers.authorization === `Bot ${this.options.token}`,
    };
    const fault = this.faults.find((f) => f.spec.match(call));
    if (fault) {
      fault.hits++;
      if (fault.hits >= (fault.spec.times ?? 1)) fault.remove();
      call.faulted = fault.spec.status;
    }
    this.calls.push(call);
    this.events.emit('call', call);

    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const m = (re: RegExp) => re.exec(path);

    if (fault) {
      if (fault.spec.status === 'drop') {
        req.socket.destroy();
        return;
      }
      if (typeof fault.spec.body === 'string') {
        res.writeHead(fault.spec.status, { 'content-type': 'text/html', ...fault.spec.headers });
        res.end(fault.spec.body);
        return;
      }
      return json(fault.spec.status, fault.spec.body ?? { message: `fault ${fault.spec.status}`, code: 0 }, fault.spec.headers);
    }

    if (url.pathname.startsWith('/attachments/')) {
      const file = this.files.get(url.pathname);
      if (!file) return json(404, { message: '404: Not Found', code: 0 });
      if (file.redirectTo) {
        res.writeHead(302, { location: file.redirectTo });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.byteLength) });
      res.end(file.bytes);
      return;
    }
    if (!url.pathname.startsWith('/api/v10/')) return json(404, { message: '404: Not Found', code: 0 });

    if (call.method === 'GET' && path === '/gateway/bot') {
      if (!call.authorized) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (call.method === 'GET' && path === '/users/@me') {
      if (!call.authorized) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, this.botUser);
    }
    if (call.method === 'POST' && m(/^\/interactions\/[^/]+\/[^/]+\/callback$/)) {
      if (this.options.callbackDelayMs) await new Promise((r) => setTimeout(r, this.options.callbackDelayMs));
      res.writeHead(204);
      res.end();
      return;
    }
    if (call.method === 'PATCH' && m(/^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/)) {
      return json(200, this.messageFrom(body, 64));
    }
    if (call.method === 'DELETE' && m(/^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/)) {
      res.writeHead(204);
      res.end();
      return;
    }
    if (call.method === 'POST' && m(/^\/webhooks\/[^/]+\/[^/]+$/)) {
      return json(200, this.messageFrom(body, body?.flags ?? 0));
    }
    let cmd: RegExpExecArray | null;
    if (call.method === 'PUT' && (cmd = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (!call.authorized) return json(401, { message: '401: Unauthorized', code: 0 });
      const list = Array.isArray(body) ? body : [];
      return json(
        200,
        list.map((c: any) => ({ ...c, id: snowflake(), application_id: cmd![1], guild_id: cmd![2], version: snowflake() })),
      );
    }
    return json(404, { message: `Unknown route ${call.method} ${path}`, code: 0 });
  }

  private messageFrom(body: any, flags: number) {
    return {
      id: snowflake(),
      type: MessageType.Default,
      channel_id: this.channelId,
      author: this.botUser,
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
      webhook_id: this.applicationId,
      application_id: this.applicationId,
    };
  }

  /** Makes matching REST calls fail (see FaultSpec). Faults are tried in the order they were added. */
  fault(spec: FaultSpec): Fault {
    const fault: Fault = {
      spec,
      hits: 0,
      remove: () => {
        this.faults = this.faults.filter((f) => f !== fault);
      },
    };
    this.faults.push(fault);
    return fault;
  }

  /** Resolves with the first recorded call matching `predicate` (past or future), or rejects after `timeoutMs`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall) => {
        if (!predicate(call)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        reject(new Error(`fake discord: no matching REST call within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.events.on('call', onCall);
    });
  }

  /** All calls for one interaction (callback, edits, follow-ups), in order. */
  callsFor(interaction: InjectedInteraction): RecordedCall[] {
    return this.calls.filter(
      (c) => c.path === interaction.callbackPath || c.path.startsWith(interaction.followupPath),
    );
  }

  // ---------------------------------------------------------------- gateway

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  private onSocket(socket: WebSocket): void {
    this.connections++;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 }, s: null, t: null });
    socket.on('message', (data) => {
      let frame: any;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      const resumeFields = frame.op === GatewayOpcodes.Resume ? { seq: frame.d?.seq ?? null, sessionId: String(frame.d?.session_id) } : {};
      this.gatewayFrames.push({ op: frame.op, time: performance.now(), ...resumeFields });
      this.events.emit('frame', frame.op);
      if (frame.op === GatewayOpcodes.Heartbeat && !this.silent.has(socket)) this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
      if (frame.op === GatewayOpcodes.Identify) {
        if (frame.d?.token !== this.options.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        this.sessionId = `fake-session-${++this.sessions}`;
        this.history = [];
        this.dispatchTo(socket, 'READY', {
          v: 10,
          user: this.botUser,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        this.dispatchTo(socket, 'GUILD_CREATE', this.guild());
        this.markIdentified();
      }
      if (frame.op === GatewayOpcodes.Resume) {
        if (frame.d?.token !== this.options.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        if (this.rejectResumes || frame.d?.session_id !== this.sessionId) {
          this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
          return;
        }
        // Replay what the bot missed, in order, then RESUMED (as Discord does).
        const after = Number(frame.d?.seq ?? 0);
        for (const event of this.history) if (event.s > after) this.send(socket, { op: GatewayOpcodes.Dispatch, ...event });
        this.dispatchTo(socket, 'RESUMED', {});
      }
    });
  }

  /** Sends a dispatch to one socket (READY, RESUMED…), numbered in the session's sequence. */
  private dispatchTo(socket: WebSocket, t: string, d: unknown): void {
    this.send(socket, { op: GatewayOpcodes.Dispatch, s: ++this.seq, t, d });
  }

  /**
   * Sends a dispatch to every connected socket and keeps it for replay on RESUME; with no socket
   * connected (mid-reconnect) it is only kept, and the bot gets it when it resumes.
   */
  private broadcast(t: string, d: unknown): void {
    const s = ++this.seq;
    this.history.push({ s, t, d });
    if (this.history.length > 1000) this.history.splice(0, this.history.length - 1000);
    for (const socket of this.sockets) this.send(socket, { op: GatewayOpcodes.Dispatch, s, t, d });
  }

  /** Gateway sockets currently open. */
  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /**
   * Ends the gateway connection: with a close code (e.g. 4000 unknown error, 1001 going away) as a
   * clean close frame, or without one as a plain TCP drop (the bot sees 1006).
   */
  disconnect(code?: number, reason = 'fake discord: disconnect'): void {
    for (const socket of this.sockets) {
      if (code === undefined) socket.terminate();
      else socket.close(code, reason);
    }
  }

  /** Sends op 7 RECONNECT on every socket (Discord asking the bot to reconnect and resume). */
  requestReconnect(): void {
    for (const socket of this.sockets) this.send(socket, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  /** From now on, heartbeats on the currently open sockets get no ACK (a zombie connection). */
  stopAcking(): void {
    for (const socket of this.sockets) this.silent.add(socket);
  }

  /** Resolves when the bot sends a gateway frame with `op` (the `nth` one counted from the start, default: any new one). */
  waitForFrame(op: number, timeoutMs = 5_000, nth?: number): Promise<void> {
    const count = () => this.gatewayFrames.filter((f) => f.op === op).length;
    const target = nth ?? count() + 1;
    if (count() >= target) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onFrame = () => {
        if (count() < target) return;
        clearTimeout(timer);
        this.events.off('frame', onFrame);
        resolve();
      };
      const timer = setTimeout(() => {
        this.events.off('frame', onFrame);
        reject(new Error(`fake discord: no gateway op ${op} (#${target}) within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.events.on('frame', onFrame);
    });
  }

  private guild() {
    return {
      id: this.guildId,
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
        { id: this.guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: PERMISSIONS.member, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      channels: [
        { id: this.channelId, type: ChannelType.GuildText, guild_id: this.guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null, rate_limit_per_user: 0 },
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

  // ---------------------------------------------------------------- interactions

  private user(user?: Partial<FakeUser>) {
    const id = user?.id ?? '300000000000000001';
    return { id, username: user?.username ?? `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
  }

  private base(type: number, options: { user?: Partial<FakeUser>; permissions?: string; dm?: boolean; guildId?: string; locale?: string }) {
    const id = snowflake();
    const guildId = options.guildId ?? this.guildId;
    const token = `itok-${id}-${Math.random().toString(36).slice(2)}`;
    const user = this.user(options.user);
    const where = options.dm
      ? { user, channel_id: snowflake(), channel: { id: snowflake(), type: ChannelType.DM }, context: InteractionContextType.BotDM }
      : {
          guild_id: guildId,
          channel_id: this.channelId,
          channel: { id: this.channelId, type: ChannelType.GuildText, guild_id: guildId, name: 'general' },
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
        application_id: this.applicationId,
        locale: options.locale ?? 'en-US',
        app_permissions: PERMISSIONS.member,
        entitlements: [],
        authorizing_integration_owners: { '0': guildId },
        attachment_size_limit: 10_485_760,
        ...where,
      } as Record<string, unknown>,
    };
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
    const { id, token, payload } = this.base(InteractionType.ApplicationCommand, who);
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
    const { id, token, payload } = this.base(InteractionType.ApplicationCommandAutocomplete, who);
    payload.data = { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options };
    return this.inject(id, token, payload);
  }

  /** A button click on a message the bot sent (e.g. an ephemeral /ask answer). */
  injectButton(customId: string, message: { content?: string; components?: unknown[] } = {}, who: { user?: Partial<FakeUser>; permissions?: string } = {}): InjectedInteraction {
    const { id, token, payload } = this.base(InteractionType.MessageComponent, who);
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
    const { id, token, payload } = this.base(InteractionType.ApplicationCommand, who);
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
