/** Turns text into unit-length vectors. Implementations: the Transformers.js one, and test fakes. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Vectors for passages, in input order; batched internally. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
  /**
   * How to make the same embedder in another thread: a reindex worker then embeds itself instead of
   * asking this thread for every batch (which would pause it while each batch is embedded).
   */
  readonly recipe?: EmbedderRecipe;
}

/** `await (await import(module))[exportName](...args)` gives an embedder with the same vectors. */
export interface EmbedderRecipe {
  module: string;
  exportName: string;
  args: unknown[];
}

/** A model loading attempt: the embedder, or null with the reason in `status`. */
export interface LoadedModel {
  embedder: Embedder | null;
  status: ModelStatus;
}

/** What /status and the CLI report about the dense leg. */
export type ModelStatus =
  | { loaded: true; modelId: string; dimensions: number }
  | { loaded: false; modelId: string | null; reason: string };
