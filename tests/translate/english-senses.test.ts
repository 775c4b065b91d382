/**
 * FreeDict gives one sense per headword and picks it per headword (proposal → الإقتراح, proposed → مقترح). When the
 * collection uses none of a word's own senses, the sense of a relative it does use answers (word-family.ts); when it
 * uses the word's own sense, relatives stay out. A British -ise spelling is looked up under FreeDict's -ize one. Each
 * collection is built so that the passage asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { relatives } from '../../src/translate/word-family.js';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['proposal', ['الإقتراح']],
  ['proposed', ['مقترح']],
  ['withdraw', ['انسحب']],
  ['withdrawal', ['الانسحاب']],
  ['talks', ['المحادثات']],
  ['talked', ['متكلم']],
  ['city', ['المدينة']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test("a word whose own sense the collection never uses is answered by a relative's sense (proposal → proposed → مقترح)", async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى المدينة.', 'b.txt': 'قدمت روسيا مقترحها.' });
  const answer = await c.ask('What was the proposal?', { top: 3 });
  expect(answer.answered).toBe(true);
  expect(answer.results[0]?.source).toBe('b.txt');
});

test("a relative's sense counts after a preposition the collection writes on it (withdraw → withdrawal → بانسحاب)", async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى المدينة.', 'b.txt': 'طالبوا بانسحاب الميليشيات.' });
  expect(await firstShown(c, 'did anyone ask for them to withdraw?')).toBe('b.txt');
});

test('a word the collection uses in its own sense is not read as a relative (talks stays المحادثات, not متكلم)', async () => {
  const c = await collection({
    'a.txt': 'بدأت المحادثات في المدينة.',
    'b.txt': 'قال متكلم في المدينة إن متكلم آخر سيصل، وإن متكلم ثالث في المدينة.',
  });
  expect(await firstShown(c, 'where did the talks start in the city')).toBe('a.txt');
});

test('relatives are built by derivational endings, not by any shared beginning', () => {
  const listed = new Set(['mediation', 'mediate', 'fact', 'factor', 'station', 'keeper', 'optimism', 'rebellion']);
  const has = (w: string) => listed.has(w);
  expect(relatives('mediator', has)).toEqual(expect.arrayContaining(['mediation', 'mediate']));
  expect(relatives('optimistic', has)).toContain('optimism');
  expect(relatives('rebels', has)).toContain('rebellion');
  // faction → fact and state → station leave too little of the word; keep → keeper is another sense.
  expect(relatives('factions', has)).toEqual([]);
  expect(relatives('state', has)).toEqual([]);
  expect(relatives('keep', has)).toEqual([]);
});

test('a British -ise spelling is looked up under the -ize one FreeDict lists (organised → organize → نظّم)', async () => {
  const c = await englishCollection([['organize', ['نظّم']], ['conference', ['المؤتمر']]], {
    'a.txt': 'حضر الوفد المؤتمر، وكان المؤتمر طويلا.',
    'b.txt': 'نظم الوفد المؤتمر.',
  });
  expect(await firstShown(c, 'who organised the conference?')).toBe('b.txt');
});
