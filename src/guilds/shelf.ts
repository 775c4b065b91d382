import fs from 'node:fs/promises';
import path from 'node:path';
import type { Collection } from '../collection.js';
import type { CoreConfig } from '../config.js';
import { IsnadError } from '../errors.js';
import { openCollection, type OpenOptions } from '../open-collection.js';
import { checkUpload, cleanFileName } from './upload-check.js';

/** Who added a file and when: the server's own record (data/guilds/<id>/uploads.json). */
export interface UploadRecord {
  name: string;
  bytes: number;
  addedBy: string;
  addedAt: string;
}

export interface ShelfEntry extends UploadRecord {
  passages: number;
}

export interface Added {
  name: string;
  bytes: number;
  passages: number;
  /** Pages of a PDF; null for documents without pages. */
  pages: number | null;
}

/** Changes this recent are not trusted to have moved an mtime (file times tick coarsely): not cached. */
const RACY_MS = 1_000;

/**
 * One server's documents and index. Changes (add, remove) run one at a time; one that arrives while
 * another, or a /reindex of this server, runs is refused with REINDEX_RUNNING before anything is written.
 */
export class GuildShelf {
  readonly docsDir: string;
  readonly indexDir: string;
  private readonly uploadsFile: string;
  private opened: Promise<Collection | null> | null = null;
  private busy = false;
  /** The document names autocomplete offers, with the folder's and uploads.json's mtimes they were read at. */
  private named: { stamp: string; names: string[] } | null = null;

  constructor(
    readonly guildId: string,
    dataDir: string,
    private readonly base: CoreConfig,
    private readonly options: OpenOptions,
  ) {
    if (!/^\d{1,25}$/.test(guildId)) throw new IsnadError('INTERNAL', 'A server id must be digits.');
    const root = path.join(dataDir, 'guilds', guildId);
    this.docsDir = path.join(root, 'docs');
    this.indexDir = path.join(root, 'index');
    this.uploadsFile = path.join(root, 'uploads.json');
  }

  /** Closes the collection if one was opened; never opens (or builds) one at shutdown. */
  close(): void {
    void this.opened?.then((c) => c?.close(), () => undefined);
  }

  /** This server's own collection, opened on first use; null while it has no documents. */
  collection(): Promise<Collection | null> {
    this.opened ??= this.open().catch((error: unknown) => {
      this.opened = null;
      throw error;
    });
    return this.opened;
  }

  private async open(): Promise<Collection | null> {
    if ((await this.files()).length === 0) return null;
    return openCollection({ ...this.base, docsDir: this.docsDir, indexDir: this.indexDir }, this.options);
  }

  private async files(): Promise<string[]> {
    return fs.readdir(this.docsDir).catch(() => []);
  }

  /**
   * Throws REINDEX_RUNNING while another change or a /reindex of this server's index is running. Never
   * opens the collection (that may build an index, past Discord's 3 s reply deadline): one never opened
   * cannot be reindexing.
   */
  async assertIdle(): Promise<void> {
    const current = this.opened ? await this.opened.catch(() => null) : null;
    if (this.busy || current?.status().reindexing) {
      throw new IsnadError('REINDEX_RUNNING', 'This server\'s index is being updated; nothing was changed. Try again when it is done.');
    }
  }

  /** Runs one change, refusing it when another (or a /reindex) is running. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.assertIdle();
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  async uploads(): Promise<UploadRecord[]> {
    try {
      return JSON.parse(await fs.readFile(this.uploadsFile, 'utf8')) as UploadRecord[];
    } catch {
      return [];
    }
  }

  private async saveUploads(records: UploadRecord[]): Promise<void> {
    const temp = `${this.uploadsFile}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(records, null, 2));
    await fs.rename(temp, this.uploadsFile);
  }

  /** The files with who added them, newest first. */
  private async records(): Promise<UploadRecord[]> {
    const records = new Map((await this.uploads()).map((r) => [r.name, r]));
    const entries = (await this.files()).map((name) => records.get(name) ?? { name, bytes: 0, addedBy: '', addedAt: '' });
    return entries.sort((a, b) => b.addedAt.localeCompare(a.addedAt) || a.name.localeCompare(b.name));
  }

