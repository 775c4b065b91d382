import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError } from '../errors.js';
import { Bm25Index } from '../index/bm25.js';
import { indexCorrupt, readIndexJson } from '../index/index-file.js';
import { parseManifest, type IndexSnapshot } from '../index/snapshot.js';
import type { VectorStore } from '../index/vector-store.js';
import { readPassages, writePassages } from './passage-files.js';
import { loadVectorStore } from './vector-stores.js';

/**
 * On-disk layout of `index/`:
 *   CURRENT            name of the generation being served (replaced atomically by rename)
 *   gen-…/             one complete index: manifest.json (written last), passages.*, lexical.*, vectors
 *   .tmp-…/            a generation being written; a crash leaves it behind and the next start removes it
 * A reader only ever follows CURRENT, so it sees the previous complete index or the new one, never half.
 */
const CURRENT = 'CURRENT';
const MANIFEST = 'manifest.json';
const STALE_MS = 10 * 60 * 1000;

export class IndexDirectory {
  constructor(readonly root: string) {}

  /** The generation CURRENT points to, or null when no index has been built. */
  async currentGeneration(): Promise<string | null> {
    try {
      const name = (await fs.readFile(path.join(this.root, CURRENT), 'utf8')).trim();
      return name === '' ? null : path.join(this.root, name);
    } catch {
      return null;
    }
  }

  async load(): Promise<IndexSnapshot | null> {
    const dir = await this.currentGeneration();
    if (dir === null) return null;
    const manifestFile = path.join(dir, MANIFEST);
    const manifest = parseManifest(await readIndexJson(manifestFile), manifestFile);

    const passages = await readPassages(dir, manifest.passages);

    const lexical = await Bm25Index.load(dir);
    if (lexical.documents !== passages.length) {
      throw indexCorrupt(Bm25Index.fileIn(dir), `covers ${lexical.documents} passages, expected ${passages.length}`);
    }

    let vectors: VectorStore | null = null;
    if (manifest.model) {
      vectors = await loadVectorStore(manifest.vectorStore, dir, manifest.model.dimensions);
      if (vectors.dimensions !== manifest.model.dimensions || vectors.size !== passages.length) {
        throw new IsnadError(
          'INDEX_CORRUPT',
          `Vectors in ${dir} (${vectors.size} × ${vectors.dimensions}) do not match the manifest (${passages.length} × ${manifest.model.dimensions}).`,
          { file: dir },
        );
      }
    }
    return { manifest, passages, lexical, vectors };
  }

  /**
   * Writes a complete generation into a temporary folder, then publishes it by renaming CURRENT.
   * Anything that fails before the final rename leaves the previous index serving.
   */
  async publish(snapshot: IndexSnapshot, onStep?: (done: number, total: number) => void): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    const name = `gen-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const tmp = path.join(this.root, `.tmp-${name}`);
    await fs.mkdir(tmp, { recursive: true });
    try {
      const steps = 4;
      await writePassages(tmp, snapshot.passages);
      onStep?.(1, steps);
      await snapshot.lexical.save(tmp);
      onStep?.(2, steps);
      if (snapshot.vectors) await snapshot.vectors.save(tmp);
      onStep?.(3, steps);
      await fs.writeFile(path.join(tmp, MANIFEST), JSON.stringify(snapshot.manifest, null, 1));
      const final = path.join(this.root, name);
      await fs.rename(tmp, final);
      // Readers that followed CURRENT a moment ago may still be loading the previous generation.
      const previous = await this.currentGeneration();
      if (previous) await fs.utimes(previous, new Date(), new Date()).catch(() => undefined);
      const pointerTmp = path.join(this.root, `.${CURRENT}.${randomBytes(3).toString('hex')}`);
      await fs.writeFile(pointerTmp, name);
      await fs.rename(pointerTmp, path.join(this.root, CURRENT));
      onStep?.(4, steps);
    } catch (error) {
      await fs.rm(tmp, { recursive: true, force: true });
      throw error;
    }
    await this.removeStale();
    return path.join(this.root, name);
  }

  /** Drops old generations and leftovers of interrupted writes (never the current one, never recent ones). */
  async removeStale(): Promise<void> {
    const current = await this.currentGeneration();
    let entries: string[];
    try {
      entries = await fs.readdir(this.root);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(this.root, entry);
      if (full === current || !(entry.startsWith('gen-') || entry.startsWith('.tmp-') || entry.startsWith(`.${CURRENT}.`))) continue;
      // Another process (the bot while the CLI ingests) may be writing a .tmp, about to point CURRENT
      // at a fresh gen, or still reading the previous one: only leftovers older than that are removed.
      const age = await fs.stat(full).then((s) => Date.now() - s.mtimeMs, () => 0);
      const stale = age > STALE_MS;
      if (stale) await fs.rm(full, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
