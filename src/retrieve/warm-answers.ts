import type { Embedder } from '../embed/embedder.js';
import type { IndexSnapshot } from '../index/snapshot.js';
import { answerQuestion } from './answer.js';

/**
 * The answer path compiled before users ask, as warmGraph (store/usearch-graph.ts) does for the graph search
 * alone. A fresh process keeps compiling and re-compiling an answer's code on V8's helper threads for its first
 * few hundred questions, and the questions asked meanwhile run part of it unoptimized: at 100k passages, after
 * 100 questions the hybrid answer's wall p95 was 5.86–8.05 ms against 5.55–5.97 after 600 (bench/README.md,
 * *Hybrid p95, round 10*). Compiled code outlives an index, so this is done once per process.
 */
export const WARM_ANSWERS = 400;

let warmed = 0;

/**
 * Answers WARM_ANSWERS questions made of the words of passages spread over the index (every fifth with a word
 * cut short, a spelling the collection may lack: the variant legs), each searched densely by a fixed unit
 * vector of its own (no stored vector is read: VectorStore.get reads a served store's whole matrix, ~150 MB at
 * 100k), one per turn of the event loop so a waiting question goes first. Returns how many ran.
 */
export async function warmAnswers(index: IndexSnapshot, stopped: () => boolean = () => false, count = WARM_ANSWERS): Promise<number> {
  const { passages, vectors } = index;
  const model = index.manifest.model?.id;
  const dimensions = vectors?.dimensions ?? 0;
  let ran = 0;
  for (let i = 0; warmed < count && passages.length > 0 && !stopped(); i++) {
    const passage = passages[Math.floor(((i + 0.5) * passages.length) / count) % passages.length]!;
    const words = passage.text.split(/\s+/).filter(Boolean).slice(i % 7, (i % 7) + 3 + (i % 4));
    if (i % 5 === 0 && words[0]) words[0] = words[0].slice(0, -1);
    const vector = unitVector(dimensions, i);
    const embedder: Embedder | null = model && dimensions > 0 ? { modelId: model, dimensions, embedPassages: async () => [], embedQuery: async () => vector } : null;
    await answerQuestion(index, embedder, words.join(' ') || passage.text.slice(0, 40), {});
    warmed++;
    ran++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ran;
}

/** A unit vector pointing its own way for each `seed`. */
function unitVector(dimensions: number, seed: number): Float32Array {
  const vector = Float32Array.from({ length: dimensions }, (_, j) => Math.sin((seed + 1) * 12.9898 + j * 78.233));
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}
