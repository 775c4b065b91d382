/**
 * The fake Discord's gateway (the same port, path /gateway): HELLO → IDENTIFY → READY (+ GUILD_CREATE),
 * heartbeat ACKs, RESUME with replay of missed dispatches, and the faults a connection can suffer.
 * JSON encoding, no compression (discord.js only compresses when zlib-sync is installed).
 */
import { performance } from 'node:perf_hooks';
import { GatewayOpcodes } from 'discord.js';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildPayload } from './discord-payloads.js';
import { FakeDiscordRest, type FakeDiscordOptions } from './fake-discord-rest.js';

/** The REST side plus the gateway; fake-discord.ts adds the interactions sent through it. */
export class FakeDiscordGateway extends FakeDiscordRest {
  /** Gateway frames received from the bot (IDENTIFY, heartbeats…), token removed. */
  readonly gatewayFrames: Array<{ op: number; time: number; seq?: number | null; sessionId?: string }> = [];
  readonly identified: Promise<void>;
  /** Gateway connections accepted so far. */
  connections = 0;
  /** Answer RESUME with INVALID_SESSION (d:false), forcing a fresh IDENTIFY. */
  rejectResumes = false;
  /** Current session id (a new one on every IDENTIFY). */
  sessionId = 'fake-session-0';

  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private sessions = 0;
  /** Recent dispatches, for replay on RESUME (bounded). */
  private history: Array<{ s: number; t: string; d: unknown }> = [];
  private silent = new WeakSet<WebSocket>();
  private markIdentified!: () => void;

  protected constructor(options: FakeDiscordOptions) {
    super(options);
    this.identified = new Promise((resolve) => (this.markIdentified = resolve));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  protected override async closeGateway(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

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
        this.dispatchTo(socket, 'GUILD_CREATE', guildPayload(this.guildId, this.channelId));
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
  protected broadcast(t: string, d: unknown): void {
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
}
