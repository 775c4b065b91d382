import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IsnadError, isIsnadError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Passage, Progress } from '../types.js';
import { Bm25Index } from '../index/bm25.js';
import { indexCorrupt, readIndexJson } from '../index/index-file.js';
import { parseManifest, type IndexSnapshot, type PassageWordIds, type PreviousIndex, type StoredManifest } from '../index/snapshot.js';
import type { VectorStore } from '../index/vector-store.js';
import { writeExtracted } from './extracted-files.js';
import { keptWork } from './kept-work.js';
import { readPassages, writePassages } from './passage-files.js';
import { checkedWords, readWords, readWordsFile, WORDS_FILE, writeWords } from './word-files.js';
import { loadVectorStore, readAheadVectorStore } from './vector-stores.js';
import { checksumFiles, linkedFrom, verifyChecksum, verifyChecksums } from './checksums.js';
import { GENERATION_MARKER, GENERATION_NAME, claimIndexDir, checkIndexLocation, markerText, notOurs, ownership, removeStaleEntries } from './index-owner.js';

/**
 * On-disk layout of `index/`:
 *   .isnad-index       marks the folder as Isnad's (see index-owner.ts); nothing is written without it
 *   CURRENT            name of the generation being served (replaced atomically by rename)
 *   gen-…/             one complete index: .isnad-generation, manifest.json (written last, with the
 *                      checksum of every other file), passages.*, lexical.*, words.bin (read at load
 *                      for ranking, and kept by the next build; word-files.ts), extracted.*, vectors
 *   .tmp-gen-…/        a generation being written; a crash leaves it behind and a later run removes it
 * A reader only ever follows CURRENT, so it sees the previous complete index or the new one, never half.
 */
const CURRENT = 'CURRENT';
const MANIFEST = 'manifest.json';

const NOT_CHECKSUMMED = new Set([MANIFEST, GENERATION_MARKER]);

export class IndexDirectory {
  /** `docsDir`, when given, is checked not to overlap the index folder before anything is written. */
  constructor(
    readonly root: string,
    readonly docsDir?: string,
  ) {}

  /**
   * The generation CURRENT points to, or null when no index has been built. Only a name of our own
   * pattern, naming a real folder directly inside the index folder, is accepted: a CURRENT edited to
   * `../elsewhere/g` must not make the bot serve (and cite) an index from outside.
   */
  async currentGeneration(): Promise<string | null> {
    let name: string;
    try {
      name = (await fs.readFile(path.join(this.root, CURRENT), 'utf8')).trim();
    } catch {
      return null;
    }
    if (name === '') return null;
    const file = path.join(this.root, CURRENT);
    if (!GENERATION_NAME.test(name)) throw indexCorrupt(file, `names ${JSON.stringify(name.slice(0, 80))}, which is not an index generation of this folder`);
    const dir = path.join(this.root, name);
    const stat = await fs.lstat(dir).catch(() => null);
    if (!stat?.isDirectory()) throw indexCorrupt(file, `names ${name}, which is not a folder here (missing, or a link)`);
    return dir;
  }

  /** Like currentGeneration, but a bad CURRENT counts as none (for writers, which replace it). */
  private async currentOrNull(): Promise<string | null> {
    return this.currentGeneration().catch(() => null);
  }

  /** Throws INDEX_DIR_UNSAFE, touching nothing, unless this folder may hold Isnad's index; says whether it holds any. */
  async checkUsable(): Promise<'none' | 'some'> {
    await checkIndexLocation(this.root, this.docsDir);
    const owner = await ownership(this.root);
    if (owner === 'foreign') throw notOurs(this.root);
    return owner === 'missing' || owner === 'empty' ? 'none' : 'some';
  }

  async load(): Promise<IndexSnapshot | null> {
    return this.loadChecked(await this.checkUsable());
  }

  /** `load` for a caller that ran checkUsable itself (before a model load, to fail before it): what it answered. */
  async loadChecked(usable: 'none' | 'some'): Promise<IndexSnapshot | null> {
    if (usable === 'none') return null;
    const dir = await this.currentGeneration();
    if (dir === null) return null;
    return this.loadGeneration(dir);
  }

