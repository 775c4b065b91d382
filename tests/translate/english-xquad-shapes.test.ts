/**
 * English question shapes found among xquad-dev's English misses (eval/JOURNAL.md, "English questions over unseen
 * articles"): a part of a name asked for (the last name of …: last → آخر مرة) and how old (an age, not قديم). Each
 * collection is built so that the passage asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['last', ['آخر مرة']],
  ['player', ['اللاعب']],
  ['score', ['سجل']],
  ['old', ['قديم']],
  ['age', ['العمر']],
  ['manning', ['مانينغ']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test('the last name of someone asks for a name, not for something last', async () => {
  const c = await collection({ 'a.txt': 'سجل اللاعب آخر مرة في عام 2010. كانت آخر مرة.', 'b.txt': 'سجل اللاعب أندرسون في الربع الرابع.' });
  expect(await firstShown(c, 'What is the last name of the player who scored in the fourth quarter?')).toBe('b.txt');
});

test('how old asks for an age, not for something old', async () => {
  const c = await collection({ 'a.txt': 'مانينغ في الملعب القديم. قديم جدا.', 'b.txt': 'كان عمر مانينغ 39 عاما في المباراة.' });
  expect(await firstShown(c, 'How old was Manning?')).toBe('b.txt');
});
