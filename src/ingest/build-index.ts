import { performance } from 'node:perf_hooks';
import type { FileChanges, Progress, ReindexSummary } from '../types.js';
import type { ModelConfig } from '../config.js';
import type { Embedder, ModelStatus } from '../embed/embedder.js';
import { prefixesFor } from '../embed/transformers-embedder.js';
import { IsnadError } from '../errors.js';
import type { Logger } from '../log.js';
import { Bm25Builder } from '../index/bm25-builder.js';
import { FORMAT_VERSION, type ExtractedText, type IndexSnapshot, type Manifest, type PreviousIndex } from '../index/snapshot.js';
import type { VectorStore, VectorStoreKind } from '../index/vector-store.js';
import { startVectorStore } from '../store/vector-stores.js';
import type { Document, Passage } from '../types.js';
import { ANALYZER_VERSION, analyze } from '../text/analyze.js';
import { CHUNKER_VERSION, chunkDocument } from './chunk.js';
import { describeUnsupported } from './describe.js';
import { KeptFiles } from './kept-files.js';
import { isSkipped, readDocument, scanDocuments, type ScanResult } from './load.js';
import { readersChanged, readerVersions } from './reader.js';

export interface BuildOptions {
  docsDir: string;
  maxFileBytes: number;
  vectorStore: VectorStoreKind;
  embedder: Embedder | null;
  /** Settings besides the model id that change its vectors (see `modelVariant`). */
  modelVariant: string;
  modelStatus: ModelStatus;
  /** The index being replaced: vectors of unchanged passages are reused from it. */
  previous: PreviousIndex | null;
  /** Why the previous index cannot be reused at all (e.g. it was unreadable), if known. */
  previousUnusableReason?: string | null;
  onProgress?: (progress: Progress) => void;
  log: Logger;
  /** The documents folder as the caller already listed it (a reindex does, to choose where to build); listed here otherwise. */
  scan?: ScanResult;
  /** Passages handed to the embedder per call (it batches further inside); progress is reported per call. */
  embedBatchSize?: number;
}

export interface BuildResult {
  snapshot: IndexSnapshot;
  summary: ReindexSummary;
}

/** The settings besides the model id that change its vectors: a change means re-embedding everything. */
export function modelVariant(model: ModelConfig, modelId: string): string {
  const prefixes = prefixesFor(modelId, model);
  return JSON.stringify({ dtype: model.dtype, query: prefixes.query, passage: prefixes.passage });
}

/** Why nothing of `previous` can be reused, or null when unchanged passages may keep their vectors. */
export function fullRebuildReason(
  previous: PreviousIndex | null,
  embedder: Embedder | null,
  docsDir: string,
  variant: string,
): string | null {
  if (!previous) return 'no index yet';
  const m = previous.manifest;
  if (m.chunkerVersion !== CHUNKER_VERSION) return `chunker changed (version ${m.chunkerVersion} → ${CHUNKER_VERSION})`;
  if (m.analyzerVersion !== ANALYZER_VERSION) return `text analyzer changed (version ${m.analyzerVersion} → ${ANALYZER_VERSION})`;
  const readers = readersChanged(m.readers ?? {});
  if (readers) return readers;
  if (m.docsDir !== docsDir) return `documents folder changed (${m.docsDir} → ${docsDir})`;
  if (embedder) {
    if (!m.model) return `model ${embedder.modelId} is now available (index was lexical-only)`;
    if (m.model.id !== embedder.modelId || m.model.dimensions !== embedder.dimensions) {
      return `model changed (${m.model.id} → ${embedder.modelId})`;
    }
    if (m.model.variant !== variant) return `model settings changed (${m.model.variant} → ${variant})`;
  }
  return null;
}

