import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { IsnadError } from '../errors.js';

/**
 * Which folders Isnad may write into and clean up. INDEX_DIR carries OWNER_MARKER once Isnad has
 * claimed it; each generation folder (and its temporary form) carries GENERATION_MARKER from the
 * moment it is created. Cleanup removes only what carries a marker, inside a folder that carries one:
 * an INDEX_DIR pointed at a home folder or a clone must never lose `gen-reports/` or `gen-keep/`.
 */
const OWNER_MARKER = '.isnad-index';
export const GENERATION_MARKER = '.isnad-generation';
/** Version of the marker's own format (the index files have FORMAT_VERSION in their manifest). */
const MARKER_VERSION = 1;

/** `gen-<ISO time with : and . as ->-<6 hex>`: the only names CURRENT may point to. */
export const GENERATION_NAME = /^gen-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}$/;
export const TEMP_GENERATION_NAME = /^\.tmp-gen-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}$/;
export const POINTER_TEMP_NAME = /^\.CURRENT\.[0-9a-f]{6}$/;

/** Files a fresh, otherwise empty folder may already hold (the repo's `index/.gitkeep`). */
const HARMLESS = new Set(['.gitkeep', '.DS_Store']);

export function markerText(kind: 'index folder' | 'generation'): string {
  return `${JSON.stringify({ isnad: kind, markerVersion: MARKER_VERSION })}\n`;
}

function unsafe(message: string, details: Record<string, unknown>): IsnadError {
  return new IsnadError('INDEX_DIR_UNSAFE', message, details);
}

