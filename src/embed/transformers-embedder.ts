import type { ModelConfig } from '../config.js';
import type { Embedder, EmbedderRecipe } from './embedder.js';

/** What a pooled feature-extraction call returns: a row-major `[batch, dims]` float tensor. */
export interface PooledTensor {
  readonly data: ArrayLike<number>;
  readonly dims: readonly number[];
  readonly type?: string;
}

/**
 * The slice of a Transformers.js feature-extraction pipeline the embedder uses. The real pipeline
 * tokenizes with `padding: true, truncation: true`, so texts longer than the tokenizer's
 * `model_max_length` are cut, not rejected (see `ensureTruncation`).
 */
export interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: true }): Promise<PooledTensor>;
  dispose?(): Promise<void>;
}

export interface Prefixes {
  query: string;
  passage: string;
}

/**
 * Instruction prefixes for a model. Explicit config wins; e5 models were trained with `query: ` /
 * `passage: ` and lose noticeable accuracy without them (see the model card); other models get none.
 */
export function prefixesFor(
  modelId: string,
  overrides: Pick<ModelConfig, 'queryPrefix' | 'passagePrefix'> = { queryPrefix: null, passagePrefix: null },
): Prefixes {
  const isE5 = /e5/i.test(modelId);
  return {
    query: overrides.queryPrefix ?? (isE5 ? 'query: ' : ''),
    passage: overrides.passagePrefix ?? (isE5 ? 'passage: ' : ''),
  };
}

export const DEFAULT_BATCH_SIZE = 16;

/** Splits a pooled `[batch, dims]` tensor into one owned Float32Array per row. */
export function rowsOf(tensor: PooledTensor, expectedRows: number): Float32Array[] {
  if (tensor.type !== undefined && tensor.type !== 'float32') {
    throw new Error(`feature extractor returned ${tensor.type} data, expected float32`);
  }
  const [rows, dims] = tensor.dims;
  if (tensor.dims.length !== 2 || rows !== expectedRows || dims === undefined || dims <= 0) {
    throw new Error(`feature extractor returned shape [${tensor.dims.join(', ')}], expected [${expectedRows}, dims]`);
  }
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    // Copy, never view: the tensor's buffer belongs to onnxruntime and may be reused or freed.
    const row = new Float32Array(dims);
    for (let d = 0; d < dims; d++) row[d] = tensor.data[r * dims + d]!;
    out.push(row);
  }
  return out;
}

export class TransformersEmbedder implements Embedder {
  readonly prefixes: Prefixes;
  /** Set by loadEmbedder: the same configuration loads the same model in a reindex worker. */
  recipe?: EmbedderRecipe;

  constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly extractor: FeatureExtractor,
    prefixes: Prefixes = prefixesFor(modelId),
    private readonly batchSize: number = DEFAULT_BATCH_SIZE,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    this.prefixes = prefixes;
  }

  /** Loads nothing: embeds one probe with `extractor` to learn the vector size, then wraps it. */
  static async create(
    modelId: string,
    extractor: FeatureExtractor,
    prefixes: Prefixes = prefixesFor(modelId),
    batchSize?: number,
  ): Promise<TransformersEmbedder> {
    const [probe] = rowsOf(await extractor([prefixes.query + 'probe'], { pooling: 'mean', normalize: true }), 1);
    return new TransformersEmbedder(modelId, probe!.length, extractor, prefixes, batchSize);
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.run([this.prefixes.query + text]);
    return vector!;
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map((t) => this.prefixes.passage + t);
      out.push(...(await this.run(batch)));
    }
    return out;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose?.();
  }

  private async run(texts: string[]): Promise<Float32Array[]> {
    const rows = rowsOf(await this.extractor(texts, { pooling: 'mean', normalize: true }), texts.length);
    for (const row of rows) {
      if (row.length !== this.dimensions) {
        throw new Error(`model returned ${row.length}-dimensional vectors, expected ${this.dimensions}`);
      }
    }
    return rows;
  }
}
