import type { BuildOptions } from '../../src/ingest/build-index.js';
import type { PreviousIndex } from '../../src/index/snapshot.js';
import type { Embedder } from '../../src/embed/embedder.js';
import { silentLogger } from '../../src/log.js';

/** A test build: the exact flat store, no model unless one is given, nothing logged. */
export function testBuildOptions(docsDir: string, previous: PreviousIndex | null, embedder: Embedder | null = null): BuildOptions {
  return {
    docsDir,
    maxFileBytes: 10 * 1024 * 1024,
    vectorStore: 'flat',
    embedder,
    modelVariant: 'test',
    modelStatus: embedder ? { loaded: true, modelId: embedder.modelId, dimensions: embedder.dimensions } : { loaded: false, modelId: null, reason: 'test' },
    previous,
    log: silentLogger,
  };
}
