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
  return checkedWords(await readWordsFile(dir), dir, passages, terms);
}

/** The bytes of the generation's words file, or null when it has none (read ahead of the counts `checkedWords` checks them against). */
export async function readWordsFile(dir: string): Promise<Buffer | null> {
  const file = path.join(dir, WORDS_FILE);
  if (!(await fs.stat(file).then((s) => s.isFile(), () => false))) return null;
  return readIndexBytes(file);
}

/** `readWords` of bytes already read (`readWordsFile`). */
export function checkedWords(raw: Buffer | null, dir: string, passages: number, terms: number): PassageWordIds | null {
  if (!raw) return null;
  const file = path.join(dir, WORDS_FILE);
  const count = raw.length >= 8 ? raw.readUInt32LE(0) : -1;
  const total = raw.length >= 8 ? raw.readUInt32LE(4) : -1;
  if (count !== passages || raw.length !== 8 + 4 * (count + 1) + 4 * total) {
    throw indexCorrupt(file, `has ${raw.length} bytes, not the words of ${passages} passages`);
  }
  // Views of the bytes as read, not copies (185 MB at 1M passages: the copy and the garbage collections
  // it set off were a tenth of a cold load); a small file in Node's shared pool may be unaligned: copied.
  const aligned = raw.byteOffset % 4 === 0 ? raw : new Uint8Array(raw);
  const offsets = new Uint32Array(aligned.buffer, aligned.byteOffset + 8, count + 1);
  const ids = new Int32Array(aligned.buffer, aligned.byteOffset + 8 + 4 * (count + 1), total);
  // Term numbers index the lexicon's arrays: every one is checked. Without a branch per word (a number
  // out of −1 … terms − 1 makes `outside` negative): ~2× faster than testing each, 45M words at 1M passages.
  let ok = offsets[0] === 0 && offsets[count] === total;
  for (let row = 0; ok && row < count; row++) ok = offsets[row]! <= offsets[row + 1]!;
  let outside = 0;
  for (let i = 0, last = terms - 1; i < total; i++) outside |= (ids[i]! + 1) | (last - ids[i]!);
  if (!ok || outside < 0) throw indexCorrupt(file, 'is inconsistent with the passages or the lexical index');
  return { offsets, ids };
}
