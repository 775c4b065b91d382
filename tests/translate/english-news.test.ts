/**
 * News English read in the senses news Arabic writes (news-senses.ts): a dictionary sense news does not use
 * (spokesman → الناطق where the text says المتحدث; finish → النهاية where it says تنتهي), a country asked by its
 * people or its capital (the Jordanian delegation, Moscow's proposal), and chat and phrasal shapes (w/, wrap up).
 * Each collection is built so that the passage asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['spokesman', ['الناطق']],
  ['delegation', ['الوفد']],
  ['finish', ['النهاية']],
  ['talks', ['المحادثات']],
  ['russia', ['روسيا']],
  ['jordan', ['الأردن']],
  ['ian', ['إيان']],
  ['proposal', ['الإقتراح']],
  ['proposed', ['مقترح']],
  ['meet', ['إجتمع']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test('a news sense the dictionary lacks answers (spokesman → المتحدث, not only الناطق)', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق مساء.', 'b.txt': 'تحدث المتحدث باسم الوفد إلى الصحفيين.' });
  expect(await firstShown(c, 'who is the spokesman of the delegation')).toBe('b.txt');
});

test("a capital stands for its country when the collection never names the capital (moscow's proposal → روسيا)", async () => {
  const c = await collection({ 'a.txt': 'قدمت تركيا مقترحها.', 'b.txt': 'قدمت روسيا مقترحها أمس في الفندق.' });
  expect(await firstShown(c, "what was moscow's proposal")).toBe('b.txt');
});

test('a people\'s name the dictionary lacks reaches its country, whole, not as two words (jordanian → الأردن, not jordan + ian)', async () => {
  const c = await collection({ 'a.txt': 'وصل وفد إيان.', 'b.txt': 'وصل وفد الأردن إلى الفندق مساء.' });
  expect(await firstShown(c, 'did the jordanian delegation arrive')).toBe('b.txt');
});

test('a phrasal verb read as its one-word verb in its news sense (wrap up → finish → تنتهي)', async () => {
  const c = await collection({ 'a.txt': 'بدأت المحادثات.', 'b.txt': 'تنتهي المحادثات يوم الثلاثاء في الفندق.' });
  expect(await firstShown(c, 'when do the talks wrap up')).toBe('b.txt');
});
