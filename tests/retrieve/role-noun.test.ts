/**
 * A question asking for a role by its noun (رئيس, قائد, مدير) where the text says the verb (يرأس, يقود, يدير):
 * the noun and the verb are one root, but the normalized spelling writes its hamza or long vowel apart in each
 * pattern (src/text/root-key.ts), so before the root key knew these roots the passage that answers lost to one
 * that merely shares the delegation's words.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import type { Answer } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

let seeds: Collection;

beforeAll(async () => {
  const config = loadConfig({ DOCS_DIR: path.resolve('seeds'), INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  seeds = await openCollection(config, { log: silentLogger });
}, 30_000);

const first = (answer: Answer) => (answer.answered ? answer.results : answer.closest)[0]!;

describe('a role noun against its verb', () => {
  it.each([
    ['من قائد وفد المعارضة؟', 'يقود وفد المعارضة العسكرية السورية محمد علوش'],
    ['مين قائد وفد المعارضة؟', 'يقود وفد المعارضة العسكرية السورية محمد علوش'],
  ])('answers %s with the passage that names the leader by the verb', async (question, text) => {
    const answer = await seeds.ask(question, { top: 3 });
    expect(answer.answered).toBe(true);
    expect(first(answer).text).toContain(text);
  });

  it('still answers the verb question (مين بيرأس وفد النظام؟) the same way', async () => {
    expect(first(await seeds.ask('مين بيرأس وفد النظام؟', { top: 3 })).text).toContain('يرأس وفد النظام السوري بشار الجعفري');
  });

  it('puts who leads the Turkish delegation first for من رئيس الوفد التركي؟ (the passage says يرأس of the others beside it)', async () => {
    expect(first(await seeds.ask('من رئيس الوفد التركي؟', { top: 3 })).text).toContain('سيمثل وفد تركيا نائب وزير الخارجية سيدات أونال');
  });
});
