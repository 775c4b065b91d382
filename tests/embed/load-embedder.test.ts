import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ModelConfig } from '../../src/config.js';
import { loadEmbedder, loadPipeline, type LoadPipeline } from '../../src/embed/load-embedder.js';
import type { FeatureExtractor } from '../../src/embed/transformers-embedder.js';
import { TINY_MODEL_DIR, TINY_MODEL_ID, tinyModelConfig } from '../../src/embed/fixture-model.js';
import { collectingLogger } from '../helpers/collecting-logger.js';



const fakeExtractor = (dims: number, onDispose?: () => void): FeatureExtractor =>
  Object.assign(
    async (texts: string[]) => ({ data: new Float32Array(texts.length * dims).fill(1 / Math.sqrt(dims)), dims: [texts.length, dims] }),
    { dispose: async () => onDispose?.() },
  );

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadEmbedder', () => {
  it('loads nothing when MODEL_ID=none', async () => {
    const log = collectingLogger();
    let called = false;
    const result = await loadEmbedder(tinyModelConfig({ modelId: null }), log, {
      load: async () => {
        called = true;
        return fakeExtractor(4);
      },
    });
    expect(result).toEqual({ embedder: null, status: { loaded: false, modelId: null, reason: 'disabled (MODEL_ID=none)' } });
    expect(called).toBe(false);
    expect(log.at('warn')).toEqual([]);
  });

  it('passes the config to the loader and reports the probed dimensions', async () => {
    const seen: ModelConfig[] = [];
    const result = await loadEmbedder(tinyModelConfig({ modelId: 'Xenova/multilingual-e5-small', dtype: 'q8' }), collectingLogger(), {
      load: async (config) => {
        seen.push(config);
        return fakeExtractor(384);
      },
    });
    expect(seen.map((c) => [c.modelId, c.dtype])).toEqual([['Xenova/multilingual-e5-small', 'q8']]);
    expect(result.status).toEqual({ loaded: true, modelId: 'Xenova/multilingual-e5-small', dimensions: 384 });
    expect(result.embedder?.dimensions).toBe(384);
  });

  it('loads the tiny fixture with remote loading off', async () => {
    const log = collectingLogger();
    const result = await loadEmbedder(tinyModelConfig(), log);
    expect(result.status).toEqual({ loaded: true, modelId: TINY_MODEL_ID, dimensions: 64 });
    expect(log.at('warn')).toHaveLength(0);
  });

  it('returns no embedder, a reason and exactly one warning when the model folder is missing', async () => {
    const log = collectingLogger();
    const missing = path.join(os.tmpdir(), 'isnad-no-such-model-dir');
    const result = await loadEmbedder(tinyModelConfig({ localModelDir: missing }), log);
    expect(result.embedder).toBeNull();
    expect(result.status).toMatchObject({ loaded: false, modelId: TINY_MODEL_ID });
    const reason = (result.status as { reason: string }).reason;
    expect(reason).toContain(path.join(missing, TINY_MODEL_ID));
    expect(reason).toMatch(/not found.*remote loading is off/);
    expect(reason).not.toContain('\n');
    const warnings = log.at('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/lexical-only/);
    expect(warnings[0]!.message).toMatch(/MODEL_DIR/);
    expect(warnings[0]!.message).toMatch(/ALLOW_REMOTE_MODELS=true/);
    expect(warnings[0]!.fields).toMatchObject({ code: 'MODEL_UNAVAILABLE', modelId: TINY_MODEL_ID });
    expect(log.at('error')).toEqual([]);
  });

  it('times out a load that never finishes', async () => {
    const log = collectingLogger();
    const never: LoadPipeline = () => new Promise<FeatureExtractor>(() => {});
    const started = Date.now();
    const result = await loadEmbedder(tinyModelConfig({ loadTimeoutMs: 50 }), log, { load: never });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toEqual({
      embedder: null,
      status: { loaded: false, modelId: TINY_MODEL_ID, reason: 'loading timed out after 50 ms' },
    });
    expect(log.at('warn')).toHaveLength(1);
  });

  it('disposes a model that finishes loading after the timeout', async () => {
    let finish: (e: FeatureExtractor) => void = () => {};
    let disposed = false;
    const result = await loadEmbedder(tinyModelConfig({ loadTimeoutMs: 20 }), collectingLogger(), {
      load: () => new Promise<FeatureExtractor>((resolve) => (finish = resolve)),
    });
    expect(result.embedder).toBeNull();
    finish(fakeExtractor(4, () => (disposed = true)));
    await vi.waitFor(() => expect(disposed).toBe(true));
  });

  it('never throws: a failing loader becomes a reason', async () => {
    const log = collectingLogger();
    const result = await loadEmbedder(tinyModelConfig({ allowRemote: true }), log, {
      load: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(result.status).toEqual({
      loaded: false,
      modelId: TINY_MODEL_ID,
      reason: 'could not reach the Hugging Face hub (fetch failed)',
    });
    expect(log.at('warn')).toHaveLength(1);
  });

  it('survives running out of memory while loading (simulated)', async () => {
    const log = collectingLogger();
    const result = await loadEmbedder(tinyModelConfig(), log, {
      load: async () => {
        throw new RangeError('Array buffer allocation failed');
      },
    });
    expect(result.embedder).toBeNull();
    expect((result.status as { reason: string }).reason).toMatch(/Array buffer allocation failed/);
    expect(log.at('warn')).toHaveLength(1);
  });

  it('reports a broken model file as a load failure', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-broken-model-'));
    tmpDirs.push(dir);
    const target = path.join(dir, TINY_MODEL_ID);
    fs.cpSync(path.join(TINY_MODEL_DIR, TINY_MODEL_ID), target, { recursive: true });
    fs.writeFileSync(path.join(target, 'onnx', 'model.onnx'), 'not an onnx file');
    const log = collectingLogger();
    const result = await loadEmbedder(tinyModelConfig({ localModelDir: dir }), log);
    expect(result.embedder).toBeNull();
    expect((result.status as { reason: string }).reason).toMatch(/^loading failed: /);
    expect(log.at('warn')).toHaveLength(1);
  });
});

describe('loadPipeline', () => {
  it('caps truncation at max_position_embeddings when tokenizer_config.json has no model_max_length', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-model-'));
    tmpDirs.push(dir);
    const target = path.join(dir, TINY_MODEL_ID);
    fs.cpSync(path.join(TINY_MODEL_DIR, TINY_MODEL_ID), target, { recursive: true });
    const configPath = path.join(target, 'tokenizer_config.json');
    const tokenizerConfig = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    delete tokenizerConfig.model_max_length;
    fs.writeFileSync(configPath, JSON.stringify(tokenizerConfig));

    const extractor = await loadPipeline({ ...tinyModelConfig({ localModelDir: dir }), modelId: TINY_MODEL_ID });
    const tokenizer = (extractor as unknown as { tokenizer: { model_max_length: number } }).tokenizer;
    expect(tokenizer.model_max_length).toBe(512);
    await extractor.dispose?.();
  });
});
