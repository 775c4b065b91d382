/**
 * The loose-match, best-document feedback and passage-length evidence (src/retrieve/loose-features.ts,
 * feedback-features.ts, length-features.ts), read as the ranker reads it: per candidate, by feature name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { gatherEvidence } from '../../src/retrieve/answer.js';
import { prepareLooseKeys } from '../../src/retrieve/loose-features.js';
import { prepareRanking } from '../../src/retrieve/prepare.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { tempDir } from '../helpers/temp.js';

let index: IndexSnapshot;
/** The same index loaded twice more: prepared for serving, and preparation stopped after its first slice. */
let prepared: IndexSnapshot;
let halfway: IndexSnapshot;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'race.txt'), 'وكان العداء الكيني هو الفائز في سباق الماراثون هذا العام.\n');
  fs.writeFileSync(path.join(docs, 'crowd.txt'), 'حضر سباق الماراثون جمهور كبير من سكان المدينة هذا العام.\n');
  // The best document for the Nile question; two other documents share only the word الوادي with it.
  fs.writeFileSync(path.join(docs, 'nile.txt'), 'وتعتمد الزراعة في الوادي على فيضان النيل السنوي ومياه الري من السدود.\n');
  fs.writeFileSync(path.join(docs, 'farming.txt'), 'وتزرع على ضفاف الوادي محاصيل القطن والقمح بفضل مياه الري والسدود.\n');
  fs.writeFileSync(path.join(docs, 'festival.txt'), 'وتنظم مدن الوادي مهرجانا موسيقيا كل صيف في ساحاتها الكبيرة.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', LOG_LEVEL: 'silent' });
  index = (await openIndex(config, { log: silentLogger })).snapshot;
  prepared = (await openIndex(config, { log: silentLogger })).snapshot;
  halfway = (await openIndex(config, { log: silentLogger })).snapshot;
}, 30_000);

async function featureBySource(question: string, feature: string): Promise<Map<string, number>> {
  const { set } = await gatherEvidence(index, null, question);
  const at = set.names.indexOf(feature);
  expect(at).toBeGreaterThanOrEqual(0);
  return new Map(set.candidates.map((c) => [`${index.passages[c.row]!.source}:${index.passages[c.row]!.line}`, c.values[at]!]));
}

describe('loose matches', () => {
  it('credit the passage that says الفائز for a question that says فاز (a hollow root), and not the other race passage', async () => {
    const values = await featureBySource('من فاز في سباق الماراثون؟', 'looseCoverage');
    expect(values.get('race.txt:1')).toBeGreaterThan(0);
    expect(values.get('crowd.txt:1') ?? 0).toBe(0);
  });

  it('give nothing for a word the passage holds as written', async () => {
    const values = await featureBySource('من حضر سباق الماراثون؟', 'looseCoverage');
    expect(values.get('crowd.txt:1')).toBe(0);
  });
});

describe('feedback from the best document', () => {
  it('prefers, of two passages sharing one question word, the one using the best document\'s other words', async () => {
    // The question names the Nile; its best passage speaks of irrigation and dams besides.
    const values = await featureBySource('كيف يستفيد الوادي من فيضان النيل؟', 'feedbackShare');
    const irrigation = values.get('farming.txt:1');
    const festival = values.get('festival.txt:1');
    expect(festival).toBeDefined();
    expect(irrigation).toBeGreaterThan(festival!);
  });
});

describe('passage length', () => {
  it('reads each candidate passage\'s length as a share of the longest passage the chunker makes (600 characters)', async () => {
    const values = await featureBySource('سباق الماراثون هذا العام', 'passageLength');
    const race = values.get('race.txt:1')!;
    const crowd = values.get('crowd.txt:1')!;
    expect(race).toBeCloseTo('وكان العداء الكيني هو الفائز في سباق الماراثون هذا العام.'.length / 600, 6);
    expect(crowd).toBeCloseTo('حضر سباق الماراثون جمهور كبير من سكان المدينة هذا العام.'.length / 600, 6);
  });
});

describe('an index prepared for serving', () => {
  it('gives every candidate the same evidence as one whose tables are filled by its first question, or half-prepared', async () => {
    const questions = ['من فاز في سباق الماراثون؟', 'كيف يستفيد الوادي من فيضان النيل؟', 'متى الفائزة بالسباق لعام الماراثون', 'مهرجان الساحات الكبيرة'];
    await prepareRanking(prepared);
    let slices = 0;
    await prepareLooseKeys(halfway, () => slices++ > 0);
    for (const question of questions) {
      const lazy = (await gatherEvidence(index, null, question)).set;
      expect(lazy.candidates.length).toBeGreaterThan(0);
      expect((await gatherEvidence(prepared, null, question)).set).toEqual(lazy);
      expect((await gatherEvidence(halfway, null, question)).set).toEqual(lazy);
    }
  });
});