  /**
   * The manifest of the generation in `dir`, its files checked against their checksums: those whose
   * size or time changed since publishing, or all of them with `checkAll` (see checksums.ts).
   */
  private async verifiedManifest(dir: string, checkAll = false): Promise<StoredManifest> {
    const manifestFile = path.join(dir, MANIFEST);
    const manifest = parseManifest(await readIndexJson(manifestFile), manifestFile);
    // Before any reader, native or not, touches the files.
    await verifyChecksums(dir, manifest, NOT_CHECKSUMMED, manifestFile, checkAll);
    return manifest;
  }

  /**
   * Hashes every file of the current generation against its checksum (`npm run ingest -- --check`):
   * what a load skips for files whose size and time are as published. Throws INDEX_CORRUPT naming the
   * first damaged file; returns how many files were checked, or null when there is no index.
   */
  async check(): Promise<{ generation: string; files: number } | null> {
    if ((await this.checkUsable()) === 'none') return null;
    const dir = await this.currentGeneration();
    if (dir === null) return null;
    const manifest = await this.verifiedManifest(dir, true);
    return { generation: dir, files: Object.keys(manifest.checksums).length };
  }

  /**
   * One generation (a folder of this index), whole: what a reindex built off the main thread is served
   * from. `words`: the passages' words the worker that built it already holds (not read from disk again).
   */
  async loadGeneration(dir: string, words?: PassageWordIds): Promise<IndexSnapshot> {
    if (path.resolve(path.dirname(dir)) !== path.resolve(this.root) || !GENERATION_NAME.test(path.basename(dir))) {
      throw indexCorrupt(dir, `is not an index generation of ${this.root}`);
    }
    const manifest = await this.verifiedManifest(dir);
    // Files read by libuv's threads while this one makes the passages (1.1 GB at 1M), not one after the other.
    const stopVectorsRead = readAheadVectorStore(manifest.model ? manifest.vectorStore : 'flat', dir);
    const [passages, lexical, wordBytes] = await Promise.all([readPassages(dir, manifest.passages), Bm25Index.load(dir), words ? null : readWordsFile(dir)]).finally(stopVectorsRead);
    if (lexical.documents !== passages.length) throw indexCorrupt(Bm25Index.fileIn(dir), `covers ${lexical.documents} passages, expected ${passages.length}`);
    const known = words ?? checkedWords(wordBytes, dir, passages.length, lexical.offsets.length - 1);
    const vectors = await this.loadVectors(dir, manifest, passages);
    return { manifest, passages, lexical, vectors, generation: dir, ...(known ? { words: known } : {}) };
  }

  /**
   * What a rebuild reuses from a generation: its manifest (to see what changed), its vectors (not
   * re-embedded when their passage is unchanged) and, when it kept its words, every file's passages
   * and words (not chunked and analyzed again when the file is unchanged).
   */
  async loadReusable(dir: string): Promise<PreviousIndex> {
    const { manifest, vectors, passages, lexical, words } = await this.loadGeneration(dir);
    return { manifest, vectors, kept: words ? await keptWork(dir, passages, lexical, words) : null };
  }

  /**
   * A served index (loaded earlier, or just built) with what its generation kept for the next build:
   * its words, when not in memory, are read again, checked against their checksum, as its other files
   * were at load. An index without them, or whose words no longer check out, is rebuilt from the text
   * (slower, the same index).
   */
  async withKeptWork(snapshot: IndexSnapshot, log?: Logger): Promise<PreviousIndex> {
    const dir = snapshot.generation;
    if (!dir) return snapshot;
    let words = snapshot.words?.offsets.length === snapshot.passages.length + 1 ? snapshot.words : null;
    try {
      if (!words) {
        const checksums = snapshot.manifest.checksums ?? {};
        if (!Object.hasOwn(checksums, WORDS_FILE)) return snapshot;
        await verifyChecksum(dir, WORDS_FILE, checksums, path.join(dir, MANIFEST));
        words = await readWords(dir, snapshot.passages.length, snapshot.lexical.offsets.length - 1);
        if (!words) return snapshot;
      }
      return { ...snapshot, kept: await keptWork(dir, snapshot.passages, snapshot.lexical, words) };
    } catch (error) {
      if (!isIsnadError(error, 'INDEX_CORRUPT')) throw error;
      log?.warn(`${error.message} Analyzing every passage again.`);
      return snapshot;
    }
  }

