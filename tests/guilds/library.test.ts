import path from 'node:path';
import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Library } from '../../src/guilds/library.js';
import { createLogger } from '../../src/log.js';
import { FakeCollection } from '../fakes/fake-collection.js';
import { tempDir } from '../helpers/temp.js';

const SEES = '223456789012345678';
const BLIND = '323456789012345678';

test('BASE_DOCS_GUILDS: a listed server and DMs search the base; an unlisted server with no documents of its own finds nothing', async () => {
  const base = new FakeCollection();
  const config = loadConfig({ MODEL_ID: 'none' });
  const library = new Library({ base, config, dataDir: path.join(tempDir(), 'data'), baseGuilds: [SEES], open: { log: createLogger('silent') } });
  expect(await library.collectionFor(null)).toBe(base);
  expect(await library.collectionFor(SEES)).toBe(base);
  const blind = await library.collectionFor(BLIND);
  const question = (await base.ask('anything')).query;
  const answer = await blind.ask(question);
  expect(answer.answered).toBe(false);
  expect(answer.results).toEqual([]);
  expect(blind.documents()).toEqual([]);
  expect(() => blind.reindex()).toThrow(/no documents yet/);
});
