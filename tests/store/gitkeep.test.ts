import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ingestDocuments, openCollection } from '../../src/open-collection.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

it('building into the default index/ keeps the tracked index/.gitkeep, so a clone stays clean', async () => {
  const indexDir = path.join(tempDir(), 'index');
  fs.mkdirSync(indexDir);
  fs.writeFileSync(path.join(indexDir, '.gitkeep'), '');
  const config = loadConfig({ DOCS_DIR: copyOfSeeds(), INDEX_DIR: indexDir, MODEL_ID: 'none' });
  const log = createLogger('silent');
  await openCollection(config, { log });
  // Old generations are removed after ten minutes: age everything so cleanup runs on all of it.
  const old = new Date(Date.now() - 24 * 3600_000);
  for (const entry of fs.readdirSync(indexDir)) fs.utimesSync(path.join(indexDir, entry), old, old);
  fs.appendFileSync(path.join(config.docsDir, fs.readdirSync(config.docsDir)[0]!), '\nسطر آخر.');
  await ingestDocuments(config, { log });
  expect(fs.readdirSync(indexDir)).toContain('.gitkeep');
});

it('everything a build writes into index/ is ignored by git, .gitkeep stays tracked', () => {
  const written = ['CURRENT', 'gen-2026-01-01T00-00-00-000Z-abcdef/manifest.json', '.tmp-gen-x/passages.txt', 'model-unavailable.json'];
  const ignored = execFileSync('git', ['check-ignore', '--no-index', ...written.map((f) => `index/${f}`)], { encoding: 'utf8' });
  expect(ignored.trim().split('\n')).toHaveLength(written.length);
  expect(() => execFileSync('git', ['check-ignore', '--no-index', 'index/.gitkeep'], { stdio: 'pipe' })).toThrow(); // exit 1: not ignored
});
