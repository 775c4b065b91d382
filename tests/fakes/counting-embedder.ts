import { createHash } from 'node:crypto';
import type { Embedder } from '../../src/embed/embedder.js';
import { normalize, tokenize } from '../../src/ingest/normalize.js';

/**
 * A deterministic bag-of-words embedder that records what it embedded: lets tests check which
 * passages a reindex re-embeds without loading a model.
 */
export class CountingEmbedder implements Embedder {
  readonly embeddedPassages: string[] = [];
  queries = 0;

  constructor(readonly modelId = 'test/counting', readonly dimensions = 32) {}

  private vector(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const { term } of tokenize(normalize(text))) {
      const digest = createHash('md5').update(term).digest();
      v[digest[0]! % this.dimensions]! += digest[1]! & 1 ? 1 : -1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    this.embeddedPassages.push(...texts);
    return texts.map((t) => this.vector(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    this.queries++;
    return this.vector(text);
  }
}
