/**
 * A question that says the verb where the document says the noun (يسافر / سفر): the root-key evidence
 * (src/retrieve/root-features.ts) puts the passage that answers first, ahead of a shorter passage that
 * only shares the question's subject. A hollow verb the collection never uses as written (تعود, where the text
 * says لعودة) is loose evidence by its hollow root (src/retrieve/loose-features.ts), enough to answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import type { Answer } from '../../src/types.js';
import { tempDir } from '../helpers/temp.js';

let collection: Collection;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'arrival.txt'), 'وصل الوزير إلى العاصمة صباح اليوم.\n');
  fs.writeFileSync(path.join(docs, 'trip.txt'), 'أعلنت الوزارة أن موعد سفر الوزير إلى الخارج تأجل بسبب انشغاله بالمفاوضات التجارية مع الوفود الأجنبية.\n');
  fs.writeFileSync(path.join(docs, 'defence.txt'), 'قال المتحدث إن وزارة الدفاع أكملت المناورات العسكرية في الشمال.\n');
  fs.writeFileSync(path.join(docs, 'return.txt'), 'أفادت مصادر مقربة من المفاوضات باحتمال كبير لعودة الفصائل إلى طاولة المحادثات.\n');
  fs.writeFileSync(path.join(docs, 'fighting.txt'), 'أكدت الفصائل أنها ستستأنف القتال إذا فشلت المحادثات.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  collection = await openCollection(config, { log: silentLogger });
}, 30_000);

const shown = (answer: Answer) => (answer.answered ? answer.results : answer.closest);

describe('words of one root in another pattern', () => {
  it('puts the passage about the minister\'s travel (سفر) first for هل يسافر الوزير؟', async () => {
    const first = shown(await collection.ask('هل يسافر الوزير؟', { top: 3 }))[0]!;
    expect(first.source).toBe('trip.txt');
  });

  it('finds the defence ministry passage for a word the documents never use as written (المدافعون)', async () => {
    const answer = await collection.ask('ماذا فعل المدافعون؟', { top: 3 });
    expect(shown(answer)[0]!.source).toBe('defence.txt');
  });

  it('answers متى تعود الفصائل؟ with the passage about their return (لعودة), not refuses it', async () => {
    const answer = await collection.ask('متى تعود الفصائل؟', { top: 3 });
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.source).toBe('return.txt');
  });
});
