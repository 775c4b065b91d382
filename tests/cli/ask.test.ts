import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TINY_MODEL_DIR, TINY_MODEL_ID } from '../../src/embed/fixture-model.js';
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

// Each test spawns the real command (1–3 times); on a shared 2-core machine one spawn can take several seconds.
describe('npm run ask', { timeout: 60_000 }, () => {
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
      expect(Object.keys(r).sort()).toEqual(['confidence', 'end', 'endLine', 'id', 'line', 'score', 'scores', 'source', 'start', 'text']);
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

  it('falls back to lexical-only, says why in one short line once, and again only with --verbose', () => {
    const env = { MODEL_DIR: tempDir(), INDEX_DIR: path.join(tempDir(), 'index') };
    const first = ask(['من يرأس وفد النظام السوري؟'], undefined, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('بشار الجعفري');
    const warnings = first.stderr.split('\n').filter((l) => l.includes('WARN'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.length).toBeLessThan(300);
    expect(warnings[0]).toMatch(/model files not found/);
    expect(first.stderr + first.stdout).not.toMatch(/the bot/i);

    const second = ask(['من يرأس وفد النظام السوري؟'], undefined, env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');

    const verbose = ask(['--verbose', 'من يرأس وفد النظام السوري؟'], undefined, env);
    expect(verbose.stderr).toMatch(/WARN: .*unavailable.*MODEL_DIR/);
  });

  it('keeps stdout for the answer: progress and notices go to stderr', () => {
    const { code, stdout, stderr } = ask(['من يرأس وفد النظام السوري؟'], undefined, { MODEL_ID: 'none' });
    expect(code).toBe(0);
    expect(stderr).toContain('Building the index');
    expect(stdout).not.toContain('[isnad]');
    // Every non-blank line of stdout is a numbered citation or a quoted passage line.
    for (const line of stdout.split('\n').filter((l) => l.trim() !== '')) expect(line).toMatch(/^(\d+\. \S+ · lines? \d|   )/);
  });

  it('checks the documents folder before saying anything about the index', () => {
    const { code, stderr } = ask(['--docs', '/nonexistent-isnad-docs', 'سؤال']);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/index of/);
    expect(stderr).toMatch(/^isnad: Documents folder \/nonexistent-isnad-docs does not exist.*\[DOCS_NOT_FOUND\]\n$/);
  });

  it('names an unknown option with balanced quotes and says how to ask a question starting with "-"', () => {
    const { code, stderr } = ask(['--frobnicate', 'x']);
    expect(code).toBe(2);
    const first = stderr.split('\n')[0]!;
    expect(first).toBe('isnad: unknown option --frobnicate. To ask a question that starts with "-", put it after a second --: npm run ask -- -- "--frobnicate"');
    expect(first.match(/"/g)!.length % 2).toBe(0);
  });

  it('names the variable when the configuration is invalid', () => {
    const { code, stderr } = ask(['سؤال'], undefined, { MODEL_LOAD_TIMEOUT_MS: 'soon' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/MODEL_LOAD_TIMEOUT_MS must be a number/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
