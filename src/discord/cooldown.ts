/** Per-user, per-command cooldown with an injected clock (ms), so tests can move time. */
export type Clock = () => number;

export class Cooldowns {
  /**
   * Per command, user → time the cooldown ends, in insertion order. A command's duration is fixed and
   * the clock moves forward, so insertion order is expiry order: expired entries are always at the
   * front, and each take removes them from there. Every entry is looked at once when it expires plus
   * once per take, O(1) amortized, where scanning the whole map cost seconds at 40k users.
   */
  private readonly byCommand = new Map<string, Map<string, number>>();
  /** Entries looked at to expire others, over the lifetime (for tests). */
  expiryChecks = 0;

  constructor(private readonly clock: Clock = Date.now) {}

  /**
   * Takes a slot: returns null when the user may go ahead (and starts the cooldown),
   * else the time (ms) from which they may try again.
   */
  take(command: string, userId: string, durationMs: number): number | null {
    if (durationMs <= 0) return null;
    const now = this.clock();
    let until = this.byCommand.get(command);
    if (!until) this.byCommand.set(command, (until = new Map()));
    this.expire(until, now);
    const current = until.get(userId);
    if (current !== undefined && current > now) return current;
    until.delete(userId); // set again below at the end, where the latest expiry belongs
    until.set(userId, now + durationMs);
    return null;
  }

  /** Gives the slot back (e.g. the command was refused before doing any work). */
  release(command: string, userId: string): void {
    this.byCommand.get(command)?.delete(userId);
  }

  /** Users currently held, over all commands. */
  get size(): number {
    let n = 0;
    for (const until of this.byCommand.values()) n += until.size;
    return n;
  }

  private expire(until: Map<string, number>, now: number): void {
    for (const [key, end] of until) {
      this.expiryChecks++;
      if (end > now) return;
      until.delete(key);
    }
  }
}
