import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load-embedder.js';
import { readGoldFile } from '../../src/eval/gold.js';
import { formatReport } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/run.js';
import { silentLogger } from '../../src/log.js';
import { tinyModelConfig } from '../../src/embed/fixture-model.js';
import { tempDir } from '../helpers/temp.js';

describe('runEval over the seeds (what `npm run eval` runs)', () => {
  it('lexical-only (MODEL_ID=none): citations exact, hit@5 well above chance, dense legs n/a', async () => {
    const config = loadConfig({ DOCS_DIR: 'seeds', MODEL_ID: 'none', INDEX_DIR: 'index-should-not-be-used' });
    const questions = await readGoldFile('eval/dev.jsonl');
    const report = await runEval({ config, questions, goldFile: 'eval/dev.jsonl', modes: ['auto', 'dense', 'hybrid'], log: silentLogger });
    const [auto, dense, hybrid] = report.modes;
    expect(auto!.ran).toBe('lexical');
    expect(auto!.citations.checked).toBeGreaterThan(0);
    expect(auto!.citations.errors).toEqual([]);
    expect(auto!.metrics!.answered.all!.hit5).toBeGreaterThan(0.5);
    expect(auto!.metrics!.ranking.all!.hit5).toBeGreaterThanOrEqual(auto!.metrics!.answered.all!.hit5);
    expect(auto!.crossValidation).toBeNull(); // 4 seed files: too few articles to cross-validate
    expect(report.passages.maxChars).toBeLessThanOrEqual(600);
    expect(dense!.unavailable).toMatch(/no model/);
    expect(hybrid!.metrics).toBeNull();
    expect(report.index).toBe('temporary');
    expect(fs.existsSync('index-should-not-be-used')).toBe(false);
    const text = formatReport(report);
    expect(text).toContain('hit@1 / hit@3 / hit@5 / MRR@5');
    expect(text).toContain('dense: n/a');
  });

  it('with the fixture model, the hybrid leg runs and citations stay exact', async () => {
    const config = loadConfig({ DOCS_DIR: 'seeds', MODEL_ID: 'none' });
    const questions = await readGoldFile('eval/dev.jsonl');
    const report = await runEval({
      config,
      questions,
      goldFile: 'eval/dev.jsonl',
      modes: ['hybrid'],
      log: silentLogger,
      loadModel: () => loadEmbedder(tinyModelConfig(), silentLogger),
    });
    expect(report.model.loaded).toBe(true);
    expect(report.modes[0]!.ran).toBe('hybrid');
    expect(report.modes[0]!.citations.errors).toEqual([]);
  });
});

describe('npm run eval (CLI)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/eval.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, MODEL_ID: 'none', LOG_LEVEL: 'warn' },
    });

  it('exits 2 naming the line when the gold file is malformed', () => {
    const file = path.join(tempDir(), 'bad.jsonl');
    fs.writeFileSync(file, '{"id":"a","q":"q","gold":[]}\n{"id":"b","q":"q","gold":"001"}\n');
    const result = run(['--gold', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${file}:2:`);
    expect(result.stderr).toContain('EVAL_GOLD_INVALID');
  });

  it('prints one JSON object with --json and exits 0', () => {
    const result = run(['--json', '--mode', 'lexical']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.modes[0].mode).toBe('lexical');
    expect(report.modes[0].citations.errors).toEqual([]);
  });
});
