import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexBytes } from '../index/index-file.js';
import type { PassageWordIds } from '../index/snapshot.js';

/**
 * Every passage's analyzed words, as the build that indexed them produced them (lexical term numbers):
 * without them a loaded index analyzes all its passages again before ranking at full quality, the
 * slowest step after a start (tens of seconds at 100k passages) and a burst of garbage.
 *   words.bin  u32 passages · u32 words · u32 × (passages + 1) offsets · i32 × words term numbers
 * Absent in indexes written before it, or by a build that kept no words: passages are analyzed then.
 */
export const WORDS_FILE = 'words.bin';

export async function writeWords(dir: string, words: PassageWordIds): Promise<void> {
  const head = Uint32Array.of(words.offsets.length - 1, words.ids.length);
  const parts = [head, words.offsets, words.ids].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  // The parts one after the other, not first copied into one buffer (185 MB at 1M passages).
  await fs.writeFile(path.join(dir, WORDS_FILE), parts);
}

/** The words of `passages` passages over a lexicon of `terms` terms, or null when the generation has none. */
export async function readWords(dir: string, passages: number, terms: number): Promise<PassageWordIds | null> {
  const file = path.join(dir, WORDS_FILE);
  if (!(await fs.stat(file).then((s) => s.isFile(), () => false))) return null;
  const raw = await readIndexBytes(file);
  const count = raw.length >= 8 ? raw.readUInt32LE(0) : -1;
  const total = raw.length >= 8 ? raw.readUInt32LE(4) : -1;
  if (count !== passages || raw.length !== 8 + 4 * (count + 1) + 4 * total) {
    throw indexCorrupt(file, `has ${raw.length} bytes, not the words of ${passages} passages`);
  }
  const offsets = new Uint32Array(count + 1);
  const ids = new Int32Array(total);
  new Uint8Array(offsets.buffer).set(raw.subarray(8, 8 + offsets.byteLength));
  new Uint8Array(ids.buffer).set(raw.subarray(8 + offsets.byteLength));
  // Term numbers index the lexicon's arrays: every one is checked (a few ms for 4M words).
  let ok = offsets[0] === 0 && offsets[count] === total;
  for (let row = 0; ok && row < count; row++) ok = offsets[row]! <= offsets[row + 1]!;
  for (let i = 0; ok && i < total; i++) ok = ids[i]! >= -1 && ids[i]! < terms;
  if (!ok) throw indexCorrupt(file, 'is inconsistent with the passages or the lexical index');
  return { offsets, ids };
}
