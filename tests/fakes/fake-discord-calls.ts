/** What the fake Discord records of each REST call, and the faults a call can be answered with. */

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
