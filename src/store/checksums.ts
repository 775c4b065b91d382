import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexJson } from '../index/index-file.js';
import { parseManifest } from '../index/snapshot.js';

/**
 * sha256 of every file of a generation, recorded in its manifest: a native reader (hnswlib, usearch)
 * given a damaged file can crash the whole process (exit 139) instead of throwing, so a damaged file
 * must be caught before it gets there.
 * Keys are paths relative to the generation folder, with `/` (vectra keeps its files in a subfolder).
 */
export type Checksums = Record<string, string>;

/**
 * Size and modification time of each file as published. Hashing every file at every load cost most of
 * a cold load (~360 MB at 100k passages); a file whose stamp is unchanged is not re-hashed, one whose
 * size or time differs is hashed in full and must match its checksum. Publishing sets every file's
 * time to a moment before it finished, so any later write (even of the same size, within the clock's
 * few-ms granularity) gets a different time. `checkAll` hashes every file regardless (`ingest --check`).
 */
export type Stamps = Record<string, { bytes: number; mtimeMs: number }>;

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

/**
 * Checksums and stamps of the files under `dir`, except the top-level names in `skip` (the manifest,
 * the marker). Each file's time is first set to `stampTime`, a moment before this publish ended.
 */
export async function checksumFiles(
  dir: string,
  skip: Set<string>,
  stampTime = new Date(Date.now() - 1000),
  linkedFrom: LinkedFrom | null = null,
): Promise<{ checksums: Checksums; stamps: Stamps }> {
  const checksums: Checksums = {};
  const stamps: Stamps = {};
  for (const { name } of await listFiles(dir, skip)) {
    const file = path.join(dir, name);
    const carried = linkedFrom ? await carriedOver(file, name, linkedFrom) : null;
    if (carried) {
      // The previous generation's very file (a hard link), as published: its time must not be touched.
      checksums[name] = carried.checksum;
      stamps[name] = carried.stamp;
      continue;
    }
    checksums[name] = await sha256(file);
    await fs.utimes(file, stampTime, stampTime);
    const stat = await fs.stat(file);
    stamps[name] = { bytes: stat.size, mtimeMs: stat.mtimeMs };
  }
  return { checksums, stamps };
}

/** A published generation whose files a new one may hard-link (see carriedOver). */
export interface LinkedFrom {
  dir: string;
  checksums: Checksums;
  stamps?: Stamps;
}

/**
 * The checksum and stamp of `file` when it is the very file (same device and inode) of the same name
 * in the published generation `from`, with the stamp recorded there: trusted as a load trusts it.
 */
async function carriedOver(file: string, name: string, from: LinkedFrom): Promise<{ checksum: string; stamp: Stamps[string] } | null> {
  const checksum = Object.hasOwn(from.checksums, name) ? from.checksums[name] : undefined;
  const stamp = from.stamps && Object.hasOwn(from.stamps, name) ? from.stamps[name] : undefined;
  if (checksum === undefined || stamp === undefined) return null;
  const [mine, theirs] = await Promise.all([fs.lstat(file), fs.lstat(path.join(from.dir, name)).catch(() => null)]);
  if (!theirs?.isFile() || !mine.isFile() || mine.ino !== theirs.ino || mine.dev !== theirs.dev) return null;
  return mine.size === stamp.bytes && mine.mtimeMs === stamp.mtimeMs ? { checksum, stamp } : null;
}

export interface Expected {
  checksums: Checksums;
  /** Absent in indexes written before stamps: every file is then hashed. */
  stamps?: Stamps;
}

/**
 * Throws INDEX_CORRUPT naming the first file that is missing, added, a link, or changed since it was
 * written. A file with its published stamp is trusted without hashing, unless `checkAll`.
 */
export async function verifyChecksums(dir: string, expected: Expected, skip: Set<string>, manifestFile: string, checkAll = false): Promise<void> {
  for (const entry of await listFiles(dir, skip)) {
    const file = path.join(dir, entry.name);
    if (!Object.hasOwn(expected.checksums, entry.name)) throw indexCorrupt(file, `is not listed in ${manifestFile}`);
    if (!entry.isFile) throw indexCorrupt(file, 'is not a regular file');
  }
  for (const [name, sum] of Object.entries(expected.checksums)) {
    if (name.split('/').some((part) => part === '' || part === '.' || part === '..') || path.isAbsolute(name) || name.includes('\\')) {
      throw indexCorrupt(manifestFile, `lists an odd file name ${JSON.stringify(name.slice(0, 80))}`);
    }
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch((error: unknown) => {
      throw indexCorrupt(file, 'is missing', error);
    });
    const stamp = expected.stamps && Object.hasOwn(expected.stamps, name) ? expected.stamps[name] : undefined;
    if (!checkAll && stamp && stamp.bytes === stat.size && stamp.mtimeMs === stat.mtimeMs) continue;
    await matchChecksum(file, sum, manifestFile);
  }
}

/** Throws INDEX_CORRUPT unless `name` in `dir` still has its recorded checksum (one file read again later). */
export async function verifyChecksum(dir: string, name: string, expected: Checksums, manifestFile: string): Promise<void> {
  const file = path.join(dir, name);
  const sum = Object.hasOwn(expected, name) ? expected[name] : undefined;
  if (sum === undefined) throw indexCorrupt(file, `is not listed in ${manifestFile}`);
  await matchChecksum(file, sum, manifestFile);
}

async function matchChecksum(file: string, sum: string, manifestFile: string): Promise<void> {
  const actual = await sha256(file).catch((error: unknown) => {
    throw indexCorrupt(file, 'is missing', error);
  });
  if (actual !== sum) throw indexCorrupt(file, `does not match its checksum in ${manifestFile} (changed or damaged after it was written)`);
}

/**
 * Generation `dir` (the one CURRENT points to), with the checksums and stamps its `manifestName` was
 * published with: a new one carries them over for the files it hard-linked from there (vector segments)
 * instead of hashing them. Null when there is none or its manifest does not read.
 */
export async function linkedFrom(dir: string | null, manifestName: string): Promise<LinkedFrom | null> {
  if (!dir) return null;
  try {
    const manifestFile = path.join(dir, manifestName);
    const manifest = parseManifest(await readIndexJson(manifestFile), manifestFile);
    return { dir, checksums: manifest.checksums, ...(manifest.stamps ? { stamps: manifest.stamps } : {}) };
  } catch {
    return null;
  }
}
