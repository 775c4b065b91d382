/**
 * English news questions of a sixth blind round (eval/JOURNAL.md), asked the way English news words the Syrian war:
 * rebels (the text's الفصائل المسلحة), who met whom (التقى), who attends (يشارك), talks that break down (فشلت), how long
 * talks last (ستستمر), the Kremlin (روسيا), chatting (الحديث). Each collection is built so that the passage
 * asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['rebel', ['الثائر']],
  ['delegation', ['الوفد']],
  ['meet', ['إجتمع']],
  ['attend', ['احضر']],
  ['participation', ['الإشتراك']],
  ['break', ['الكسر']],
  ['fail', ['الفشل']],
  ['last', ['آخر مرّة']],
  ['persist', ['إستمرّ']],
  ['kremlin', ['الكرملين']],
  ['russia', ['روسيا']],
  ['chat', ['الدردشة']],
  ['hotel', ['الفندق']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test('rebels as Arabic news writes them: the armed factions (الفصائل, المسلحة)', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق صباحا.', 'b.txt': 'عاد وفد الفصائل المسلحة إلى الفندق.' });
  expect(await firstShown(c, 'did the rebel delegation come to the hotel')).toBe('b.txt');
});

test('who met whom: the verb news writes (التقى), not only a meeting (اجتماع)', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق. الوفد كبير.', 'b.txt': 'التقى الوفد بوفد إيران.' });
  expect(await firstShown(c, 'who did the delegation meet')).toBe('b.txt');
  expect(await firstShown(c, 'who has the delegation met')).toBe('b.txt');
});

test('attending and participation as taking part (يشارك, المشاركة)', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق. الوفد كبير.', 'b.txt': 'يشارك الوفد بصفة مراقب.', 'c.txt': 'علقت المعارضة المشاركة.' });
  expect(await firstShown(c, 'does the delegation attend')).toBe('b.txt');
  expect(await firstShown(c, 'why was participation suspended')).toBe('c.txt');
});

test('talks that break down have failed (فشلت)', async () => {
  const c = await collection({ 'a.txt': 'استمرت المحادثات في الفندق.', 'b.txt': 'ستستأنف الفصائل القتال إذا فشلت المحادثات.' });
  expect(await firstShown(c, 'what if the talks break down')).toBe('b.txt');
  expect(await firstShown(c, 'what happens when talks broke down')).toBe('b.txt');
});

test('"last" asked as a verb is how long something goes on (ستستمر); before a noun it stays the last one', async () => {
  const c = await collection({ 'a.txt': 'آخر مرة عقدت المحادثات في جنيف.', 'b.txt': 'ستستمر المحادثات لمدة يومين.' });
  expect(await firstShown(c, 'how long will the talks last?')).toBe('b.txt');
  expect(await firstShown(c, 'the talks lasted how long')).toBe('b.txt');
  expect(await firstShown(c, 'where were the last talks')).toBe('a.txt');
});

test('the Kremlin stands for Russia when the text names the country', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق.', 'b.txt': 'قدمت روسيا وثيقة إلى الوفد.' });
  expect(await firstShown(c, 'what did the Kremlin give the delegation')).toBe('b.txt');
});

test('chatting with someone as news writes it (تبادل أطراف الحديث)', async () => {
  const c = await collection({ 'a.txt': 'وصل المبعوث إلى الفندق. المبعوث متفائل. قال المبعوث إن العمل مستمر.', 'b.txt': 'تبادل المبعوث أطراف الحديث مع الصحفيين.' });
  expect(await firstShown(c, 'when did the envoy chat')).toBe('b.txt');
});
