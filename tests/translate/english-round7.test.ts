/**
 * English news questions of a seventh blind round (eval/JOURNAL.md): what a plan or zone includes (the text's تشمل, not
 * only the dictionary's تضمن) and a short Arabic word typed in Latin letters with its short vowel (wafd → وفد). Each
 * collection is built so that the passage asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['include', ['تضمن']],
  ['zone', ['المنطقة']],
  ['arrive', ['وصل']],
  ['hotel', ['الفندق']],
  ['minister', ['الوزير']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test('what something includes, as news writes it (تشمل)', async () => {
  const c = await collection({ 'a.txt': 'المنطقة آمنة. المنطقة واسعة في الشمال.', 'b.txt': 'تشمل المنطقة نقاط تفتيش.' });
  expect(await firstShown(c, 'what does the zone include')).toBe('b.txt');
  expect(await firstShown(c, 'which checkpoints are included in the zone')).toBe('b.txt');
});

test('a short Arabic word typed in Latin letters, its short vowel unwritten (wafd → وفد)', async () => {
  const c = await collection({ 'a.txt': 'وصل الوزير إلى الفندق. الوزير في الفندق.', 'b.txt': 'وصل الوفد إلى الفندق.' });
  expect(await firstShown(c, 'did the wafd arrive at the hotel')).toBe('b.txt');
});
