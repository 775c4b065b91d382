import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/config.js';
import type { LoadedModel } from '../../src/embed/embedder.js';
import { loadEmbedderRemembering, MODEL_RETRY_MS, type RememberingOptions } from '../../src/embed/model-memory.js';
import type { Logger } from '../../src/log.js';
import { tinyModelConfig } from '../../src/embed/fixture-model.js';
import { collectingLogger } from '../helpers/collecting-logger.js';
import { tempDir } from '../helpers/temp.js';

/** A loader that fails with `reason` (or succeeds when null) and counts its calls. */
function fakeLoader(reason: () => string | null) {
  const calls: ModelConfig[] = [];
  const load = async (config: ModelConfig, log: Logger): Promise<LoadedModel> => {
    calls.push(config);
    const why = reason();
    if (why === null) return { embedder: null, status: { loaded: true, modelId: config.modelId!, dimensions: 4 } };
    log.warn(`a long warning about ${why} that the user should not see twice`);
    return { embedder: null, status: { loaded: false, modelId: config.modelId, reason: why } };
  };
  return { load, calls };
}

describe('a remembered model failure', () => {
  const setup = () => {
    const indexDir = tempDir();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const run = async (
      config: ModelConfig,
      loader: ReturnType<typeof fakeLoader>,
      options: Partial<Pick<RememberingOptions, 'retry' | 'verbose'>> = {},
    ) => {
      const log = collectingLogger();
      const result = await loadEmbedderRemembering(
        config,
        { indexDir, log, retry: 'when-due', verbose: false, now: () => clock, ...options },
        loader.load,
      );
      await result.remember();
      return { log, result };
    };
    return { indexDir, run, advance: (ms: number) => (clock += ms) };
  };
  const config = tinyModelConfig({ localModelDir: null, allowRemote: true });

  it('is said once in one short line, then not tried again until the retry time', async () => {
    const { run, advance } = setup();
    const loader = fakeLoader(() => 'could not reach the Hugging Face hub');
    const first = await run(config, loader);
    expect(first.log.at('warn')).toHaveLength(1);
    const line = first.log.at('warn')[0]!.message;
    expect(line).toContain('could not reach the Hugging Face hub');
    expect(line).not.toMatch(/the bot/i);
    expect(line.length).toBeLessThan(200);
    expect(line).not.toContain('\n');

    const second = await run(config, loader);
    expect(loader.calls).toHaveLength(1); // not tried: no 0.8 s, no 140 MB
    expect(second.log.at('warn')).toEqual([]);
    expect(second.result.loaded.status).toMatchObject({ loaded: false, reason: 'could not reach the Hugging Face hub' });

    advance(MODEL_RETRY_MS + 1);
    const third = await run(config, loader);
    expect(loader.calls).toHaveLength(2); // due again: tried, failed the same way, and not repeated
    expect(third.log.at('warn')).toEqual([]);
  });

  it('is said again when the reason or the settings change, or with --verbose', async () => {
    const { run, advance } = setup();
    let reason = 'could not reach the Hugging Face hub';
    const loader = fakeLoader(() => reason);
    await run(config, loader);

    const verbose = await run(config, loader, { verbose: true });
    expect(verbose.log.at('warn')).toHaveLength(1);
    expect(verbose.log.at('warn')[0]!.message).toMatch(/MODEL_DIR/);

    const otherDtype = await run({ ...config, dtype: 'fp16' }, loader);
    expect(loader.calls.map((c) => c.dtype)).toEqual(['fp32', 'fp16']); // new settings are tried at once
    expect(otherDtype.log.at('warn')).toHaveLength(1);

    advance(MODEL_RETRY_MS + 1);
    reason = 'loading failed: out of memory';
    const changed = await run({ ...config, dtype: 'fp16' }, loader);
    expect(changed.log.at('warn').map((l) => l.message).join()).toContain('out of memory');
  });

  it('retries at once for an explicit ingest, and forgets the failure once the model loads', async () => {
    const { indexDir, run } = setup();
    let reason: string | null = 'could not reach the Hugging Face hub';
    const loader = fakeLoader(() => reason);
    await run(config, loader);
    expect(fs.readdirSync(indexDir)).toContain('model-unavailable.json');
    reason = null;
    const ingest = await run(config, loader, { retry: 'now' });
    expect(loader.calls).toHaveLength(2);
    expect(ingest.result.loaded.status.loaded).toBe(true);
    expect(fs.readdirSync(indexDir)).not.toContain('model-unavailable.json');
  });

  it('notices model files copied into MODEL_DIR and tries again', async () => {
    const { run } = setup();
    const modelDir = tempDir();
    const local = { ...config, localModelDir: modelDir, allowRemote: false };
    const loader = fakeLoader(() => 'model files not found');
    await run(local, loader);
    await run(local, loader);
    expect(loader.calls).toHaveLength(1);
    fs.mkdirSync(path.join(modelDir, local.modelId!), { recursive: true });
    await run(local, loader);
    expect(loader.calls).toHaveLength(2);
  });
});
