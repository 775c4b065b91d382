import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type IsnadError } from '../errors.js';
import type { Passage } from '../types.js';
import type { Bm25Index } from './bm25.js';
import { indexCorrupt } from './index-file.js';
import { VECTOR_STORE_KINDS, type VectorStore } from './vector-store.js';

/** What one index generation holds: store writes and reads it, retrieve queries it, neither imports the other. */
/**
 * 2: the manifest records the sha256 of every other file of its generation. 3: passage texts in parts
 * (store/passage-files.ts), and a usearch store whose ids are the passages' keeps no vector-ids.json
 * (usearch.json says `ids: 'passages'`). An older Isnad cannot read 3: it finds the manifest inconsistent
 * (INDEX_CORRUPT) and rebuilds. A generation of 2 is still read as it was written (its files say which
 * layout they use); the next update writes 3. 4: a new usearch graph's keys are its labels mixed (usearch.json
 * `shape.keys`, store/graph-shape.ts): an older Isnad would read them as labels, so it must reject 4 and rebuild.
 * Generations of 2 and 3 are read as written; a patched graph keeps the keys it was built with.
 */
export const FORMAT_VERSION = 4;
const OLDEST_FORMAT_READ = 2;

/** A skipped file's code: one of ours; a code this version no longer has is dropped (the reason stays), not the index. */
const skipCode = z
  .enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])
  .optional()
  .catch(undefined);

const manifestSchema = z.object({
  formatVersion: z.number().int().min(OLDEST_FORMAT_READ).max(FORMAT_VERSION),
  chunkerVersion: z.number().int(),
  analyzerVersion: z.number().int(),
  /** Document reader name → version (indexes from before readers were recorded read as {}, so they are rebuilt once). */
  readers: z.record(z.number().int()).default({}),
  /** `variant`: the settings besides the id that change vectors (dtype, instruction prefixes). */
  model: z.object({ id: z.string(), dimensions: z.number().int().positive(), variant: z.string() }).nullable(),
  vectorStore: z.enum(VECTOR_STORE_KINDS),
  docsDir: z.string(),
  builtAt: z.string(),
  passages: z.number().int().nonnegative(),
  files: z.array(
    z.object({
      source: z.string(),
      hash: z.string(),
      bytes: z.number().int().nonnegative(),
      mtimeMs: z.number(),
      passages: z.number().int().nonnegative(),
      /**
       * With `ino`, the rest of the file's stamp, recorded only when it had settled (see FileEntry.settled):
       * the next build takes a file with this very stamp as unchanged without reading it (KeptFiles.unreadDocument in ingest/kept-files.ts).
       */
      ctimeMs: z.number().optional(),
      ino: z.number().optional(),
    }),
  ),
  /** Size and mtime of skipped files, so fixing one is noticed as a change. */
  skipped: z.array(z.object({ source: z.string(), reason: z.string(), code: skipCode, bytes: z.number().optional(), mtimeMs: z.number().optional() })),
  /** sha256 of every other file of the generation (relative path → hex), filled in when it is published. */
  checksums: z.record(z.string(), z.string()),
  /** Size and time of every other file as published: an unchanged one is not re-hashed at load (store/checksums.ts). */
  stamps: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), mtimeMs: z.number() })).optional(),
});

/** A manifest as read from disk: always with checksums. */
export type StoredManifest = z.infer<typeof manifestSchema>;
/** In memory a manifest has no checksums until it is published. */
export type Manifest = Omit<StoredManifest, 'checksums' | 'readers'> & { checksums?: Record<string, string>; readers?: Record<string, number> };

/** A document's text as its reader extracted it: what its passages are slices of. */
export interface ExtractedText {
  source: string;
  text: string;
  /** Offsets where each page starts, for documents with pages. */
  pages?: number[];
  /** The very text the generation this one was built from holds for this source (its part is linked, not written). */
  unchanged?: boolean;
}

