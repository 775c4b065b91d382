import { HashEmbedder } from '../../src/bench/fake-embedder.js';

/**
 * The bench's deterministic bag-of-words embedder, recording what it embedded: lets tests check
 * which passages a reindex re-embeds without loading a model.
 */
export class CountingEmbedder extends HashEmbedder {
  readonly embeddedPassages: string[] = [];
  queries = 0;

  constructor(modelId = 'test/counting', dimensions = 32) {
    super(modelId, dimensions);
  }

  override async embedPassages(texts: string[]): Promise<Float32Array[]> {
    this.embeddedPassages.push(...texts);
    return super.embedPassages(texts);
  }

  override async embedQuery(text: string): Promise<Float32Array> {
    this.queries++;
    return super.embedQuery(text);
  }
}
