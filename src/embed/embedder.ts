/** Turns text into unit-length vectors. Implementations: the Transformers.js one, and test fakes. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Vectors for passages, in input order; batched internally. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

/** What /status and the CLI report about the dense leg. */
export type ModelStatus =
  | { loaded: true; modelId: string; dimensions: number }
  | { loaded: false; modelId: string | null; reason: string };
