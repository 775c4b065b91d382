import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { loadConfig, type CoreConfig } from '../../src/config.js';
import type { LoadedModel, ModelStatus } from '../../src/embed/embedder.js';
import { createLogger } from '../../src/log.js';
import type { CountingEmbedder } from '../fakes/counting-embedder.js';
import { copyOfSeeds, tempDir } from './temp.js';

/** Settings for `docs` with a fresh index folder, and a logger whose lines a test can read. */
export function setup(docs = copyOfSeeds()) {
  const lines: string[] = [];
  const log = createLogger('info', (line) => lines.push(line));
  const config: CoreConfig = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  return { docs, config, log, lines };
}

/** A model loader that hands over `embedder`, loaded. */
export const withModel = (embedder: CountingEmbedder): (() => Promise<LoadedModel>) => async () => ({
  embedder,
  status: { loaded: true, modelId: embedder.modelId, dimensions: embedder.dimensions },
});

/** A model loader whose model did not load, for `reason`. */
export const noModel = (reason = 'model files not found'): (() => Promise<LoadedModel>) => async () => ({
  embedder: null,
  status: { loaded: false, modelId: 'test/counting', reason } satisfies ModelStatus,
});

/** Every result is the exact text of its file between its offsets. */
export function expectFaithful(docs: string, results: Array<{ source: string; start: number; end: number; text: string }>) {
  for (const r of results) expect(fs.readFileSync(path.join(docs, r.source), 'utf8').slice(r.start, r.end)).toBe(r.text);
}
