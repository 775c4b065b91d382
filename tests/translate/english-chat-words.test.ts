/**
 * Chat English over an Arabic collection (fourth blind English round): a long word misspelt by one letter (goverment,
 * recieve) read as the headword it misspells; chat shortenings of news words (opp, deleg, conf); news senses the
 * dictionary lacks (side → طرف, settlement → تسوية, sign → توقيع); come back → return. Each collection is built so
 * that the passage asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { correctedHeadword } from '../../src/translate/misspelling.js';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['government', ['الحكومة']],
  ['delegation', ['الوفد']],
  ['opposition', ['المعارضة']],
  ['conference', ['المؤتمر']],
  ['press', ['الصحافة']],
  ['meet', ['إجتمع']],
  ['side', ['الجانب']],
  ['settlement', ['المستوطنة']],
  ['political', ['سياسي']],
  ['sign', ['الإشارة']],
  ['agreement', ['الإتفاق']],
  ['return', ['عودة']],
  ['come', ['تعال']],
  ['factions', ['الفصائل']],
  ['sheep', ['الخروف']],
  ['sheet', ['الورقة']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test('a long word misspelt by one letter is read as the word it misspells (goverment → government → الحكومة)', async () => {
  const c = await collection({ 'a.txt': 'اجتمع الوفد في الفندق.', 'b.txt': 'اجتمعت الحكومة في القصر الرئاسي مساء أمس.' });
  expect(await firstShown(c, 'where did the goverment meet')).toBe('b.txt');
});

test('a misspelling is corrected only when a single headword is one edit away, and only in lower case', () => {
  const has = (h: string) => DICTIONARY.some(([w]) => w === h);
  expect(correctedHeadword('goverment', has)).toBe('government');
  expect(correctedHeadword('settlemnet', has)).toBe('settlement');
  // sheetp is one letter from both sheep and sheet: a guess, not a correction. Short words are left alone.
  expect(correctedHeadword('sheeps', has)).toBe('sheep');
  expect(correctedHeadword('sheetp', has)).toBeUndefined();
  expect(correctedHeadword('sidde', has)).toBeUndefined();
  expect(correctedHeadword('Goverment', has)).toBeUndefined();
});

test('chat shortenings of news words are read in full (opp deleg → opposition delegation, press conf → press conference)', async () => {
  const c = await collection({ 'a.txt': 'اجتمع الوفد في الفندق.', 'b.txt': 'اجتمع وفد المعارضة في القصر مساء أمس.' });
  expect(await firstShown(c, 'where did the opp deleg meet')).toBe('b.txt');
  const d = await collection({ 'a.txt': 'تحدثت الصحافة عن الوفد.', 'b.txt': 'عقد الوفد مؤتمرا صحفيا. وحضر المؤتمر الصحفي عدد من الصحفيين.' });
  expect(await firstShown(d, 'was there a press conf')).toBe('b.txt');
});

test('news senses the dictionary lacks: both sides → الطرفين, a political settlement → تسوية, signing → توقيع', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد السياسي إلى الفندق.', 'b.txt': 'دعا الوفد إلى تسوية سياسية شاملة.' });
  expect(await firstShown(c, 'who wants a political settlement')).toBe('b.txt');
  const d = await collection({ 'a.txt': 'اجتمع الوفد في الفندق.', 'b.txt': 'دعا المبعوث الطرف الآخر إلى الحوار.' });
  expect(await firstShown(d, 'what did the envoy ask the other side')).toBe('b.txt');
  const e = await collection({ 'a.txt': 'ناقش الوفد الاتفاق في الفندق.', 'b.txt': 'من المقرر توقيع الاتفاق مساء اليوم.' });
  expect(await firstShown(e, 'when will the agreement be signed')).toBe('b.txt');
});

test('come back is read as return (the factions coming back → عودة الفصائل)', async () => {
  const c = await collection({ 'a.txt': 'تعال إلى الفصائل في الفندق.', 'b.txt': 'رجحت مصادر عودة الفصائل إلى المحادثات.' });
  expect(await firstShown(c, 'are the factions coming back')).toBe('b.txt');
});
