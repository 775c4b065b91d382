/**
 * The variant legs' warm-up after a load (src/retrieve/warm-legs.ts): it runs the spelling-variant searches
 * on the collection's own words, changes no answer, and stops when told.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { openIndex } from '../../src/open-collection.js';
import { answerQuestion } from '../../src/retrieve/answer.js';
import { warmVariantLegs } from '../../src/retrieve/warm-legs.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { tempDir } from '../helpers/temp.js';

let cold: IndexSnapshot;
let warmed: IndexSnapshot;
const QUESTIONS = ['من رئيس كازاخستان نزاربايف؟', 'ما الوفد الروسي لافرنتيف؟', 'متى عقدت محادثات استانة؟', 'من رئيس الوفد الحكومي؟'];

beforeAll(async () => {
  const docs = tempDir('isnad-docs-');
  fs.writeFileSync(path.join(docs, 'kazakh.txt'), 'استقبل رئيس كازاخستان نور سلطان نزارباييف الوفود في العاصمة أستانا.\n\nوعقدت المحادثات في فندق ريكسوس بحضور الوفد الروسي.\n');
  fs.writeFileSync(path.join(docs, 'russia.txt'), 'ترأس ألكسندر لافرينتييف الوفد الروسي إلى المحادثات.\n\nوقال إن الجولة المقبلة ستعقد بعد شهر.\n');
  fs.writeFileSync(path.join(docs, 'talks.txt'), 'ترأس بشار الجعفري وفد الحكومة السورية في محادثات أستانا.\n\nوشارك وفد المعارضة برئاسة محمد علوش.\n');
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', LOG_LEVEL: 'silent' });
  cold = (await openIndex(config, { log: silentLogger })).snapshot;
  warmed = (await openIndex(config, { log: silentLogger })).snapshot;
}, 30_000);

describe('warming the variant legs after a load', () => {
  it('runs spelling-variant searches and then answers every question as an index that was not warmed', async () => {
    expect(await warmVariantLegs(warmed)).toBeGreaterThan(0);
    for (const question of QUESTIONS) expect(await answerQuestion(warmed, null, question)).toEqual(await answerQuestion(cold, null, question));
  });

  it('answers a sequence of questions, the first asked again last, as the index that was not warmed answers each', async () => {
    // The warm-up's searches (a word as a group of alternatives among them) reuse the scratch rows users' searches use.
    await warmVariantLegs(warmed);
    for (const question of [...QUESTIONS, QUESTIONS[0]!]) expect(await answerQuestion(warmed, null, question)).toEqual(await answerQuestion(cold, null, question));
  });

  it('runs nothing once stopped', async () => {
    expect(await warmVariantLegs(cold, () => true)).toBe(0);
  });
});
