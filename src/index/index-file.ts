import { transcode } from 'node:buffer';
import { closeSync } from 'node:fs';
import fs from 'node:fs/promises';
import { IsnadError } from '../errors.js';

/** The one way an unreadable index file is reported: INDEX_CORRUPT, naming the file, so it gets rebuilt. */
export function indexCorrupt(file: string, problem: string, cause?: unknown): IsnadError {
  return new IsnadError('INDEX_CORRUPT', `Index file ${file} ${problem}.`, { file }, cause === undefined ? undefined : { cause });
}

/**
 * The file's bytes, in one buffer of its own (aligned: typed arrays view it as is), read in as few reads
 * as the system allows: fs.readFile reads 512 KB per turn of the event loop, so a file read while the
 * thread is busy (IndexDirectory.loadGeneration reads ahead) crept in 512 KB per turn.
 */
export async function readIndexBytes(file: string): Promise<Buffer> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const bytes = Buffer.allocUnsafeSlow((await handle.stat()).size);
      let at = 0;
      for (let read = -1; read !== 0 && at < bytes.length; at += read) ({ bytesRead: read } = await handle.read(bytes, at, bytes.length - at, at));
      return at === bytes.length ? bytes : bytes.subarray(0, at);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw indexCorrupt(file, 'is missing', error);
  }
}

export async function readIndexText(file: string): Promise<string> {
  return decodeUtf8(await readIndexBytes(file));
}

/** Above this size, UTF-8 is decoded through UTF-16 (see decodeUtf8). */
const TRANSCODE_MIN_BYTES = 1 << 16;

/**
 * The text of UTF-8 bytes. Node 20 decodes non-ASCII UTF-8 at ~120 MB/s (0.5 s for the 61 MB of
 * passage text at 100k Arabic passages, most of a cold load); transcoding to UTF-16 first and reading
 * that is ~5× faster and gives the same string. Small or undecodable inputs take the plain path.
 */
export function decodeUtf8(bytes: Buffer): string {
  if (bytes.length < TRANSCODE_MIN_BYTES) return bytes.toString('utf8');
  try {
    return transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return bytes.toString('utf8');
  }
}

export async function readIndexJson(file: string): Promise<unknown> {
  const text = await readIndexText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw indexCorrupt(file, 'is not valid JSON (truncated or edited by hand?)', error);
  }
}

/**
 * Closes the files a reader of a generation opened at load once the reader itself is gone (a reindex
 * swapped the index out): passage texts, vectors and vector segments are read on demand.
 */
export const closeWhenCollected = new FinalizationRegistry<number | number[]>((fds) => {
  for (const fd of Array.isArray(fds) ? fds : [fds]) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
});
