/** Per-user, per-command cooldown with an injected clock (ms), so tests can move time. */
export type Clock = () => number;

export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: Clock = Date.now) {}

  /**
   * Takes a slot: returns null when the user may go ahead (and starts the cooldown),
   * else the time (ms) from which they may try again.
   */
  take(command: string, userId: string, durationMs: number): number | null {
    if (durationMs <= 0) return null;
    const now = this.clock();
    const key = `${command}:${userId}`;
    const until = this.until.get(key);
    if (until !== undefined && until > now) return until;
    this.until.set(key, now + durationMs);
    if (this.until.size > 10_000) this.sweep(now);
    return null;
  }

  /** Gives the slot back (e.g. the command was refused before doing any work). */
  release(command: string, userId: string): void {
    this.until.delete(`${command}:${userId}`);
  }

  private sweep(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}
