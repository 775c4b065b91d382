/**
 * The bench's 1 % update as a change to a documents folder: which files it removes, the new documents it
 * adds, and, for the scripts that time an update again and again, the change made so it can be undone.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Prng } from './prng.js';
import { CorpusGenerator, readSeedMaterial } from './synth.js';

/**
 * The files an update of ~1 % of `passages` removes: small files first, in a seeded order, so the change
 * is close to 1 % rather than one long report (scripts/update-share.ts, update-alone.ts and build-then-update.ts remove the same ones).
 */
export function pickUpdateFiles(files: { source: string; passages: number }[], passages: number, seed: number): { sources: string[]; removed: number } {
  const prng = new Prng(seed ^ 0x1dea);
  let removed = 0;
  const sources: string[] = [];
  const candidates = files.map((f) => ({ f, key: prng.next() })).sort((a, b) => a.f.passages - b.f.passages || a.key - b.key);
  for (const { f } of candidates) {
    if (removed >= passages / 100) break;
    if (removed > 0 && removed + f.passages > passages / 50) continue;
    sources.push(f.source);
    removed += f.passages;
  }
  return { sources, removed };
}

/** New documents of about `passages` passages (the synthetic corpus's, from `seed`), written into `dir`. */
export async function writeAddedDocuments(dir: string, seedsDir: string, passages: number, seed: number): Promise<void> {
  const generator = new CorpusGenerator(await readSeedMaterial(seedsDir), { passages, seed });
  await fs.mkdir(dir, { recursive: true });
  for (const doc of generator.documents()) await fs.writeFile(path.join(dir, doc.source), doc.text);
}

/**
 * Makes the update's change in `docsDir`: `sources` moved into `aside` (not deleted: the copy stays the
 * same for the next run), new documents of `removed` passages written into `added` (from the `seeds`
 * folder's material, seed 49, as the bench with seed 42). Returns what undoes it: `added` removed and the files moved back.
 */
export async function changeForUpdate(
  docsDir: string,
  change: { sources: string[]; removed: number },
  folders: { aside: string; added: string; seeds: string },
): Promise<() => Promise<void>> {
  const parked = (source: string) => path.join(folders.aside, source.replaceAll('/', '_'));
  await fs.mkdir(folders.aside, { recursive: true });
  for (const source of change.sources) await fs.rename(path.join(docsDir, source), parked(source));
  if (change.removed > 0) await writeAddedDocuments(folders.added, folders.seeds, change.removed, 49);
  return async () => {
    await fs.rm(folders.added, { recursive: true, force: true });
    for (const source of change.sources) await fs.rename(parked(source), path.join(docsDir, source));
  };
}
