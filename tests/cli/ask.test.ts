import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_MODEL_DIR, TINY_MODEL_ID } from '../fixtures/tiny-model.js';
import { tempDir } from '../helpers/temp.js';

/** Runs the real terminal command as a user would, with the fixture model and a throwaway index. */
function ask(args: string[], input?: string, extraEnv: Record<string, string> = {}) {
  const env = {
    ...process.env,
    DOCS_DIR: path.resolve('seeds'),
    INDEX_DIR: path.join(tempDir(), 'index'),
    MODEL_ID: TINY_MODEL_ID,
    MODEL_DIR: TINY_MODEL_DIR,
    ALLOW_REMOTE_MODELS: 'false',
    NO_COLOR: '1',
    ...extraEnv,
  };
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    env, input, encoding: 'utf8', timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ask', () => {
  it('answers over seeds/ with file, line and the verbatim passage', () => {
    const { code, stdout, stderr } = ask(['من يرأس وفد النظام السوري؟']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/001_4a36f68e423f829a\.txt · line \d+/);
    expect(stdout).toContain('بشار الجعفري');
    expect(stderr).toContain('Building the index');
  });

  it('prints one JSON line with offsets that slice the source file', async () => {
    const { code, stdout } = ask(['--json', '--top', '2', 'من يرأس وفد النظام السوري؟']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ query: 'من يرأس وفد النظام السوري؟', answered: true });
    expect(answer.results).toHaveLength(2);
    const fs = await import('node:fs');
    for (const r of answer.results) {
      expect(Object.keys(r).sort()).toEqual(['end', 'endLine', 'id', 'line', 'score', 'source', 'start', 'text']);
      const file = fs.readFileSync(path.join('seeds', r.source), 'utf8');
      expect(file.slice(r.start, r.end)).toBe(r.text);
      // line and endLine are the lines of the first and last character, counted in the file.
      expect(file.slice(0, r.start).split('\n').length).toBe(r.line);
      expect(file.slice(0, r.start + r.text.trimEnd().length).split('\n').length).toBe(r.endLine);
    }
  });

  it('reads questions from stdin and answers each on its own line, in order', () => {
    const { code, stdout } = ask(['--json'], 'من يرأس وفد النظام السوري؟\n؟؟؟\nما هي درجة الحرارة في الرياض غدا؟\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].answered).toBe(true);
    expect(lines[1].error.code).toBe('QUESTION_INVALID');
    expect(lines[2]).toMatchObject({ answered: false, results: [] });
  });

  it('says plainly when the documents do not answer', () => {
    const { code, stdout } = ask(['ما هو سعر برميل النفط اليوم؟']);
    expect(code).toBe(0);
    expect(stdout).toContain('لا يوجد في الوثائق ما يجيب عن هذا السؤال');
  });

  it('refuses a bad question or option with exit code 2 and a message', () => {
    const empty = ask(['   ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/question is empty.*\[QUESTION_INVALID\]/);
    const tooLong = ask(['س'.repeat(1200)]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/limit is 1000/);
    const badTop = ask(['--top', '50', 'سؤال']);
    expect(badTop.code).toBe(2);
    expect(badTop.stderr).toMatch(/--top must be/);
  });

  it('falls back to lexical-only with one clear warning when the model cannot be loaded', () => {
    const { code, stdout, stderr } = ask(['من يرأس وفد النظام السوري؟'], undefined, { MODEL_DIR: tempDir() });
    expect(code).toBe(0);
    expect(stdout).toContain('بشار الجعفري');
    expect(stdout).toContain('lexical-only');
    expect(stderr.match(/WARN/g)).toHaveLength(1);
  });

  it('names the variable when the configuration is invalid', () => {
    const { code, stderr } = ask(['سؤال'], undefined, { MODEL_LOAD_TIMEOUT_MS: 'soon' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/MODEL_LOAD_TIMEOUT_MS must be a number/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
