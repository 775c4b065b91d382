import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config.js';
import type { Embedder, EmbedderRecipe } from '../embed/embedder.js';
import { tinyModelConfig } from '../embed/fixture-model.js';
import { loadEmbedder } from '../embed/load-embedder.js';
import type { Logger } from '../log.js';
import { HashEmbedder } from './fake-embedder.js';
import { Prng } from './prng.js';
import { cpuMs } from './timing.js';
import { LowRankModel } from './vector-sets.js';

export type BenchModel = 'fixture' | 'fake' | 'config';

export interface BenchEmbedder {
  embedder: Embedder;
  /** What the numbers were measured with, for the table. */
  label: string;
  /** Set when the requested model could not be used and the bench fell back. */
  note: string | null;
}

/**
 * The embedder the bench ingests and embeds queries with: the tiny fixture model (real Transformers.js
 * path, tiny network), the hash fake (no model cost at all), or the configured model (MODEL_ID…).
 */
export async function benchEmbedder(which: BenchModel, log: Logger): Promise<BenchEmbedder> {
  if (which === 'fake') return { embedder: new HashEmbedder(), label: 'hash fake embedder (64 dims, no model)', note: null };
  let modelConfig;
  if (which === 'fixture') {
    modelConfig = tinyModelConfig();
  } else {
    modelConfig = loadConfig(process.env).model;
    if (modelConfig.modelId === null) throw new Error('--model config needs MODEL_ID set to a model (it is none).');
  }
  const { embedder, status } = await loadEmbedder(modelConfig, log);
  if (!embedder) {
    if (which === 'config') throw new Error(`model ${status.modelId} could not be loaded: ${status.loaded ? '' : status.reason}`);
    return { embedder: new HashEmbedder(), label: 'hash fake embedder (64 dims, no model)', note: `fixture model failed to load: ${status.loaded ? '' : status.reason}` };
  }
  const label = which === 'fixture' ? `fixture model ${embedder.modelId} (${embedder.dimensions} dims, Transformers.js)` : `${embedder.modelId} (${embedder.dimensions} dims)`;
  return { embedder, label, note: null };
}

/** Wraps an embedder and adds up the time spent embedding passages, so ingest time can be split. */
export class TimingEmbedder implements Embedder {
  passageMs = 0;
  /** The process CPU time (every thread) its passage calls took, to leave it out as `passageMs` leaves out their wall time. */
  passageCpuMs = 0;

  constructor(private readonly inner: Embedder) {}

  get modelId(): string {
    return this.inner.modelId;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const started = performance.now();
    const cpuStarted = cpuMs();
    try {
      return await this.inner.embedPassages(texts);
    } finally {
      this.passageMs += performance.now() - started;
      this.passageCpuMs += cpuMs() - cpuStarted;
    }
  }

  embedQuery(text: string): Promise<Float32Array> {
    return this.inner.embedQuery(text);
  }
}

/**
 * Serves query vectors computed beforehand, so a timed query measures retrieval without the model
 * (the query must be the cleaned text answerQuestion embeds).
 */
export class PrecomputedEmbedder implements Embedder {
  constructor(readonly modelId: string, readonly dimensions: number, private readonly vectors: Map<string, Float32Array>) {}

  async embedPassages(): Promise<Float32Array[]> {
    throw new Error('PrecomputedEmbedder embeds queries only');
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const vector = this.vectors.get(text);
    if (!vector) throw new Error(`no precomputed vector for query "${text}"`);
    return vector;
  }
}

/**
 * Embeddings shaped like e5-small's (384 dims, low rank; see LowRankModel) without a model: each text
 * gets a deterministic sample seeded by its hash. Lets the bench measure retrieval at the real model's
 * size on 100k passages, where embedding with the model would take tens of minutes.
 */
/** A LowRankEmbedder's recipe: a function, as every recipe's export is. */
export function lowRankEmbedder(dimensions: number): LowRankEmbedder {
  return new LowRankEmbedder(dimensions);
}

export class LowRankEmbedder implements Embedder {
  readonly modelId = 'bench/low-rank-384';
  private readonly model: LowRankModel;

  constructor(readonly dimensions = 384) {
    this.model = new LowRankModel(dimensions);
  }

  /** Pure computation from the text: a reindex worker makes its own and embeds off the main thread. */
  get recipe(): EmbedderRecipe {
    return { module: import.meta.url, exportName: 'lowRankEmbedder', args: [this.dimensions] };
  }

  private vectorOf(text: string): Float32Array {
    return this.model.sample(new Prng(createHash('md5').update(text).digest().readUInt32LE(0)));
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.vectorOf(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.vectorOf(`query: ${text}`);
  }
}
