import type { SearchTextChunk } from '../index/snapshot.js';
import { lastStartAtOrBefore } from '../text/lines.js';
import { normalize } from '../text/normalize.js';
import type { Passage } from '../types.js';

/** Characters normalized per slice before yielding to the event loop (a few ms of work). */
const SLICE_CHARS = 100_000;
const SEPARATOR = '\u0000';

function searchable(text: string): string {
  return normalize(text).replace(/\s+/g, ' ').replaceAll(SEPARATOR, '');
}

/** The normalized texts of consecutive rows, joined by SEPARATOR (one native indexOf searches them all), and where each row's starts. */
type Chunk = SearchTextChunk;

/**
 * Autocomplete over passage ids and normalized texts. Normalizing 100k passages takes seconds, which
 * on the first keystroke blocked every user: the texts are normalized when an index loads, in slices
 * that yield to the event loop, and a keystroke searches what is ready plus at most one slice more
 * (ids are always searched in full).
 */
export class PassageSearch {
  private readonly chunks: Chunk[] = [];
  private rowsReady = 0;
  private stopped = false;
  private building: Promise<void> | null = null;

  /** `prepared`: chunks covering every passage, as another thread's `prepared()` gave them: nothing left to normalize. */
  constructor(
    private readonly passages: Passage[],
    prepared?: readonly Chunk[],
  ) {
    const last = prepared?.at(-1);
    if (prepared && (prepared.length === 0 ? passages.length === 0 : last!.firstRow + last!.starts.length === passages.length)) {
      this.chunks.push(...prepared);
      this.rowsReady = passages.length;
      this.building = Promise.resolve();
    }
  }

  /** Every passage's normalized text, once `prepare` has finished (for a reindex worker to hand over). */
  prepared(): readonly Chunk[] | null {
    return this.complete ? this.chunks : null;
  }

  /** Starts normalizing (once) and resolves when every passage is searchable by text. */
  prepare(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  /** Stops a build in progress (the index was replaced or the process is closing). */
  stop(): void {
    this.stopped = true;
  }

  get complete(): boolean {
    return this.rowsReady === this.passages.length;
  }

  private async build(): Promise<void> {
    let row = 0;
    while (row < this.passages.length && !this.stopped) {
      const firstRow = row;
      const parts: string[] = [];
      const starts: number[] = [];
      let length = 0;
      while (row < this.passages.length && length < SLICE_CHARS) {
        const text = searchable(this.passages[row]!.text);
        starts.push(length);
        parts.push(text);
        length += text.length + SEPARATOR.length;
        row++;
      }
      this.chunks.push({ firstRow, text: parts.join(SEPARATOR), starts });
      this.rowsReady = row;
      if (row < this.passages.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Passages whose id starts with `query`, then those whose text contains it (normalized), in index order. */
  search(query: string, limit: number): Passage[] {
    const q = query.trim().toLowerCase();
    if (q === '') return this.passages.slice(0, limit);
    const found: Passage[] = [];
    for (const p of this.passages) {
      if (!p.id.startsWith(q)) continue;
      found.push(p);
      if (found.length >= limit) return found;
    }
    const needle = searchable(q);
    if (needle === '') return found;
    for (const chunk of this.chunks) {
      let at = chunk.text.indexOf(needle);
      while (at !== -1) {
        const k = lastStartAtOrBefore(chunk.starts, at); // the row whose text holds `at`
        const p = this.passages[chunk.firstRow + k]!;
        if (!p.id.startsWith(q)) found.push(p);
        if (found.length >= limit) return found;
        const next = chunk.starts[k + 1];
        if (next === undefined) break;
        at = chunk.text.indexOf(needle, next);
      }
    }
    // Rows not prepared yet (a small collection nobody prepared, or a build under way): a bounded scan.
    let budget = SLICE_CHARS;
    for (let row = this.rowsReady; row < this.passages.length && budget > 0; row++) {
      const p = this.passages[row]!;
      budget -= p.text.length;
      if (!p.id.startsWith(q) && searchable(p.text).includes(needle)) found.push(p);
      if (found.length >= limit) return found;
    }
    return found;
  }
}
