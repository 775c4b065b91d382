import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexBytes } from '../index/index-file.js';
import type { PassageWordIds } from '../index/snapshot.js';

/**
 * Every passage's analyzed words, as the generation's lexical term numbers, in passage order:
 *   words.bin  u32 × (passages + 1) offsets, then i32 × offsets[passages] term numbers
 * Written by a build and read by the next one: a file whose content is unchanged keeps its passages'
 * words instead of being analyzed again (the costly step of a build), and the BM25 index is rebuilt
 * from them. Not read when an index is served (the lexical index alone answers queries).
 */
export const WORDS_FILE = 'words.bin';

export async function writeWords(dir: string, words: PassageWordIds): Promise<void> {
  const handle = await fs.open(path.join(dir, WORDS_FILE), 'w');
  try {
    await handle.write(new Uint8Array(words.offsets.buffer, words.offsets.byteOffset, words.offsets.byteLength));
    await handle.write(new Uint8Array(words.ids.buffer, words.ids.byteOffset, words.ids.byteLength));
  } finally {
    await handle.close();
  }
}

/** Whether the generation in `dir` kept its words (indexes written before they were are rebuilt from text). */
export async function hasWords(dir: string): Promise<boolean> {
  return fs.access(path.join(dir, WORDS_FILE)).then(
    () => true,
    () => false,
  );
}

/**
 * The words of a generation whose lexical index has `lengths` (terms per passage) and `terms` terms:
 * every row must be as long as the lexical index says and every number one of its terms, so words
 * that belong to another index are refused (INDEX_CORRUPT) rather than indexed under the wrong terms.
 */
export async function readWords(dir: string, lengths: Uint32Array, terms: number): Promise<PassageWordIds> {
  const file = path.join(dir, WORDS_FILE);
  const raw = await readIndexBytes(file);
  const passages = lengths.length;
  const head = 4 * (passages + 1);
  if (raw.length < head || (raw.length - head) % 4 !== 0) throw indexCorrupt(file, `has ${raw.length} bytes, not the words of ${passages} passages`);
  // Copies: the bytes may sit unaligned in Node's buffer pool, and the rows outlive the file's buffer.
  const offsets = new Uint32Array(passages + 1);
  new Uint8Array(offsets.buffer).set(raw.subarray(0, head));
  const ids = new Int32Array((raw.length - head) / 4);
  new Uint8Array(ids.buffer).set(raw.subarray(head));
  if (offsets[0] !== 0 || offsets[passages] !== ids.length) throw indexCorrupt(file, 'has offsets that do not cover its words');
  for (let row = 0; row < passages; row++) {
    if (offsets[row + 1]! - offsets[row]! !== lengths[row]) throw indexCorrupt(file, `disagrees with the lexical index at passage ${row + 1}`);
  }
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]! < 0 || ids[i]! >= terms) throw indexCorrupt(file, `names term ${ids[i]}, past the lexical index's ${terms}`);
  }
  return { offsets, ids };
}