  /** The files with their passages and who added them, newest first. */
  async list(): Promise<ShelfEntry[]> {
    const collection = await this.collection();
    const passages = new Map(collection?.documents().map((d) => [d.source, d.passages]) ?? []);
    return (await this.records()).map((record) => ({ ...record, passages: passages.get(record.name) ?? 0 }));
  }

  /**
   * The files' names in list order, for autocomplete (a call per keystroke): read again only when the
   * folder or uploads.json changed since (their mtimes), so a file added by hand appears as well as an upload.
   */
  async names(): Promise<string[]> {
    const readAt = Date.now();
    const mtimes = await Promise.all([this.docsDir, this.uploadsFile].map((file) => fs.stat(file).then((s) => s.mtimeMs, () => 0)));
    const stamp = mtimes.join(' ');
    if (this.named?.stamp === stamp) return this.named.names;
    const names = (await this.records()).map((r) => r.name);
    // A change within the clock's granularity of the read may keep the mtime: only an older state is kept.
    this.named = readAt - Math.max(...mtimes) > RACY_MS ? { stamp, names } : null;
    return names;
  }

  /** Stores the bytes under a clean unique name and updates the index; on any refusal nothing stays. */
  async add(requestedName: string, bytes: Uint8Array, addedBy: string, now: Date): Promise<Added> {
    const clean = cleanFileName(requestedName);
    const { pages } = await checkUpload(clean, bytes);
    return this.exclusive(async () => {
      await fs.mkdir(this.docsDir, { recursive: true });
      const name = await this.uniqueName(clean);
      const file = path.join(this.docsDir, name);
      await fs.writeFile(file, bytes, { flag: 'wx' });
      try {
        const collection = await this.rebuild();
        const info = collection?.documents().find((d) => d.source === name);
        if (!info || info.passages === 0) {
          const why = collection?.status().skipped.find((s) => s.source === name)?.reason ?? 'no text to quote';
          throw new IsnadError('FILE_UNREADABLE', `${name} was not added: ${why}.`);
        }
        await this.saveUploads([...(await this.uploads()).filter((r) => r.name !== name), { name, bytes: bytes.byteLength, addedBy, addedAt: now.toISOString() }]);
        return { name, bytes: bytes.byteLength, passages: info.passages, pages };
      } catch (error) {
        await fs.rm(file, { force: true });
        await this.rebuild().catch(() => undefined);
        throw error;
      }
    });
  }

  /** Deletes a file and takes its passages out of the index. */
  remove(name: string): Promise<void> {
    return this.exclusive(async () => {
      if (!(await this.files()).includes(name)) {
        throw new IsnadError('SOURCE_NOT_FOUND', `This server has no document named ${name}; see /docs list.`);
      }
      await fs.rm(path.join(this.docsDir, name), { force: true });
      await this.rebuild();
      await this.saveUploads((await this.uploads()).filter((r) => r.name !== name));
    });
  }

  /** Brings the index up to date with the folder (build-then-swap); drops it when no file is left. */
  private async rebuild(): Promise<Collection | null> {
    const current = await this.collection();
    if ((await this.files()).length === 0) {
      current?.close();
      this.opened = Promise.resolve(null);
      await fs.rm(this.indexDir, { recursive: true, force: true });
      return null;
    }
    if (current) {
      await current.reindex();
      return current;
    }
    this.opened = null;
    return this.collection();
  }

  private async uniqueName(name: string): Promise<string> {
    const taken = new Set(await this.files());
    const extension = path.extname(name);
    const stem = name.slice(0, name.length - extension.length);
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}${extension}`;
    return candidate;
  }
}

