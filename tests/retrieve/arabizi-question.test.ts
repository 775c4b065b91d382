/**
 * A question typed wholly in Arabizi (src/text/arabizi.ts) is answered like the same question in Arabic letters: its
 * words are spelled out and read as the collection's nearest written words, and the passage that answers comes first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { answerQuestion } from '../../src/retrieve/answer.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { tempDir } from '../helpers/temp.js';

let index: IndexSnapshot;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'opposition.txt'), 'يقود وفد المعارضة العسكرية السورية محمد علوش.\n');
  fs.writeFileSync(path.join(docs, 'regime.txt'), 'يرأس وفد النظام السوري بشار الجعفري في المحادثات.\n');
  fs.writeFileSync(path.join(docs, 'factions.txt'), 'وأكدت الفصائل السورية المسلحة أنها ستستأنف القتال إذا فشلت المفاوضات.\n');
  fs.writeFileSync(path.join(docs, 'days.txt'), 'ستستمر المحادثات في أستانا لمدة يومين.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', LOG_LEVEL: 'silent' });
  index = (await openIndex(config, { log: silentLogger })).snapshot;
}, 30_000);

const first = async (question: string) => {
  const answer = await answerQuestion(index, null, question);
  return { answered: answer.answered, source: (answer.results[0] ?? answer.closest[0])?.source };
};

describe('a question in Arabizi', () => {
  it('finds the passage that answers it, as in Arabic letters', async () => {
    expect(await first('meen elly by2ood wafd el mo3arda el 3askareya?')).toEqual({ answered: true, source: 'opposition.txt' });
    expect(await first('shu 2alet el fasa2el iza feshlet el mfawadat?')).toEqual({ answered: true, source: 'factions.txt' });
    expect((await first('chhal mn nhar ghadi yb9aw f astana?')).source).toBe('days.txt');
  });

  it('reads the French words of a Maghrebi one (la délégation, le régime)', async () => {
    expect((await first('chkoun ra2es la délégation dyal le régime?')).source).toBe('regime.txt');
  });

  it('echoes the question as typed', async () => {
    expect((await answerQuestion(index, null, 'meen elly by2ood wafd el mo3arda?')).query).toBe('meen elly by2ood wafd el mo3arda?');
  });
});