  private async loadVectors(dir: string, manifest: StoredManifest, passages: readonly Passage[]): Promise<VectorStore | null> {
    if (!manifest.model) return null;
    const vectors = await loadVectorStore(manifest.vectorStore, dir, manifest.model.dimensions, passages.map((p) => p.id));
    if (vectors.dimensions !== manifest.model.dimensions || vectors.size !== manifest.passages) {
      throw new IsnadError(
        'INDEX_CORRUPT',
        `Vectors in ${dir} (${vectors.size} × ${vectors.dimensions}) do not match the manifest (${manifest.passages} × ${manifest.model.dimensions}).`,
        { file: dir },
      );
    }
    return vectors;
  }

  /**
   * Publishes a rebuild, or when it changed nothing writes nothing (an identical generation would only
   * cost disk space) and only tidies: the folder stays claimed and old generations expire. Null then.
   */
  async publishUnlessUnchanged(snapshot: IndexSnapshot, nothingChanged: boolean, onProgress?: (progress: Progress) => void): Promise<string | null> {
    if (!nothingChanged) return this.publish(snapshot, onProgress);
    await this.tidy();
    return null;
  }

  /**
   * Writes a complete generation into a temporary folder, then publishes it by renaming CURRENT.
   * Anything that fails before the final rename leaves the previous index serving.
   */
  async publish(snapshot: IndexSnapshot, onProgress?: (progress: Progress) => void): Promise<string> {
    const onStep = (done: number, total: number) => onProgress?.({ phase: 'write', done, total });
    await claimIndexDir(this.root, this.docsDir);
    const name = `gen-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const tmp = path.join(this.root, `.tmp-${name}`);
    await fs.mkdir(tmp);
    try {
      await fs.writeFile(path.join(tmp, GENERATION_MARKER), markerText('generation'));
      const steps = 4;
      await writePassages(tmp, snapshot.passages, snapshot.builtFrom ?? null);
      if (snapshot.extracted) await writeExtracted(tmp, snapshot.extracted, snapshot.builtFrom ?? null);
      onStep(1, steps);
      await snapshot.lexical.save(tmp);
      if (snapshot.words) await writeWords(tmp, snapshot.words);
      onStep(2, steps);
      if (snapshot.vectors) await snapshot.vectors.save(tmp, snapshot.passages.map((p) => p.id));
      onStep(3, steps);
      const { checksums, stamps } = await checksumFiles(tmp, NOT_CHECKSUMMED, undefined, await linkedFrom(await this.currentOrNull(), MANIFEST));
      await fs.writeFile(path.join(tmp, MANIFEST), JSON.stringify({ ...snapshot.manifest, checksums, stamps }, null, 1));
      const final = path.join(this.root, name);
      await fs.rename(tmp, final);
      // Readers that followed CURRENT a moment ago may still be loading the previous generation.
      const previous = await this.currentOrNull();
      if (previous) await fs.utimes(previous, new Date(), new Date()).catch(() => undefined);
      const pointerTmp = path.join(this.root, `.${CURRENT}.${randomBytes(3).toString('hex')}`);
      await fs.writeFile(pointerTmp, name);
      await fs.rename(pointerTmp, path.join(this.root, CURRENT));
      onStep(4, steps);
    } catch (error) {
      await fs.rm(tmp, { recursive: true, force: true });
      throw error;
    }
    await this.removeStale();
    return path.join(this.root, name);
  }

  /** What a publish does besides writing a generation (claim a legacy folder, clean up), for a reindex that found nothing to write. */
  async tidy(): Promise<void> {
    await claimIndexDir(this.root, this.docsDir);
    await this.removeStale();
  }

  /**
   * Drops old generations and leftovers of interrupted writes (never the current one, never recent
   * ones), and only what Isnad made: in a folder it owns, under its exact names, carrying its marker.
   */
  async removeStale(): Promise<void> {
    if ((await ownership(this.root).catch(() => 'foreign' as const)) !== 'ours') return;
    await removeStaleEntries(this.root, await this.currentOrNull());
  }
}
