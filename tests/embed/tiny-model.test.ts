import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/embedder.js';
import { loadEmbedder } from '../../src/embed/load-embedder.js';
import { TINY_MODEL_DIMENSIONS, TINY_MODEL_DIR, TINY_MODEL_ID, tinyModelConfig } from '../../src/embed/fixture-model.js';
import { collectingLogger } from '../helpers/collecting-logger.js';


function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

function norm(v: Float32Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

const SEEDS_DIR = path.resolve(TINY_MODEL_DIR, '../../seeds');

/** Every sentence of the seed articles, as passages. */
function seedSentences(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').split(/(?<=[.!؟?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function best(query: Float32Array, passages: Float32Array[]): number {
  let top = -1;
  let topScore = -Infinity;
  passages.forEach((p, i) => {
    const score = cosine(query, p);
    if (score > topScore) [top, topScore] = [i, score];
  });
  return top;
}

describe('tiny model fixture through loadEmbedder (offline)', () => {
  let embedder: Embedder;
  const sentences = seedSentences();
  let vectors: Float32Array[];

  beforeAll(async () => {
    const log = collectingLogger();
    const loaded = await loadEmbedder(tinyModelConfig(), log);
    expect(loaded.status).toEqual({ loaded: true, modelId: TINY_MODEL_ID, dimensions: TINY_MODEL_DIMENSIONS });
    expect(log.at('warn')).toEqual([]);
    embedder = loaded.embedder!;
    vectors = await embedder.embedPassages(sentences);
  });

  it('gives unit vectors of the model size', async () => {
    expect(embedder.dimensions).toBe(TINY_MODEL_DIMENSIONS);
    expect(vectors).toHaveLength(sentences.length);
    for (const v of [...vectors, await embedder.embedQuery('من يرأس وفد النظام؟')]) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(TINY_MODEL_DIMENSIONS);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it.each([
    ['من يرأس وفد النظام؟', 'يرأس وفد النظام بشار الجعفري'],
    ['كم يوما ستستمر المحادثات؟', 'ستستمر المحادثات لمدة يومين'],
    ['ما هي الدول الضامنة في المحادثات', 'الدول الضامنة: روسيا وتركيا وإيران'],
  ])('ranks the passage sharing the words of %s first', async (question, expected) => {
    const top = best(await embedder.embedQuery(question), vectors);
    expect(sentences[top]).toContain(expected);
  });

  it('ignores diacritics and hamza forms, like the tokenizer normalizer says', async () => {
    const plain = await embedder.embedQuery('يرأس وفد النظام');
    const voweled = await embedder.embedQuery('يَرْأَسُ وَفْدَ النِّظَامِ');
    expect(cosine(plain, voweled)).toBeCloseTo(1, 5);
  });

  it('embeds texts far longer than the model limit (the tokenizer truncates)', async () => {
    const long = sentences.join(' ').repeat(5);
    const [v] = await embedder.embedPassages([long, 'قصير']);
    expect(norm(v!)).toBeCloseTo(1, 5);
  });

  it('loads the quantized file for dtype q8, giving nearly the same vectors', async () => {
    const q8 = await loadEmbedder(tinyModelConfig({ dtype: 'q8' }), collectingLogger());
    expect(q8.status.loaded).toBe(true);
    const text = sentences[0]!;
    const a = await embedder.embedQuery(text);
    const b = await q8.embedder!.embedQuery(text);
    expect(cosine(a, b)).toBeGreaterThan(0.99);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});
