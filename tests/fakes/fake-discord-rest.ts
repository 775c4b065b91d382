/**
 * The fake Discord's HTTP side (127.0.0.1, port 0): the REST routes the bot uses under `/api/v10`,
 * every call recorded, faults on demand, and attachments served as Discord's CDN would.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { messagePayload, snowflake, type InjectedInteraction } from './discord-payloads.js';
import type { Fault, FaultSpec, RecordedCall } from './fake-discord-calls.js';

export interface FakeDiscordOptions {
  token: string;
  /** The fake closes itself after this long (unref'd timer), default 60 s. */
  safetyMs?: number;
  /** Extra delay before answering the interaction callback (to simulate latency). */
  callbackDelayMs?: number;
  /** heartbeat_interval sent in HELLO (default 41 250 ms, as Discord). */
  heartbeatIntervalMs?: number;
}

/** The REST side; fake-discord-gateway.ts adds the gateway on the same port, fake-discord.ts the interactions. */
export class FakeDiscordRest {
  readonly applicationId = snowflake();
  readonly botUser = { id: this.applicationId, username: 'Isnad', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly calls: RecordedCall[] = [];

  protected readonly server: http.Server;
  private faults: Fault[] = [];
  /** Attachments served on loopback, as Discord's CDN would: path → bytes or a redirect. */
  protected readonly files = new Map<string, { bytes: Uint8Array; redirectTo?: string }>();
  protected readonly events = new EventEmitter();
  private safety: NodeJS.Timeout;
  private closed = false;
  protected port = 0;

  protected constructor(protected readonly options: FakeDiscordOptions) {
    this.events.setMaxListeners(1000);
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    this.safety = setTimeout(() => void this.close(), options.safetyMs ?? 60_000);
    this.safety.unref();
  }

  /** Starts listening on a free loopback port. */
  protected async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
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
    await this.closeGateway();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Closes what a subclass serves on the same port before the HTTP server closes. */
  protected async closeGateway(): Promise<void> {}

  protected messageFrom(body: any, flags: number) {
    return messagePayload(this, body, flags);
  }

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
}
