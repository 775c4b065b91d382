/** Turns text into unit-length vectors. Implementations: the Transformers.js one, and test fakes. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Vectors for passages, in input order; batched internally. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
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
