import type { Collection, IndexStatus } from '../collection.js';
import type { CoreConfig } from '../config.js';
import { IsnadError } from '../errors.js';
import type { OpenOptions } from '../open-collection.js';
import type { Answer } from '../types.js';
import { MergedCollection } from './merged.js';
import { GuildShelf } from './shelf.js';

/** `BASE_DOCS_GUILDS`: which servers see the host's base collection (DOCS_DIR). */
export type BaseGuilds = 'all' | readonly string[];

export interface LibraryOptions {
  /** The host's base collection (DOCS_DIR), already open. */
  base: Collection;
  /** Core settings the servers' collections share (model, vector store, MAX_FILE_BYTES). */
  config: CoreConfig;
  dataDir: string;
  baseGuilds: BaseGuilds;
  /** How each server's collection is opened; pass `loadModel` so all share the one loaded model. */
  open: OpenOptions;
}

/**
 * The collections the bot serves: the base one, and each server's own, opened lazily and kept open.
 * A server sees its own documents plus the base when BASE_DOCS_GUILDS allows; a DM sees the base.
 */
export class Library {
  private readonly shelves = new Map<string, GuildShelf>();

  constructor(private readonly options: LibraryOptions) {}

  get config(): CoreConfig {
    return this.options.config;
  }

  get base(): Collection {
    return this.options.base;
  }

  seesBase(guildId: string): boolean {
    const { baseGuilds } = this.options;
    return baseGuilds === 'all' || baseGuilds.includes(guildId);
  }

  shelf(guildId: string): GuildShelf {
    let shelf = this.shelves.get(guildId);
    if (!shelf) {
      shelf = new GuildShelf(guildId, this.options.dataDir, this.options.config, this.options.open);
      this.shelves.set(guildId, shelf);
    }
    return shelf;
  }

  /** What commands in this place search: never another server's documents. */
  async collectionFor(guildId: string | null): Promise<Collection> {
    if (guildId === null) return this.base;
    const own = await this.shelf(guildId).collection();
    const base = this.seesBase(guildId) ? this.base : null;
    if (own && base) return new MergedCollection(own, base);
    return own ?? base ?? new EmptyCollection(this.base.status());
  }

  close(): void {
    for (const shelf of this.shelves.values()) shelf.close();
  }
}

/** A server that sees no base collection and has added nothing yet: every answer says so. */
class EmptyCollection implements Collection {
  constructor(private readonly like: IndexStatus) {}

  async ask(question: string): Promise<Answer> {
    return { query: question, answered: false, confidence: 0, results: [], closest: [], mode: 'lexical' };
  }
  passage() {
    return undefined;
  }
  searchPassages() {
    return [];
  }
  documents() {
    return [];
  }
  passageAtLine() {
    return undefined;
  }
  async verifyQuotes() {
    return [];
  }
  async documentSpan() {
    return undefined;
  }
  status(): IndexStatus {
    return { ...this.like, docsDir: '', documents: 0, passages: 0, skipped: [], builtAt: null, reindexing: false };
  }
  async prepareSearch(): Promise<void> {}
  close(): void {}
  reindex(): never {
    throw new IsnadError('DOCS_EMPTY', 'This server has no documents yet: add one with /docs add.');
  }
}
