/** /docs remove's autocomplete reads the shelf's names on every keystroke: a cached list must still show every change. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { GuildShelf } from '../../src/guilds/shelf.js';
import { createLogger } from '../../src/log.js';
import { tempDir } from '../helpers/temp.js';

const GUILD = '423456789012345678';
const LONG_AGO = new Date('2024-01-01T00:00:00Z');

test('autocomplete names follow the folder and uploads.json: a file added or removed by hand, a new upload record', async () => {
  const dataDir = path.join(tempDir(), 'data');
  const shelf = new GuildShelf(GUILD, dataDir, loadConfig({ MODEL_ID: 'none' }), { log: createLogger('silent') });
  expect(await shelf.names()).toEqual([]);

  fs.mkdirSync(shelf.docsDir, { recursive: true });
  fs.writeFileSync(path.join(shelf.docsDir, 'a.txt'), 'نص');
  const uploads = path.join(dataDir, 'guilds', GUILD, 'uploads.json');
  const settle = () => {
    // Old enough to be cached: what follows must be noticed through the mtimes.
    fs.utimesSync(shelf.docsDir, LONG_AGO, LONG_AGO);
    if (fs.existsSync(uploads)) fs.utimesSync(uploads, LONG_AGO, LONG_AGO);
  };
  settle();
  expect(await shelf.names()).toEqual(['a.txt']);

  fs.writeFileSync(path.join(shelf.docsDir, 'b.txt'), 'نص آخر');
  expect(await shelf.names()).toEqual(['a.txt', 'b.txt']);

  const record = (name: string, addedAt: string) => ({ name, bytes: 3, addedBy: '1', addedAt });
  fs.writeFileSync(uploads, JSON.stringify([record('a.txt', '2025-01-01T00:00:00Z')]));
  settle();
  expect(await shelf.names()).toEqual(['a.txt', 'b.txt']);
  // Only uploads.json changes: b.txt is now the newest upload, listed first.
  fs.writeFileSync(uploads, JSON.stringify([record('a.txt', '2025-01-01T00:00:00Z'), record('b.txt', '2026-01-01T00:00:00Z')]));
  expect(await shelf.names()).toEqual(['b.txt', 'a.txt']);

  settle();
  expect(await shelf.names()).toEqual(['b.txt', 'a.txt']);
  fs.rmSync(path.join(shelf.docsDir, 'b.txt'));
  expect(await shelf.names()).toEqual(['a.txt']);
});
