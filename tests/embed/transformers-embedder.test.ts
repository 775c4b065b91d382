import { describe, expect, it } from 'vitest';
import {
  prefixesFor,
  rowsOf,
  TransformersEmbedder,
  type FeatureExtractor,
  type PooledTensor,
} from '../../src/embed/transformers-embedder.js';

/** A fake pipeline: each text becomes [length, index-in-batch, 1], and every call is recorded. */
function fakeExtractor(dims = 3): FeatureExtractor & { calls: string[][] } {
  const calls: string[][] = [];
  const fn = async (texts: string[]): Promise<PooledTensor> => {
    calls.push([...texts]);
    const data = new Float32Array(texts.length * dims);
    texts.forEach((t, i) => {
      data[i * dims] = t.length;
      if (dims > 1) data[i * dims + 1] = i;
    });
    return { data, dims: [texts.length, dims], type: 'float32' };
  };
  return Object.assign(fn, { calls });
}

describe('prefixesFor', () => {
  it('uses the e5 instruction prefixes for e5 models, case-insensitively', () => {
    expect(prefixesFor('Xenova/multilingual-e5-small')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(prefixesFor('intfloat/Multilingual-E5-Large')).toEqual({ query: 'query: ', passage: 'passage: ' });
  });

  it('uses no prefixes for other models', () => {
    expect(prefixesFor('Xenova/all-MiniLM-L6-v2')).toEqual({ query: '', passage: '' });
    expect(prefixesFor('isnad/tiny-arabic-bow')).toEqual({ query: '', passage: '' });
  });

  it('lets configured prefixes win, including an explicit empty one', () => {
    expect(prefixesFor('Xenova/multilingual-e5-small', { queryPrefix: '', passagePrefix: null })).toEqual({
      query: '',
      passage: 'passage: ',
    });
    expect(prefixesFor('some/model', { queryPrefix: 'Q: ', passagePrefix: 'P: ' })).toEqual({
      query: 'Q: ',
      passage: 'P: ',
    });
  });
});

describe('TransformersEmbedder (fake pipeline)', () => {
  it('learns its dimensions from a probe embedding', async () => {
    const embedder = await TransformersEmbedder.create('some/model', fakeExtractor(5));
    expect(embedder.dimensions).toBe(5);
    expect(embedder.modelId).toBe('some/model');
  });

  it('prefixes queries and passages', async () => {
    const extractor = fakeExtractor();
    const embedder = new TransformersEmbedder('x/e5', 3, extractor, prefixesFor('x/e5'));
    await embedder.embedQuery('ما هي الدول الضامنة؟');
    await embedder.embedPassages(['روسيا وتركيا وإيران']);
    expect(extractor.calls).toEqual([['query: ما هي الدول الضامنة؟'], ['passage: روسيا وتركيا وإيران']]);
  });

  it('embeds passages in batches, in order', async () => {
    const extractor = fakeExtractor();
    const embedder = new TransformersEmbedder('m', 3, extractor, { query: '', passage: '' }, 16);
    const texts = Array.from({ length: 40 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await embedder.embedPassages(texts);
    expect(extractor.calls.map((c) => c.length)).toEqual([16, 16, 8]);
    expect(vectors.map((v) => v[0])).toEqual(texts.map((t) => t.length));
  });

  it('returns nothing and calls nothing for no passages', async () => {
    const extractor = fakeExtractor();
    const embedder = new TransformersEmbedder('m', 3, extractor);
    expect(await embedder.embedPassages([])).toEqual([]);
    expect(extractor.calls).toEqual([]);
  });

  it('copies rows out of the tensor', () => {
    const data = new Float32Array([1, 2, 3, 4]);
    const rows = rowsOf({ data, dims: [2, 2], type: 'float32' }, 2);
    data.fill(0);
    expect(rows.map((r) => Array.from(r))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(rows[1]!.buffer).not.toBe(data.buffer);
  });

  it('rejects tensors of the wrong shape or type', () => {
    expect(() => rowsOf({ data: new Float32Array(6), dims: [2, 3] }, 3)).toThrow(/shape/);
    expect(() => rowsOf({ data: new Float32Array(6), dims: [1, 2, 3] }, 1)).toThrow(/shape/);
    expect(() => rowsOf({ data: new Int8Array(6), dims: [2, 3], type: 'int8' }, 2)).toThrow(/float32/);
  });

  it('refuses vectors whose size differs from the probe', async () => {
    const embedder = new TransformersEmbedder('m', 4, fakeExtractor(3));
    await expect(embedder.embedQuery('x')).rejects.toThrow(/3-dimensional/);
  });
});
