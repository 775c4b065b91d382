/** `npm run bot` as a process: real config, real index (seeds, lexical-only), fake Discord; SIGTERM exits cleanly. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { TOKEN } from './harness.js';

test('starts after loading the index, answers, and shuts down on SIGTERM', async () => {
  const fake = await FakeDiscord.start({ token: TOKEN });
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bot-run-'));
  const child = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('src/main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DOCS_DIR: path.resolve('seeds'),
      INDEX_DIR: path.join(cwd, 'index'),
      MODEL_ID: 'none',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
  kill.unref();
  try {
    await Promise.race([
      fake.identified,
      exited.then((code) => Promise.reject(new Error(`bot exited early (${code}): ${stderr}`))),
    ]);
    // The index was built before the gateway connection.
    expect(stderr).toMatch(/Indexed \d+ files into \d+ passages/);
    const i = fake.injectCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'من يرأس وفد النظام السوري؟' }]);
    const edit = await fake.waitForCall((c) => c.path === i.originalPath, 10_000);
    expect(JSON.stringify(edit.body)).toContain('بشار الجعفري');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM received');
    for (const part of [TOKEN, ...TOKEN.split('.')]) expect(stderr).not.toContain(part);
  } finally {
    clearTimeout(kill);
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}, 40_000);