/** A complete index held in memory. */
export interface IndexSnapshot {
  manifest: Manifest;
  passages: Passage[];
  /** Written with a new generation (extracted.txt); not loaded with the index. */
  extracted?: ExtractedText[];
  /** The generation a build was made from: what it kept unchanged is linked from there when published. */
  builtFrom?: string;
  lexical: Bm25Index;
  vectors: VectorStore | null;
  /** The generation folder it was loaded from or published to (a rebuild reuses its vectors from there). */
  generation?: string;
  /** Every passage's analyzed words, when the build that made it kept them (words.bin, store/word-files.ts). */
  words?: PassageWordIds;
  /** Autocomplete's normalized passage texts, when a reindex worker prepared them (not stored on disk). */
  searchText?: SearchTextChunk[];
}

/** The normalized texts of consecutive passages from `firstRow`, joined; `starts`: where each begins. */
export interface SearchTextChunk {
  firstRow: number;
  text: string;
  starts: number[];
}

/** Passage `row`'s analyzed terms, in order, as lexical term numbers: `ids[offsets[row] … offsets[row + 1]]`. */
export interface PassageWordIds {
  offsets: Uint32Array;
  ids: Int32Array;
}

/**
 * What a rebuild needs of the index it replaces: what was built (to compare), the vectors (to reuse)
 * and, when its generation kept them, the per-file work that unchanged files keep (`kept`).
 */
export type PreviousIndex = Pick<IndexSnapshot, 'manifest' | 'vectors'> & { kept?: KeptWork | null };

/**
 * A previous build's per-file work: its passages (in the order of `manifest.files`, each file's
 * together), their analyzed words numbered in its lexical vocabulary, and the pages each document
 * was read with. An unchanged file takes its passages and words from here instead of being chunked
 * and analyzed again.
 */
export interface KeptWork {
  passages: Passage[];
  vocabulary: readonly string[];
  words: PassageWordIds;
  /** Source → page starts (null: no pages); null when the generation did not record them. */
  pages: Map<string, number[] | null> | null;
  /** The generation folder it was read from. */
  generation: string;
  /** The documents' texts as that build extracted them (empty for a generation that kept none), read on call. */
  texts: () => Promise<Map<string, ExtractedText>>;
}

function invalid(file: string, error: z.ZodError): IsnadError {
  const issue = error.issues[0]!;
  return indexCorrupt(file, `is inconsistent: ${issue.path.join('.') || 'root'} ${issue.message}`);
}

/** The manifest without its per-document lists, which grow with the collection (see parseManifest). */
const headSchema = manifestSchema.omit({ files: true });

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
/** Exactly what `manifestSchema` asks of each entry of `files`, checked without zod. */
const isFileEntry = (f: unknown): boolean => {
  if (typeof f !== 'object' || f === null) return false;
  const e = f as Record<string, unknown>;
  return typeof e.source === 'string' && typeof e.hash === 'string' && isCount(e.bytes) && typeof e.mtimeMs === 'number' && isCount(e.passages) && (e.ctimeMs === undefined || typeof e.ctimeMs === 'number') && (e.ino === undefined || typeof e.ino === 'number');
};

/**
 * Zod checks the manifest's head; its `files` list (one entry per document: 20k at 1M passages, most
 * of the parse time) is checked by a plain loop, and only when that fails does zod run over the
 * whole manifest, to name the problem as precisely as before.
 */
export function parseManifest(value: unknown, file: string): StoredManifest {
  const files = typeof value === 'object' && value !== null ? (value as { files?: unknown }).files : undefined;
  if (Array.isArray(files) && files.every(isFileEntry)) {
    const head = headSchema.safeParse(value);
    if (head.success) return { ...head.data, files: files as StoredManifest['files'] };
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw invalid(file, parsed.error);
  return parsed.data;
}

/**
 * Data derived from one index (lookup maps, normalized texts), computed on first use and dropped with
 * the index: a reindex swaps the snapshot, so nothing derived from the old one is ever served. Every
 * per-index cache goes through this (or `perPart`, for a part of an index such as its BM25 index).
 */
export function perIndex<T>(derive: (snapshot: IndexSnapshot) => T): (snapshot: IndexSnapshot) => T {
  return perPart(derive);
}

/** `perIndex` keyed by a part of an index (its BM25 index, its passage list): dropped with that part. */
export function perPart<K extends object, T>(derive: (part: K) => T): (part: K) => T {
  const cache = new WeakMap<K, T>();
  return (part) => {
    if (!cache.has(part)) cache.set(part, derive(part));
    return cache.get(part)!;
  };
}
