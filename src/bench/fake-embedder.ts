import { createHash } from 'node:crypto';
import type { Embedder } from '../embed/embedder.js';
import { normalize, tokenize } from '../text/normalize.js';

/**
 * A deterministic stand-in for a model: hashes each normalized word into one of `dimensions` buckets
 * (signed), then normalizes. Costs microseconds, so it measures everything but the model; the bench
 * uses it only when the tiny fixture model is missing.
 */
export class HashEmbedder implements Embedder {
  /**
   * Each distinct term's signed bucket (+1 for bucket b, -(b+1) for minus), hashed once: an md5 per word
   * occurrence made embedding most of a 1M-passage ingest. Vocabularies are Zipfian, so this stays small.
   */
  private readonly buckets = new Map<string, number>();

  constructor(readonly modelId = 'bench/hash-bow', readonly dimensions = 64) {}

  private bucketOf(term: string): number {
    let bucket = this.buckets.get(term);
    if (bucket === undefined) {
      const digest = createHash('md5').update(term).digest();
      const b = digest.readUInt16LE(0) % this.dimensions;
      bucket = digest[2]! & 1 ? b + 1 : -(b + 1);
      this.buckets.set(term, bucket);
    }
    return bucket;
  }

  vector(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const { term } of tokenize(normalize(text))) {
      const bucket = this.bucketOf(term);
      v[Math.abs(bucket) - 1]! += Math.sign(bucket);
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm === 0) {
      v[0] = 1;
      return v;
    }
    for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return v;
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const out = texts.map((t) => this.vector(t));
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.vector(text);
  }
}
