/** The README's examples are real output: these tests run what it shows and compare. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBotConfig } from '../src/discord/config.js';
import { isIsnadError } from '../src/errors.js';
import { tempDir } from './helpers/temp.js';

const readme = fs.readFileSync('README.md', 'utf8');

/** The first fenced block after `marker`. */
function blockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  expect(at, `README has ${marker}`).toBeGreaterThanOrEqual(0);
  const block = /```[a-z]*\n([\s\S]*?)\n```/.exec(readme.slice(at));
  return block![1]!;
}

/** What the terminal commands print for a configuration error (src/cli/common.ts reportFatal). */
function configErrorLine(env: Record<string, string>): string {
  try {
    loadBotConfig(env);
  } catch (error) {
    if (isIsnadError(error)) return `isnad: ${error.message} [${error.code}]`;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('README', () => {
  it('quick start: the answer block is what `npm run ask` prints on stdout', () => {
    const command = blockAfter('## Quick start');
    const question = /npm run ask -- "([^"]+)"/.exec(command)![1]!;
    const expected = blockAfter('<!-- quick-start stdout');
    // Lexical-only, as on a machine without the model (the README says so).
    const env = { ...process.env, DOCS_DIR: path.resolve('seeds'), INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', NO_COLOR: '1' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', question], { env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd()).toBe(expected);
  }, 60_000);

  it('error examples carry the code suffix the program adds', () => {
    const good = { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.FakeTk.abc', DISCORD_CLIENT_ID: '123456789012345678' };
    const missingToken = configErrorLine({ DISCORD_CLIENT_ID: good.DISCORD_CLIENT_ID });
    expect(readme).toContain('`' + missingToken + '`');
    expect(readme).toContain('`' + configErrorLine({ ...good, MODEL_DTYPE: 'q9' }) + '`');
  });
});
