/**
 * Two numbers per row for one question (a candidate's and its neighbours' masks), in typed arrays reused
 * question after question (open addressing, stamped): a Map per question made ~15 KB of garbage per
 * question and feature family, and garbage is what makes the minor GC pauses that land inside answers.
 */
export class RowMemo {
  private rows: Int32Array;
  private stamps: Uint32Array;
  private firsts: Int32Array;
  private seconds: Int32Array;
  private stamp = 1;
  private count = 0;
  /** Where `find` last looked: the row's slot, or the free slot it would take. */
  private slot = 0;

  constructor(capacity = 512) {
    this.rows = new Int32Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
  }

  /** Forgets every row (the next question). */
  clear(): void {
    this.count = 0;
    if (++this.stamp === 0xffffffff) (this.stamps.fill(0), (this.stamp = 1));
  }

  /** Whether the row is kept; its values are then `first()` / `second()`. */
  has(row: number): boolean {
    const mask = this.rows.length - 1;
    let at = Math.imul(row, 0x9e3779b1) >>> 0 & mask;
    while (this.stamps[at] === this.stamp) {
      if (this.rows[at] === row) {
        this.slot = at;
        return true;
      }
      at = (at + 1) & mask;
    }
    this.slot = at;
    return false;
  }

  /** Values of the row `has` found. */
  first(): number {
    return this.firsts[this.slot]!;
  }

  second(): number {
    return this.seconds[this.slot]!;
  }

  /** Keeps the row's values (replacing any it had). */
  set(row: number, first: number, second = 0): void {
    if (2 * (this.count + 1) > this.rows.length) this.grow();
    if (!this.has(row)) {
      this.rows[this.slot] = row;
      this.stamps[this.slot] = this.stamp;
      this.count++;
    }
    this.firsts[this.slot] = first;
    this.seconds[this.slot] = second;
  }

  private grow(): void {
    const { rows, stamps, firsts, seconds, stamp } = this;
    this.rows = new Int32Array(rows.length * 2);
    this.stamps = new Uint32Array(rows.length * 2);
    this.firsts = new Int32Array(rows.length * 2);
    this.seconds = new Int32Array(rows.length * 2);
    this.count = 0;
    for (let at = 0; at < rows.length; at++) if (stamps[at] === stamp) this.set(rows[at]!, firsts[at]!, seconds[at]!);
  }
}
