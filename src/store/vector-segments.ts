import { closeSync, openSync, readSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { closeWhenCollected, indexCorrupt } from '../index/index-file.js';
import { bytesOf, type RowSource } from './flat-store.js';

/**
 * A graph store's exact vectors by label, in files of SEGMENT_ROWS labels each (`vectors-000000.f32`,
 * raw little-endian floats), instead of one file in passage order. Labels are stable and only ever
 * appended (usearch-store.ts), so an update leaves every full segment as it was: the new generation
 * hard-links it from the previous one (no write, and its checksum is carried over: IndexDirectory.publish)
 * and writes only the last, partial segment and the new ones. The label of a deleted passage keeps its
 * row (never read again) until the next full build renumbers the labels.
 */
export const SEGMENT_ROWS = 4096;

export function segmentName(segment: number): string {
  return `vectors-${String(segment).padStart(6, '0')}.f32`;
}

/** Rows (labels) held by segment `segment` of a store whose labels run below `nextLabel`. */
function rowsIn(segment: number, nextLabel: number, segmentRows: number): number {
  return Math.max(0, Math.min(segmentRows, nextLabel - segment * segmentRows));
}


/**
 * Passage rows read from the segments through the labels (row → label). The files are opened at load,
 * so a generation removed later (tidied) stays readable while the store serves.
 */
export class SegmentedRows implements RowSource {
  private constructor(
    private readonly dir: string,
    private readonly fds: number[],
    private readonly labels: Uint32Array,
    private readonly nextLabel: number,
    private readonly dimensions: number,
    private readonly segmentRows: number,
  ) {
    closeWhenCollected.register(this, fds);
  }

  /** Opens the segments of `dir`; INDEX_CORRUPT when one is missing or not the size its labels need. */
  static async open(dir: string, labels: Uint32Array, nextLabel: number, dimensions: number, segmentRows: number): Promise<SegmentedRows> {
    const fds: number[] = [];
    const count = Math.ceil(nextLabel / segmentRows);
    try {
      for (let segment = 0; segment < count; segment++) {
        const file = path.join(dir, segmentName(segment));
        const expected = rowsIn(segment, nextLabel, segmentRows) * dimensions * 4;
        const bytes = (await fs.stat(file).catch((error: unknown) => Promise.reject(indexCorrupt(file, 'is missing', error)))).size;
        if (bytes !== expected) throw indexCorrupt(file, `has ${bytes} bytes, expected ${expected}`);
        fds.push(openSync(file, 'r'));
      }
    } catch (error) {
      for (const fd of fds) closeSync(fd);
      throw error;
    }
    return new SegmentedRows(dir, fds, labels, nextLabel, dimensions, segmentRows);
  }

  read(row: number, into: Float32Array): Float32Array {
    const label = this.labels[row]!;
    const segment = Math.floor(label / this.segmentRows);
    const bytes = this.dimensions * 4;
    const read = readSync(this.fds[segment]!, bytesOf(into), 0, bytes, (label - segment * this.segmentRows) * bytes);
    if (read !== bytes) throw indexCorrupt(path.join(this.dir, segmentName(segment)), `ends before label ${label} (changed after it was loaded?)`);
    return into;
  }

  /** Each segment read whole (once), its rows placed where their passages are. */
  readAll(count: number): Float32Array {
    const d = this.dimensions;
    const matrix = new Float32Array(count);
    const rowsOf: number[][] = this.fds.map(() => []);
    for (let row = 0; row < count / d; row++) rowsOf[Math.floor(this.labels[row]! / this.segmentRows)]!.push(row);
    const segment = new Float32Array(this.segmentRows * d);
    const bytes = new Uint8Array(segment.buffer);
    this.fds.forEach((fd, s) => {
      if (rowsOf[s]!.length === 0) return;
      let at = 0;
      for (let read = -1; read !== 0 && at < bytes.length; at += read) read = readSync(fd, bytes, at, bytes.length - at, at);
      const needed = rowsIn(s, this.nextLabel, this.segmentRows) * d * 4;
      if (at < needed) throw indexCorrupt(path.join(this.dir, segmentName(s)), `has ${at} bytes, expected ${needed} (changed after it was loaded?)`);
      for (const row of rowsOf[s]!) {
        const k = this.labels[row]! - s * this.segmentRows;
        matrix.set(segment.subarray(k * d, (k + 1) * d), row * d);
      }
    });
    return matrix;
  }
}

export interface SegmentWrite {
  dimensions: number;
  segmentRows: number;
  nextLabel: number;
  /** Label → passage row (−1: a deleted passage's label, or one never used). */
  rowOfLabel: Int32Array;
  rowVector: (row: number) => Float32Array;
  /**
   * The generation whose segments hold the same labels with the same vectors (the store this one was
   * updated from), and its nextLabel: a segment whose label range is the same there is linked, not written.
   */
  linkFrom: { dir: string; nextLabel: number } | null;
}

/** Writes (or links) every segment of a store into `dir`. */
export async function writeSegments(dir: string, job: SegmentWrite): Promise<void> {
  const { dimensions: d, segmentRows, nextLabel, rowOfLabel, linkFrom } = job;
  for (let segment = 0; segment * segmentRows < nextLabel; segment++) {
    const target = path.join(dir, segmentName(segment));
    const rows = rowsIn(segment, nextLabel, segmentRows);
    if (linkFrom && rowsIn(segment, linkFrom.nextLabel, segmentRows) === rows) {
      const linked = await fs.link(path.join(linkFrom.dir, segmentName(segment)), target).then(() => true, () => false);
      if (linked) continue;
    }
    const data = new Float32Array(rows * d);
    for (let k = 0; k < rows; k++) {
      const row = rowOfLabel[segment * segmentRows + k] ?? -1;
      if (row >= 0) data.set(job.rowVector(row), k * d);
    }
    await fs.writeFile(target, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
}
