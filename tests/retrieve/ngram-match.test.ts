/**
 * Character-trigram soft matches (src/retrieve/ngram-features.ts): a question word the passage holds in
 * another form that neither the stemmer nor the root key joins (الاستقلال / استقلت) still counts,
 * and with the shipped weights that is what puts the answering passage first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { answerQuestion, gatherEvidence } from '../../src/retrieve/answer.js';
import { dot, shippedWeights } from '../../src/retrieve/ranker.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { tempDir } from '../helpers/temp.js';

let index: IndexSnapshot;
const QUESTION = 'متى نالت الجزائر الاستقلال؟';

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  // Both name Algeria and a year; only the first says it became independent, in a form of the word the
  // stemmer and root key keep apart. The second names Algeria twice: on every other evidence it ranks first.
  fs.writeFileSync(path.join(docs, 'independence.txt'), 'وفي عام 1962 استقلت الجزائر عن فرنسا بعد حرب طويلة.\n');
  fs.writeFileSync(path.join(docs, 'visit.txt'), 'وفي عام 1962 زار رئيس الجزائر مدينة باريس ثم عاد إلى الجزائر.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', LOG_LEVEL: 'silent' });
  index = (await openIndex(config, { log: silentLogger })).snapshot;
}, 30_000);

/** Each candidate's source and ranker score, best first, with the shipped weights changed by `change`. */
async function ranked(change: Record<string, number> = {}, question = QUESTION): Promise<Array<{ source: string; ngram: number }>> {
  const { set } = await gatherEvidence(index, null, question);
  const weights = { ...shippedWeights().ranker, ...change };
  const at = set.names.indexOf('ngramCoverage');
  return set.candidates
    .map((c) => ({ source: index.passages[c.row]!.source, ngram: c.values[at]!, score: dot(set.names, c.values, weights) }))
    .sort((a, b) => b.score - a.score);
}

describe('character-trigram soft matches', () => {
  it('credit the passage that says استقلت for a question that says الاستقلال, and not the other one', async () => {
    const list = await ranked();
    expect(list.find((c) => c.source === 'independence.txt')!.ngram).toBeGreaterThan(0);
    expect(list.find((c) => c.source === 'visit.txt')!.ngram).toBe(0);
  });

  it('give nothing for words the passage already holds as written: the evidence is only ever new', async () => {
    const list = await ranked({}, 'متى استقلت الجزائر؟');
    expect(list.find((c) => c.source === 'independence.txt')!.ngram).toBe(0);
  });

  it('put the passage that answers first: with the shipped weights, and not without this evidence', async () => {
    expect((await ranked())[0]!.source).toBe('independence.txt');
    expect((await ranked({ ngramCoverage: 0 }))[0]!.source).toBe('visit.txt');
    const answer = await answerQuestion(index, null, QUESTION);
    expect([...answer.results, ...answer.closest][0]!.source).toBe('independence.txt');
  });
});
