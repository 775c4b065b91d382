import { loadConfig } from '../../src/config.js';
import type { LoadedModel } from '../../src/embed/embedder.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';

/** A model loader that loads none: lexical search only, as with MODEL_ID=none. */
export const lexicalOnly = async (): Promise<LoadedModel> => ({ embedder: null, status: { loaded: false as const, modelId: null, reason: 'disabled' } });

/** A collection over `docs` indexed in `indexDir` without a model; log lines go to `lines`. */
export function openLexical(docs: string, indexDir: string, lines: string[] = []) {
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: indexDir, MODEL_ID: 'none' });
  return openCollection(config, { log: createLogger('info', (l) => lines.push(l)), loadModel: lexicalOnly });
}