interface ReadResult {
  documents: Document[];
  skipped: Manifest['skipped'];
  /** Each document's stamp to record in the manifest (see KeptFiles.unreadDocument). */
  stamps: Map<string, Pick<Manifest['files'][number], 'mtimeMs' | 'ctimeMs' | 'ino'>>;
  unsupported: Record<string, number>;
  /** Files read (the others had the stamp the previous build recorded). */
  read: number;
}

async function readAll(options: BuildOptions, kept: KeptFiles | null): Promise<ReadResult> {
  const scan = options.scan ?? (await scanDocuments(options.docsDir));
  const documents: Document[] = [];
  const skipped: Manifest['skipped'] = [...scan.skipped];
  // Every skipped file is said once, the same way: links and unreadable folders as much as bad encodings.
  for (const s of scan.skipped) options.log.warn(`skipped ${s.source}: ${s.reason}`);
  const unsupported = describeUnsupported(scan.unsupported);
  if (unsupported) options.log.warn(unsupported);
  const stamps: ReadResult['stamps'] = new Map();
  let done = 0;
  let read = 0;
  for (const file of scan.files) {
    const unread = file.bytes <= options.maxFileBytes ? await kept?.unreadDocument(file) : null;
    if (!unread) read++;
    const result = unread ?? (await readDocument(file, options.maxFileBytes));
    if (isSkipped(result)) {
      skipped.push({ ...result, bytes: file.bytes, mtimeMs: file.mtimeMs });
      options.log.warn(`skipped ${result.source}: ${result.reason}`);
    } else {
      documents.push(result);
      stamps.set(file.source, { mtimeMs: file.mtimeMs, ...(file.settled ? { ctimeMs: file.ctimeMs, ino: file.ino } : {}) });
    }
    options.onProgress?.({ phase: 'scan', done: ++done, total: scan.files.length });
  }
  return { documents, skipped, stamps, unsupported: scan.unsupported, read };
}

/** Documents compared with the previous index by content (the same bytes under the same name are unchanged). */
function compareFiles(previous: PreviousIndex | null, files: Manifest['files']): FileChanges {
  const before = new Map((previous?.manifest.files ?? []).map((f) => [f.source, f.hash]));
  const changes: FileChanges = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  for (const file of files) {
    const hash = before.get(file.source);
    if (hash === undefined) changes.added++;
    else if (hash === file.hash) changes.unchanged++;
    else changes.changed++;
    before.delete(file.source);
  }
  changes.removed = before.size;
  return changes;
}

