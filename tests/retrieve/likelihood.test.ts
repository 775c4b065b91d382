/**
 * The query-likelihood feature (src/retrieve/likelihood-features.ts), read as the ranker reads it:
 * per candidate, by name. Its counts come from the postings; here they are checked against the
 * passages' own analyzed words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { gatherEvidence } from '../../src/retrieve/answer.js';
import { questionTerms } from '../../src/retrieve/query-terms.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { analyze } from '../../src/text/analyze.js';
import { tempDir } from '../helpers/temp.js';

let index: IndexSnapshot;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'short.txt'), 'افتتح الملعب الجديد في المدينة.\n');
  fs.writeFileSync(
    path.join(docs, 'long.txt'),
    'وفي المدينة سوق قديم وحدائق واسعة ومتاحف كثيرة يزورها السياح في الصيف والشتاء، ويقع الملعب عند طرفها الشمالي قرب النهر.\n',
  );
  fs.writeFileSync(path.join(docs, 'twice.txt'), 'الملعب الكبير في المدينة، وقد جدد الملعب العام الماضي.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', LOG_LEVEL: 'silent' });
  index = (await openIndex(config, { log: silentLogger })).snapshot;
}, 30_000);

async function likelihoodBySource(question: string): Promise<Map<string, number>> {
  const { set } = await gatherEvidence(index, null, question);
  const at = set.names.indexOf('likelihood');
  expect(at).toBeGreaterThanOrEqual(0);
  return new Map(set.candidates.map((c) => [index.passages[c.row]!.source, c.values[at]!]));
}

describe('query likelihood', () => {
  it('favours, for one question word, the short passage over the long one and two mentions over one', async () => {
    const values = await likelihoodBySource('الملعب');
    expect(values.get('short.txt')!).toBeGreaterThan(values.get('long.txt')!);
    expect(values.get('twice.txt')!).toBeGreaterThan(values.get('short.txt')!);
  });

  it('is the Dirichlet-smoothed likelihood of the passages\' analyzed words, less what every passage shares, per question word', async () => {
    const question = 'متى افتتح الملعب في المدينة؟';
    const words = index.passages.map((p) => analyze(p.text));
    const tokens = words.flat();
    const mu = tokens.length / words.length;
    const terms = [...new Set(questionTerms(index.lexical, question))];
    expect(terms.length).toBeGreaterThanOrEqual(3);
    const { set } = await gatherEvidence(index, null, question);
    expect(set.candidates.length).toBe(3);
    const at = set.names.indexOf('likelihood');
    for (const c of set.candidates) {
      const own = words[c.row]!;
      let expected = terms.length * Math.log(mu / (own.length + mu));
      for (const term of terms) {
        const tf = own.filter((w) => w === term).length;
        const cf = tokens.filter((w) => w === term).length;
        expected += Math.log(1 + tf / ((mu * cf) / tokens.length));
      }
      expect(c.values[at]!).toBeCloseTo(expected / terms.length, 9);
    }
  });
});
