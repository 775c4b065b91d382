/**
 * English questions whose words reach the Arabic text only in another shape than the dictionary's or the
 * question's: a team or people named in the plural (Panthers → بانثرز, Mongols → المغول), a short name
 * (Bowl → بول), a verb the dictionary gives as an imperative or a participle (say → قل, running text قال;
 * lost → مفقود, running text فقد). Each collection is built so that the passage the question is about loses
 * without the reading under test; the verbs are checked on the words asked, since over a two-passage collection
 * the loose-match feature alone already prefers قال to a passage without it.
 */
import { expect, test } from 'vitest';
import { DictdDictionary } from '../../src/translate/dictd.js';
import { englishQueryGroups } from '../../src/translate/english.js';
import { VariantMatcher } from '../../src/text/variants.js';
import { writeDictionary } from '../helpers/dictionary.js';
import { englishCollection, firstShown } from '../helpers/english-collection.js';
import { tempDir } from '../helpers/temp.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['panther', ['النمر']],
  ['win', ['الفوز']],
  ['won', ['فاز']],
  ['title', ['اللقب']],
  ['say', ['قل']],
  ['chairman', ['الرئيس']],
  ['lost', ['مفقود']],
  ['forest', ['الغابة']],
  ['bowl', ['السلطانية']],
  ['stadium', ['الملعب']],
  ['host', ['المضيف']],
  ['game', ['المباراة']],
  ['rule', ['الحكم']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);
const first = firstShown;

test('a team named in the plural is found as Arabic spells it (Panthers → بانثرز), though the dictionary knows the word', async () => {
  const c = await collection({
    'a.txt': 'فاز بانثرز باللقب في عام 2015 بعد موسم طويل.',
    'b.txt': 'فاز فريق دنفر باللقب في عام 2010، ثم فاز الفريق باللقب مرة أخرى في عام 2012.',
  });
  expect(await first(c, 'When did the Panthers win the title?')).toBe('a.txt');
});

test('a people named in the plural is found by its singular (Mongols → المغول)', async () => {
  const c = await collection({
    'a.txt': 'حكم المغول الصين قرناً كاملاً بعد الغزو.',
    'b.txt': 'حكم الملك البلاد طويلاً، وحكم ابنه من بعده، ثم حكم حفيده.',
  });
  expect(await first(c, 'How long did the Mongols rule?')).toBe('a.txt');
});

test('a short name the spelling matcher skips (Bowl → بول) is found as written', async () => {
  const c = await collection({
    'a.txt': 'استضاف ملعب ليفاي مباراة بول الخمسين.',
    'b.txt': 'استضاف الملعب مباراة الافتتاح، ثم استضاف الملعب مباراة أخرى في الموسم.',
  });
  expect(await first(c, 'Which stadium hosted the Bowl game?')).toBe('a.txt');
});

test('a verb the dictionary gives as an imperative or a participle is also asked as the three-letter word the text writes', () => {
  const dir = tempDir('isnad-dict-');
  writeDictionary(dir, DICTIONARY);
  const dictionary = DictdDictionary.open(dir)!;
  // The collection's terms (analyzed: ال and the feminine ending gone). قال / فقد are shorter than the spelling matcher reaches.
  const terms = new Set(['قال', 'فقد', 'سلط', 'رييس', 'غاب']);
  const options = { dictionary, variants: null, stems: new VariantMatcher(terms), known: (t: string) => terms.has(t), unseenIdf: 1 };
  const asked = (question: string) => englishQueryGroups(question, options).map((g) => g.alternatives.map((a) => a.terms.join(' ')));
  expect(asked('What did the chairman say?')).toContainEqual(expect.arrayContaining(['قل', 'قال']));
  expect(asked('Why was the forest lost?')).toContainEqual(expect.arrayContaining(['مفقود', 'فقد']));
  // Only letters a form adds are taken off: السلطانية (a bowl) keeps its ن, so سلط (to impose) is not asked.
  expect(asked('What bowl?').flat()).not.toContain('سلط');
});

test("a negative contraction is its verb, a function word: neither shouldn nor a stray t is searched", () => {
  const dir = tempDir('isnad-dict-');
  writeDictionary(dir, DICTIONARY);
  const groups = englishQueryGroups("Why shouldn't the chairman say it?", { dictionary: DictdDictionary.open(dir)!, variants: null, stems: null, unseenIdf: 1 });
  const terms = groups.flatMap((g) => g.alternatives.flatMap((a) => a.terms));
  expect(terms).toContain('رييس');
  expect(terms.filter((t) => /^[a-z]+$/.test(t) && t !== 'chairman' && t !== 'say')).toEqual([]);
});

test('a name that only ends in s is not searched by a short singular that is another word or name (Jones → جون, John)', () => {
  const dir = tempDir('isnad-dict-');
  writeDictionary(dir, DICTIONARY);
  const terms = new Set(['جون', 'جام', 'بول']);
  const options = { dictionary: DictdDictionary.open(dir)!, variants: new VariantMatcher(terms), stems: null, known: (t: string) => terms.has(t), unseenIdf: 1 };
  const asked = (question: string) => englishQueryGroups(question, options).flatMap((g) => g.alternatives.map((a) => a.terms.join(' ')));
  expect(asked('What did Jones say?')).not.toContain('جون');
  expect(asked('When did James win the title?')).not.toContain('جام');
  expect(asked('Which stadium hosted the Bowl game?')).toContain('بول');
});
