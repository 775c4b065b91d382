/**
 * English questions as a chat user types them over Arabic news: Arab names spelled the English way, often in lower
 * case (jaafari → الجعفري, osama → أسامة, idlib → إدلب, Hussein → حسين), chat spellings and shortenings (whats, govt),
 * name particles the dictionary reads as other words (de → Delaware), and verbs the dictionary gives as a noun or a
 * participle while the text states them in the present tense (representing → تمثيل, text سيمثل). Each collection
 * is built so that the passage asked about loses without the reading under test. Phrasal verbs (took part) too.
 */
import { expect, test } from 'vitest';
import { DictdDictionary } from '../../src/translate/dictd.js';
import { englishQueryGroups } from '../../src/translate/english.js';
import { VariantMatcher } from '../../src/text/variants.js';
import { writeDictionary } from '../helpers/dictionary.js';
import { englishCollection, firstShown } from '../helpers/english-collection.js';
import { tempDir } from '../helpers/temp.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['leave', ['غادر']],
  ['hall', ['القاعة']],
  ['spokesman', ['المتحدث']],
  ['city', ['المدينة']],
  ['shelling', ['القصف']],
  ['government', ['الحكومة']],
  ['truce', ['الهدنة']],
  ['say', ['قل']],
  ['de', ['ولاية ديلاوير الأمريكية']],
  ['governor', ['الحاكم']],
  ['represent', ['التمثيل', 'مثل']],
  ['turkey', ['تركيا']],
  ['support', ['المساند']],
  ['rebel', ['المتمردين']],
  ['source', ['المصدر']],
  ['report', ['التقرير']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test.each([
  ['when did jaafari leave the hall', 'غادر الجعفري القاعة مساء الاثنين.', 'غادر الوفد القاعة، ثم غادر الصحفيون القاعة بعد المؤتمر.'],
  ['who is osama the spokesman', 'قال أسامة المتحدث باسم الوفد إن القتال سيستمر.', 'قال المتحدث إن المتحدث الرسمي سيعلن النتائج، وقال المتحدث الآخر إنه ينتظر.'],
  ['shelling in idlib city', 'استمر القصف على مدينة إدلب طوال الليل.', 'توقف القصف على المدينة، ثم عاد القصف على المدينة صباحاً.'],
  ['When did Hussein leave the hall?', 'غادر حسين القاعة قبل انتهاء الجلسة.', 'غادر الوفد القاعة، ثم غادر الصحفيون القاعة بعد المؤتمر.'],
])('an Arab name spelled the English way is found as Arabic writes it: %s', async (question, named, other) => {
  const c = await collection({ 'a.txt': named, 'b.txt': other });
  expect(await firstShown(c, question)).toBe('a.txt');
});

test('chat spellings and shortenings are read as the words they stand for (whats, govt)', async () => {
  const c = await collection({
    'a.txt': 'قالت الحكومة إنها ملتزمة بالهدنة.',
    'b.txt': 'الهدنة صامدة، وقال المراقبون إن الهدنة تشمل كل المناطق، وقالوا إن الهدنة ستمدد.',
  });
  expect(await firstShown(c, 'whats the govt saying about the truce')).toBe('a.txt');
});

test('a name particle is not looked up as a word (de Mistura is not Delaware)', async () => {
  const c = await collection({
    'a.txt': 'قال دي ميستورا إن العمل مستمر.',
    'b.txt': 'قال الحاكم في ولاية ديلاوير الأمريكية إن العمل مستمر.',
  });
  expect(await firstShown(c, 'what did de mistura say')).toBe('a.txt');
});

test('a verb the dictionary gives as a noun or a participle is also asked in the present tense the text uses', async () => {
  const c = await collection({
    'a.txt': 'سيمثل تركيا نائب وزير الخارجية في المحادثات.',
    'b.txt': 'وصل وفد تركيا إلى العاصمة، وتحدث وفد تركيا للصحفيين عن تركيا.',
  });
  expect(await firstShown(c, 'who is representing turkey')).toBe('a.txt');
  const d = await collection({
    'a.txt': 'روسيا تساند الحكومة وتركيا تساند المتمردين.',
    'b.txt': 'قاتل المتمردين في الشمال، وانسحب المتمردين من المدينة، وعاد المتمردين إليها.',
  });
  expect(await firstShown(d, 'which country supports the rebels')).toBe('a.txt');
});

test('a noun keeps to its own forms: the source is not asked as تصدر (tops)', () => {
  const dir = tempDir('isnad-dict-');
  writeDictionary(dir, DICTIONARY);
  const terms = new Set(['مصدر', 'تصدر', 'تقرير']);
  const options = { dictionary: DictdDictionary.open(dir)!, variants: null, stems: new VariantMatcher(terms), known: (t: string) => terms.has(t), unseenIdf: 1 };
  const asked = (question: string) => englishQueryGroups(question, options).flatMap((g) => g.alternatives.map((a) => a.terms.join(' ')));
  expect(asked('What was the source of the report?')).not.toContain('تصدر');
  expect(asked('What was the source of the report?')).toContain('مصدر');
});

test('a phrasal verb is read as the one-word verb the dictionary lists (took part → participated), not as its words', async () => {
  const c = await englishCollection(
    [['take', ['أخذ']], ['part', ['الجزء']], ['participate', ['شارك']], ['talks', ['المحادثات']]],
    {
      'a.txt': 'شاركت تركيا وإيران في المحادثات.',
      'b.txt': 'أخذت الوفود الجزء الأكبر من الوقت في المحادثات، وأخذ الجزء الباقي النقاش.',
    },
  );
  expect(await firstShown(c, 'who took part in the talks')).toBe('a.txt');
});
