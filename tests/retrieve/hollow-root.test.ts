/**
 * A hollow verb the collection never uses as written (تعود, where the text says لعودة): its hollow root is loose
 * evidence (src/retrieve/loose-features.ts), so the question is answered by the passage about the return rather than
 * refused as one about the factions alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import { tempDir } from '../helpers/temp.js';

let collection: Collection;

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'return.txt'), 'أفادت مصادر مقربة من المفاوضات باحتمال كبير لعودة الفصائل إلى طاولة المحادثات.\n');
  fs.writeFileSync(path.join(docs, 'fighting.txt'), 'أكدت الفصائل أنها ستستأنف القتال إذا فشلت المحادثات.\n');
  fs.writeFileSync(path.join(docs, 'hotel.txt'), 'وصلت الوفود إلى الفندق صباح اليوم.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  collection = await openCollection(config, { log: silentLogger });
}, 30_000);

describe('a hollow verb the collection never uses as written', () => {
  it('answers متى تعود الفصائل؟ with the passage about their return (لعودة)', async () => {
    const answer = await collection.ask('متى تعود الفصائل؟', { top: 3 });
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.source).toBe('return.txt');
  });
});
