import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBotConfig, loadDeployConfig } from '../../src/discord/config.js';
import { isIsnadError } from '../../src/errors.js';
import { TOKEN } from './harness.js';

const good = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678' };

function configError(env: Record<string, string>): { code: string; message: string; variable: unknown } {
  try {
    loadBotConfig(env);
  } catch (error) {
    if (isIsnadError(error)) return { code: error.code, message: error.message, variable: error.details.variable };
    throw error;
  }
  throw new Error('expected a config error');
}

describe('bot config', () => {
  test('valid env: core and discord settings, defaults applied', () => {
    const config = loadBotConfig({ ...good, DISCORD_GUILD_ID: '223456789012345678', DISCORD_API_URL: 'http://127.0.0.1:9/api/', MODEL_ID: 'none' });
    expect(config.discord).toMatchObject({ clientId: good.DISCORD_CLIENT_ID, guildId: '223456789012345678', apiUrl: 'http://127.0.0.1:9/api', askCooldownMs: 5000 });
    expect(config.core.model.modelId).toBeNull();
    expect(config.core.docsDir).toBe(path.resolve('seeds'));
  });

  test('missing token names the variable and says what to do', () => {
    const e = configError({ DISCORD_CLIENT_ID: good.DISCORD_CLIENT_ID });
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.variable).toBe('DISCORD_TOKEN');
    expect(e.message).toMatch(/^DISCORD_TOKEN is required\. Set it in \.env/);
  });

  test('a malformed token is refused without echoing it', () => {
    const e = configError({ ...good, DISCORD_TOKEN: 'not a token secretvalue' });
    expect(e.variable).toBe('DISCORD_TOKEN');
    expect(e.message).not.toContain('secretvalue');
  });

  test('malformed ids and URL', () => {
    expect(configError({ ...good, DISCORD_CLIENT_ID: 'abc' }).variable).toBe('DISCORD_CLIENT_ID');
    expect(configError({ ...good, DISCORD_GUILD_ID: '12' }).variable).toBe('DISCORD_GUILD_ID');
    expect(configError({ ...good, DISCORD_API_URL: 'nope' }).variable).toBe('DISCORD_API_URL');
    expect(configError({ ...good, ASK_COOLDOWN_SECONDS: 'soon' }).variable).toBe('ASK_COOLDOWN_SECONDS');
  });

  test('core variables are validated too', () => {
    expect(configError({ ...good, VECTOR_STORE: 'postgres' }).variable).toBe('VECTOR_STORE');
  });

  test('deploy config needs only the Discord variables', () => {
    expect(loadDeployConfig(good)).toEqual({ token: TOKEN, clientId: good.DISCORD_CLIENT_ID, guildId: null, apiUrl: null });
  });
});

test('npm run bot with a missing variable: one line naming it, exit 1, no stack trace', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bot-env-'));
  try {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_CLIENT_ID: good.DISCORD_CLIENT_ID };
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('src/main.ts')], { cwd, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DISCORD_TOKEN');
    expect(lines[0]).toContain('.env');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}, 40_000);
