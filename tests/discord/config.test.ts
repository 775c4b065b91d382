import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { botSchema, loadBotConfig, loadDeployConfig } from '../../src/discord/config.js';
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

  test('DATA_DIR and BASE_DOCS_GUILDS: all by default, none, or a list of server ids; anything else is refused by name', () => {
    expect(loadBotConfig(good).discord).toMatchObject({ dataDir: path.resolve('data'), baseGuilds: 'all' });
    expect(loadBotConfig({ ...good, BASE_DOCS_GUILDS: 'none' }).discord.baseGuilds).toEqual([]);
    expect(loadBotConfig({ ...good, BASE_DOCS_GUILDS: '223456789012345678, 323456789012345678' }).discord.baseGuilds).toEqual(['223456789012345678', '323456789012345678']);
    const bad = configError({ ...good, BASE_DOCS_GUILDS: 'my-server' });
    expect(bad).toMatchObject({ code: 'CONFIG_INVALID', variable: 'BASE_DOCS_GUILDS' });
    expect(bad.message).toContain('all, none, or server ids');
    expect(bad.message).not.toContain('my-server');
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

  test('a token pasted with spaces or quotes around it is used without them', () => {
    for (const pasted of [`  ${TOKEN} `, `"${TOKEN}"`, `'${TOKEN}'\n`, ` " ${TOKEN}" `]) {
      expect(loadBotConfig({ ...good, DISCORD_TOKEN: pasted }).discord.token).toBe(TOKEN);
    }
  });

  test('a token given with the "Bot " prefix is told exactly that', () => {
    const e = configError({ ...good, DISCORD_TOKEN: `Bot ${TOKEN}` });
    expect(e.variable).toBe('DISCORD_TOKEN');
    expect(e.message).toMatch(/^DISCORD_TOKEN starts with "Bot ": give the token alone, without the "Bot " prefix/);
    expect(e.message).not.toContain(TOKEN);
  });

  test('every variable is explained in our words, naming what it accepts', () => {
    const dtype = configError({ ...good, MODEL_DTYPE: 'q9' }).message;
    expect(dtype).toBe('MODEL_DTYPE must be one of fp32, fp16, q8, int8, uint8, q4, bnb4, q4f16 (default q8). Set it in .env (see .env.example).');
    expect(configError({ ...good, ASK_COOLDOWN_SECONDS: '-3' }).message).toMatch(/^ASK_COOLDOWN_SECONDS must be a number of seconds from 0 to 86400/);
    expect(configError({ ...good, ALLOW_REMOTE_MODELS: 'maybe' }).message).toMatch(/^ALLOW_REMOTE_MODELS must be true or false/);
    expect(configError({ ...good, LOG_LEVEL: 'loud' }).message).toMatch(/^LOG_LEVEL must be one of debug, info, warn, error, silent/);
    expect(configError({ ...good, MAX_FILE_BYTES: '1.5' }).message).toMatch(/^MAX_FILE_BYTES must be a number: whole bytes above 0/);
  });

  test('a secret pasted into the wrong variable is never echoed (issue 10, item 10)', () => {
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.AbCdEf.tokenpasted-here';
    let refused = 0;
    for (const variable of Object.keys(botSchema.shape)) {
      let message: string | null = null;
      try {
        loadBotConfig({ ...good, [variable]: secret, ...(variable === 'DISCORD_TOKEN' ? { DISCORD_TOKEN: `Bot ${secret}` } : {}) });
      } catch (error) {
        if (!isIsnadError(error, 'CONFIG_INVALID')) throw error;
        message = error.message;
      }
      if (message === null) continue; // a path or a model id: any text is accepted
      refused++;
      expect(message.startsWith(`${variable} `)).toBe(true);
      for (const piece of secret.split('.')) expect(message).not.toContain(piece);
      expect(message).not.toMatch(/Invalid|Expected|received|Number must/);
    }
    expect(refused).toBeGreaterThanOrEqual(10);
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
