import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt } from '../index/index-file.js';

/**
 * sha256 of every file of a generation, recorded in its manifest and checked before anything reads
 * them: a native reader (hnswlib) given a damaged file can crash the whole process (exit 139) instead
 * of throwing, so a damaged file must be caught before it gets there.
 * Keys are paths relative to the generation folder, with `/` (vectra keeps its files in a subfolder).
 */
export type Checksums = Record<string, string>;

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every entry under `dir` (relative, `/`-separated), except top-level names in `skip`; links are listed as links. */
async function listFiles(dir: string, skip: Set<string>): Promise<Array<{ name: string; isFile: boolean }>> {
  const out: Array<{ name: string; isFile: boolean }> = [];
  const walk = async (sub: string) => {
    const entries = await fs.readdir(path.join(dir, sub), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = sub ? `${sub}/${entry.name}` : entry.name;
      if (!sub && skip.has(name)) continue;
      if (entry.isDirectory()) await walk(name);
      else out.push({ name, isFile: entry.isFile() });
    }
  };
  await walk('');
  return out;
}

/** Checksums of the files under `dir`, except the top-level names in `skip` (the manifest, the marker). */
export async function checksumFiles(dir: string, skip: Set<string>): Promise<Checksums> {
  const sums: Checksums = {};
  for (const { name } of await listFiles(dir, skip)) sums[name] = await sha256(path.join(dir, name));
  return sums;
}

/** Throws INDEX_CORRUPT naming the first file that is missing, added, a link, or changed since it was written. */
export async function verifyChecksums(dir: string, expected: Checksums, skip: Set<string>, manifestFile: string): Promise<void> {
  for (const entry of await listFiles(dir, skip)) {
    const file = path.join(dir, entry.name);
    if (!Object.hasOwn(expected, entry.name)) throw indexCorrupt(file, `is not listed in ${manifestFile}`);
    if (!entry.isFile) throw indexCorrupt(file, 'is not a regular file');
  }
  for (const [name, sum] of Object.entries(expected)) {
    if (name.split('/').some((part) => part === '' || part === '.' || part === '..') || path.isAbsolute(name) || name.includes('\\')) {
      throw indexCorrupt(manifestFile, `lists an odd file name ${JSON.stringify(name.slice(0, 80))}`);
    }
    const file = path.join(dir, name);
    const actual = await sha256(file).catch((error: unknown) => {
      throw indexCorrupt(file, 'is missing', error);
    });
    if (actual !== sum) throw indexCorrupt(file, `does not match its checksum in ${manifestFile} (changed or damaged after it was written)`);
  }
}

/** Throws INDEX_CORRUPT unless `name` in `dir` still has its recorded checksum (one file read again later). */
export async function verifyChecksum(dir: string, name: string, expected: Checksums, manifestFile: string): Promise<void> {
  const file = path.join(dir, name);
  const sum = Object.hasOwn(expected, name) ? expected[name] : undefined;
  if (sum === undefined) throw indexCorrupt(file, `is not listed in ${manifestFile}`);
  const actual = await sha256(file).catch((error: unknown) => {
    throw indexCorrupt(file, 'is missing', error);
  });
  if (actual !== sum) throw indexCorrupt(file, `does not match its checksum in ${manifestFile} (changed or damaged after it was written)`);
}
