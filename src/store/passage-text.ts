import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { closeWhenCollected, indexCorrupt } from '../index/index-file.js';

/** Characters read ahead when passages are read in order (256 KB). */
const BLOCK_CHARS = 1 << 17;
/** Reads in order, each starting where the last ended, before reading ahead. */
const READS_BEFORE_AHEAD = 4;

/** Passages' texts one after the other (a file of them, or an old index's whole text), sliced by character offsets. */
export interface PassageText {
  readonly file: string;
  readonly chars: number;
  /** Characters `from`…`to`. */
  read(from: number, to: number): string;
}

/**
 * A passages*.u16 text part (passage-files.ts), open for as long as its passages live (character n is at byte 2n): a passage's text
 * is one read of its bytes. Opened at load, so a generation tidied away later stays readable. A run of
 * reads in order (writing a reindex, preparing autocomplete) is served from blocks read ahead, so a
 * pass over every passage costs a few hundred reads, not one per passage.
 */
export class Utf16TextFile implements PassageText {
  private block = '';
  private blockStart = 0;
  private lastEnd = -1;
  /** Reads so far that each began where the previous one ended. */
  private inOrder = 0;

  private constructor(
    readonly file: string,
    private readonly fd: number,
    readonly chars: number,
  ) {
    closeWhenCollected.register(this, fd);
  }

  static open(file: string): Utf16TextFile {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw indexCorrupt(file, 'is missing', error);
    }
    const bytes = fstatSync(fd).size;
    if (bytes % 2 !== 0) {
      closeSync(fd);
      throw indexCorrupt(file, `has ${bytes} bytes, an odd number for UTF-16 text`);
    }
    return new Utf16TextFile(file, fd, bytes / 2);
  }

  read(from: number, to: number): string {
    this.inOrder = from === this.lastEnd ? this.inOrder + 1 : 0;
    this.lastEnd = to;
    if (from >= this.blockStart && to <= this.blockStart + this.block.length) return this.block.slice(from - this.blockStart, to - this.blockStart);
    // A few reads in a row first: an answer's shown passages are often neighbours, and read alone.
    const ahead = this.inOrder >= READS_BEFORE_AHEAD;
    const until = ahead ? Math.min(this.chars, Math.max(to, from + BLOCK_CHARS)) : to;
    const bytes = Buffer.allocUnsafe(2 * (until - from));
    const read = bytes.length ? readSync(this.fd, bytes, 0, bytes.length, 2 * from) : 0;
    if (read !== bytes.length) throw indexCorrupt(this.file, 'is shorter than when it was loaded (changed since?)');
    const text = bytes.toString('utf16le');
    if (!ahead) return text;
    this.block = text;
    this.blockStart = from;
    return text.slice(0, to - from);
  }
}