/** Whether two manifests describe the same index (the build time aside): then there is nothing to write. */
function sameIndex(a: Manifest, b: Manifest): boolean {
  // Checksums and stamps are added when a manifest is published: one read from disk has them, a new one not yet.
  // Keys are sorted: one parsed from disk has the schema's key order, a new one the order it was built in.
  // A file's ctime and inode are recorded once its stamp settles (KeptFiles.unreadDocument): not a change to write.
  const files = (m: Manifest) => m.files.map(({ ctimeMs: _c, ino: _i, ...file }) => file);
  const comparable = (m: Manifest) => JSON.stringify({ ...m, files: files(m), builtAt: '', checksums: undefined, stamps: undefined }, sortedKeys);
  return comparable(a) === comparable(b);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** Documents → passages → lexical terms + vectors, all in memory; publishing to disk is the caller's step. */
export async function buildIndex(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const reason =
    options.previousUnusableReason ?? fullRebuildReason(options.previous, options.embedder, options.docsDir, options.modelVariant);
  const kept = KeptFiles.of(options.previous, reason);
  const { documents, skipped, stamps, unsupported, read } = await readAll(options, kept);
  if (documents.length === 0) {
    throw new IsnadError(
      'DOCS_EMPTY',
      `No indexable document (.txt, .md, .pdf, .docx, .html) in ${options.docsDir}${skipped.length ? ` (${skipped.length} skipped: ${skipped.map((s) => `${s.source}: ${s.reason}`).slice(0, 3).join('; ')})` : ''}. Add documents or point DOCS_DIR elsewhere.`,
      { docsDir: options.docsDir, skipped },
    );
  }

  const passages: Passage[] = [];
  const files: Manifest['files'] = [];
  const lexicalBuilder = new Bm25Builder();
  let analyzed = 0;
  for (const [i, document] of documents.entries()) {
    // A reindex runs inside the bot: let queued /ask interactions and heartbeats through now and then.
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    const firstRow = passages.length;
    const rows = kept?.rowsOf(document);
    if (rows) {
      for (let row = rows.first; row < rows.first + rows.count; row++) {
        passages.push(kept!.passage(row));
        kept!.addTo(lexicalBuilder, row);
      }
    } else {
      for (const chunk of chunkDocument(document)) {
        passages.push(chunk);
        lexicalBuilder.add(analyze(chunk.text));
        analyzed++;
      }
    }
    files.push({ source: document.source, hash: document.hash, bytes: document.bytes, mtimeMs: 0, ...stamps.get(document.source), passages: passages.length - firstRow });
    options.onProgress?.({ phase: 'chunk', done: i + 1, total: documents.length });
  }
  const reusable = reason === null ? options.previous?.vectors ?? null : null;
  let building: Promise<VectorStore> | null = null;
  let embedded = 0;
  let reused = 0;
  const { embedder } = options;
  if (embedder) {
    const vectorOf = passages.map((p) => reusable?.get(p.id));
    const missing: number[] = [];
    vectorOf.forEach((vector, row) => vector || missing.push(row));
    const batchSize = options.embedBatchSize ?? 64;
    for (let i = 0; i < missing.length; i += batchSize) {
      const batch = missing.slice(i, i + batchSize);
      const batchVectors = await embedder.embedPassages(batch.map((row) => passages[row]!.text));
      batch.forEach((row, k) => (vectorOf[row] = batchVectors[k]!));
      options.onProgress?.({ phase: 'embed', done: Math.min(i + batchSize, missing.length), total: missing.length });
    }
    embedded = missing.length;
    reused = passages.length - missing.length;
    // The previous store is passed even across kinds: a graph store reuses its graph only when it is one.
    const items = passages.map((p, row) => ({ id: p.id, vector: vectorOf[row]! }));
    // A graph is built or patched in a worker thread: the lexical index is made meanwhile, on this one.
    building = (await startVectorStore(options.vectorStore, embedder.dimensions, items, reusable)).done;
    building.catch(() => undefined); // awaited below, after the lexical index
  }
  const lexical = lexicalBuilder.finish();
  const words = lexicalBuilder.words();
  const vectors = building && (await building);

  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    chunkerVersion: CHUNKER_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    readers: readerVersions(),
    model: embedder ? { id: embedder.modelId, dimensions: embedder.dimensions, variant: options.modelVariant } : null,
    vectorStore: options.vectorStore,
    docsDir: options.docsDir,
    builtAt: new Date().toISOString(),
    passages: passages.length,
    files,
    skipped,
  };
  return {
    snapshot: {
      manifest,
      passages,
      lexical,
      vectors,
      // `text` read through: a kept document's text is decoded only if something asks (not written, since linked).
      extracted: documents.map((d) => Object.defineProperty({ source: d.source, ...(d.pages ? { pages: d.pages } : {}), ...(kept?.holds(d) ? { unchanged: true } : {}) }, 'text', { get: () => d.text, enumerable: true }) as ExtractedText),
      ...(kept ? { builtFrom: kept.generation } : {}),
      words,
    },
    summary: {
      files: documents.length,
      read,
      passages: passages.length,
      skipped,
      analyzed,
      embedded,
      reused,
      seconds: (performance.now() - started) / 1000,
      fullRebuildReason: reason,
      model: options.modelStatus,
      changes: compareFiles(options.previous, files),
      nothingChanged: reason === null && options.previous !== null && sameIndex(options.previous.manifest, manifest),
      unsupported,
    },
  };
}
