import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

/** Runs `npm run verify` as a user would (lexical index over seeds/, a throwaway index folder). */
function verify(args: string[], input?: string, extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, DOCS_DIR: path.resolve('seeds'), INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', NO_COLOR: '1', ...extraEnv };
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/verify.ts', ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run verify', () => {
  it('shows an altered quote as the real text with the changes marked, and its citation', () => {
    const { code, stdout } = verify(['يرأس وفد النظام محمد علوش']);
    expect(code).toBe(0);
    expect(stdout).toContain('altered');
    expect(stdout).toMatch(/001_4a36f68e423f829a\.txt · line 1 · passage [0-9a-f]{12}/);
    expect(stdout).toContain('يرأس وفد النظام [-محمد علوش-] {+بشار الجعفري+}');
    expect(stdout).toContain('replace (name): "محمد علوش" → "بشار الجعفري"');
  }, 60_000);

  it('refuses an over-long quote with QUOTE_INVALID and exit 2; an empty stdin line is skipped', () => {
    const long = verify(['كلمة '.repeat(401)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('[QUOTE_INVALID]');
    const lines = verify([], '\nيرأس وفد النظام بشار الجعفري\n');
    expect(lines.code).toBe(0);
    const out = lines.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ input: 2, verdict: 'verbatim', source: '001_4a36f68e423f829a.txt', line: 1, changes: [] });
  }, 60_000);

  it('says an unavailable model once, in one short line, and again only with --verbose (as ask does)', () => {
    const env = { MODEL_ID: 'Xenova/multilingual-e5-small', MODEL_DIR: tempDir(), ALLOW_REMOTE_MODELS: 'false', INDEX_DIR: path.join(tempDir(), 'index') };
    const first = verify(['يرأس وفد النظام بشار الجعفري'], undefined, env);
    expect(first.code).toBe(0);
    const warnings = first.stderr.split('\n').filter((l) => l.includes('WARN'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.length).toBeLessThan(300);
    const second = verify(['يرأس وفد النظام بشار الجعفري'], undefined, env);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');
    const verbose = verify(['--verbose', 'يرأس وفد النظام بشار الجعفري'], undefined, env);
    expect(verbose.stderr).toMatch(/WARN: .*unavailable/);
  }, 60_000);
});