/** The real path of `p`, following links in the part that exists (so `docs/../index` and links compare right). */
async function realish(p: string): Promise<string> {
  const missing: string[] = [];
  let existing = path.resolve(p);
  for (;;) {
    try {
      return path.join(await fs.realpath(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(p);
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

function contains(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Refuses an INDEX_DIR that is `/`, the home folder, or overlaps DOCS_DIR (the index would be indexed
 * as a document, and cleanup would run among the documents). Touches nothing.
 */
export async function checkIndexLocation(indexDir: string, docsDir?: string): Promise<void> {
  const index = await realish(indexDir);
  const fix = 'Point INDEX_DIR at a folder of its own, e.g. INDEX_DIR=index (the default).';
  if (index === path.parse(index).root) {
    throw unsafe(`INDEX_DIR ${indexDir} is the filesystem root; Isnad will not write or clean up there. ${fix}`, { indexDir });
  }
  const home = await realish(os.homedir());
  if (index === home) {
    throw unsafe(`INDEX_DIR ${indexDir} is your home folder; Isnad will not write or clean up there. ${fix}`, { indexDir });
  }
  if (docsDir === undefined) return;
  const docs = await realish(docsDir);
  if (index === docs) {
    throw unsafe(`INDEX_DIR and DOCS_DIR are the same folder (${indexDir}): the index would be read back as documents. ${fix}`, { indexDir, docsDir });
  }
  if (contains(docs, index)) {
    throw unsafe(`INDEX_DIR ${indexDir} is inside DOCS_DIR ${docsDir}: the index would be read back as documents. ${fix}`, { indexDir, docsDir });
  }
  if (contains(index, docs)) {
    throw unsafe(`DOCS_DIR ${docsDir} is inside INDEX_DIR ${indexDir}: index cleanup would run among your documents. ${fix}`, { indexDir, docsDir });
  }
}

export type Ownership = 'missing' | 'empty' | 'ours' | 'legacy' | 'foreign';

async function isDirectory(p: string): Promise<boolean> {
  return fs.lstat(p).then((s) => s.isDirectory(), () => false);
}

/**
 * Whose folder `root` is. 'legacy': written by an Isnad from before the marker (only CURRENT,
 * generation folders with a manifest, and leftovers of our exact names), safe to adopt.
 */
export async function ownership(root: string): Promise<Ownership> {
  let entries: string[];
  try {
    entries = await fs.readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw unsafe(`INDEX_DIR ${root} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). Point INDEX_DIR at a folder Isnad may write.`, { indexDir: root });
  }
  if (entries.includes(OWNER_MARKER)) {
    const text = await fs.readFile(path.join(root, OWNER_MARKER), 'utf8').catch(() => '');
    try {
      if ((JSON.parse(text) as { isnad?: unknown }).isnad === 'index folder') return 'ours';
    } catch {
      // falls through: a file of that name we did not write
    }
    return 'foreign';
  }
  const relevant = entries.filter((e) => !HARMLESS.has(e));
  if (relevant.length === 0) return 'empty';
  for (const entry of relevant) {
    const full = path.join(root, entry);
    if (entry === 'CURRENT' || POINTER_TEMP_NAME.test(entry)) {
      if (!(await fs.lstat(full).then((s) => s.isFile(), () => false))) return 'foreign';
    } else if (GENERATION_NAME.test(entry)) {
      if (!(await isDirectory(full)) || !(await fs.lstat(path.join(full, 'manifest.json')).then((s) => s.isFile(), () => false))) return 'foreign';
    } else if (!TEMP_GENERATION_NAME.test(entry) || !(await isDirectory(full))) {
      return 'foreign';
    }
  }
  return 'legacy';
}

export function notOurs(root: string): IsnadError {
  return unsafe(
    `INDEX_DIR ${root} is not empty and was not made by Isnad (it has no ${OWNER_MARKER} file); nothing in it was changed. ` +
      'Point INDEX_DIR at an empty or new folder, e.g. INDEX_DIR=index (the default).',
    { indexDir: root },
  );
}

/** Makes `root` Isnad's (creating it, or adopting an empty or legacy one), or refuses with INDEX_DIR_UNSAFE. */
export async function claimIndexDir(root: string, docsDir?: string): Promise<void> {
  await checkIndexLocation(root, docsDir);
  const owner = await ownership(root);
  if (owner === 'ours') return;
  if (owner === 'foreign') throw notOurs(root);
  await fs.mkdir(root, { recursive: true });
  if (owner === 'legacy') {
    for (const entry of await fs.readdir(root)) {
      if (GENERATION_NAME.test(entry) || TEMP_GENERATION_NAME.test(entry)) {
        // Another process may be renaming its .tmp- folder this very moment: then there is nothing to mark.
        await fs.writeFile(path.join(root, entry, GENERATION_MARKER), markerText('generation')).catch(() => undefined);
      }
    }
  }
  await fs.writeFile(path.join(root, OWNER_MARKER), markerText('index folder'), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error; // another process claimed it a moment ago
  });
}

/** Leftovers younger than this are left alone: another process may still be writing or reading them. */
const STALE_MS = 10 * 60 * 1000;

/**
 * Removes the entries of `root` (a folder the caller found ours) that Isnad made and no one uses: old
 * generations and leftovers of interrupted writes, under their exact names, carrying their marker;
 * never `current`, never recent ones.
 */
export async function removeStaleEntries(root: string, current: string | null): Promise<void> {
  const entries = await fs.readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (full === current) continue;
    const stat = await fs.lstat(full).catch(() => null);
    if (!stat) continue;
    let ours: boolean;
    if (GENERATION_NAME.test(entry) || TEMP_GENERATION_NAME.test(entry)) {
      ours = stat.isDirectory() && (await fs.lstat(path.join(full, GENERATION_MARKER)).then((m) => m.isFile(), () => false));
    } else {
      ours = POINTER_TEMP_NAME.test(entry) && stat.isFile();
    }
    // Another process (the bot while the CLI ingests) may be writing a .tmp, about to point CURRENT
    // at a fresh gen, or still reading the previous one: only leftovers older than that are removed.
    if (ours && Date.now() - stat.mtimeMs > STALE_MS) await fs.rm(full, { recursive: true, force: true }).catch(() => undefined);
  }
}
