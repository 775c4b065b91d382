import fs from 'node:fs/promises';
import path from 'node:path';
import { indexCorrupt, readIndexJson } from '../index/index-file.js';

/** A vector store's ids file (vector-ids.json): `{ dimensions, ids }`, its ids in row order. */
const IDS_FILE = 'vector-ids.json';

export async function writeIds(dir: string, dimensions: number, ids: readonly string[]): Promise<void> {
  await fs.writeFile(path.join(dir, IDS_FILE), JSON.stringify({ dimensions, ids }));
}

export async function readIds(dir: string): Promise<{ dimensions: number; ids: string[] }> {
  const idsPath = path.join(dir, IDS_FILE);
  const header = (await readIndexJson(idsPath)) as { dimensions: number; ids: string[] };
  if (!Number.isInteger(header.dimensions) || header.dimensions <= 0 || !Array.isArray(header.ids)) {
    throw indexCorrupt(idsPath, 'has no valid dimensions/ids');
  }
  return header;
}

/** Whether `a` and `b` are the same ids in the same order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The ids of a store whose recorded meta (`file`) says they are the passages' (`ids: 'passages'`, with
 * its `dimensions`), or null when it has its own ids file. Not writing the same 1M ids twice saves
 * their parse at load (0.2 s of a 2.3 s cold load at 1M passages) and their strings; such a store is
 * loaded with its index's passage ids (IndexDirectory).
 */
export function idsKeptWith(meta: { ids?: unknown; dimensions?: unknown }, file: string, passageIds: readonly string[] | undefined): { dimensions: number; ids: string[] } | null {
  if (meta.ids === undefined) return null;
  const { dimensions } = meta;
  if (meta.ids !== 'passages' || !Number.isInteger(dimensions) || (dimensions as number) <= 0) throw indexCorrupt(file, 'has no valid ids/dimensions');
  if (!passageIds) throw indexCorrupt(file, "keeps its vectors' ids with the passages, and was loaded without them");
  return { dimensions: dimensions as number, ids: [...passageIds] };
}
