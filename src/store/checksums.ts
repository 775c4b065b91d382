import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt } from './index-file.js';

/**
 * sha256 of every file of a generation, recorded in its manifest and checked before anything reads
 * them: a native reader (hnswlib) given a damaged file can crash the whole process (exit 139) instead
 * of throwing, so a damaged file must be caught before it gets there.
 */
export type Checksums = Record<string, string>;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checksums of the regular files in `dir`, except those named in `skip` (the manifest, the marker). */
export async function checksumFiles(dir: string, skip: Set<string>): Promise<Checksums> {
  const sums: Checksums = {};
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (skip.has(entry.name)) continue;
    sums[entry.name] = await sha256(path.join(dir, entry.name));
  }
  return sums;
}

/** Throws INDEX_CORRUPT naming the first file that is missing, added or changed since it was written. */
export async function verifyChecksums(dir: string, expected: Checksums, skip: Set<string>, manifestFile: string): Promise<void> {
  const present = (await fs.readdir(dir, { withFileTypes: true })).filter((e) => !skip.has(e.name));
  for (const entry of present) {
    if (!(entry.name in expected)) throw indexCorrupt(path.join(dir, entry.name), `is not listed in ${manifestFile}`);
    if (!entry.isFile()) throw indexCorrupt(path.join(dir, entry.name), 'is not a regular file');
  }
  for (const [name, sum] of Object.entries(expected)) {
    const file = path.join(dir, name);
    if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw indexCorrupt(manifestFile, `lists an odd file name ${JSON.stringify(name)}`);
    const actual = await sha256(file).catch((error: unknown) => {
      throw indexCorrupt(file, 'is missing', error);
    });
    if (actual !== sum) throw indexCorrupt(file, `does not match its checksum in ${manifestFile} (changed or damaged after it was written)`);
  }
}
