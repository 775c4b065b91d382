/**
 * English news questions of a fifth blind round (eval/JOURNAL.md): a verb's news sense the dictionary lacks (back →
 * تساند, consultations → المشاورات, monitoring → الرصد), a name typed with the apostrophe that marks its ع
 * (Ja'fari → الجعفري), and "according to", whose head word the dictionary reads as agreement (توافق / الاتفاق).
 * Each collection is built so that the passage asked about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['back', ['الظهر']],
  ['rebels', ['المتمردين']],
  ['delegation', ['الوفد']],
  ['consultation', ['الاستشارة']],
  ['monitoring', ['المراقبة']],
  ['according', ['الاتفاق']],
  ['agency', ['الوكالة']],
  ['truce', ['الهدنة']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);

test('back as news writes it: to support a side (backs → تساند, not only الظهر)', async () => {
  const c = await collection({ 'a.txt': 'وصل المتمردين إلى الفندق.', 'b.txt': 'روسيا تساند المتمردين في الجنوب منذ سنوات طويلة.' });
  expect(await firstShown(c, 'which country backs the rebels')).toBe('b.txt');
});

test('consultations and monitoring in their news words (المشاورات, الرصد)', async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق.', 'b.txt': 'المشاورات مستمرة بين الأطراف.', 'c.txt': 'اتفقت الأطراف على آلية رصد للهدنة.' });
  expect(await firstShown(c, 'are the consultations still going')).toBe('b.txt');
  expect(await firstShown(c, 'what about the monitoring')).toBe('c.txt');
});

test("a name's apostrophe stands for its ع (Ja'fari → الجعفري)", async () => {
  const c = await collection({ 'a.txt': 'وصل الوفد إلى الفندق.', 'b.txt': 'غادر الجعفري مقر الاجتماعات.' });
  expect(await firstShown(c, "where did ja'fari go")).toBe('b.txt');
  expect(await firstShown(c, 'where did Ja’fari go')).toBe('b.txt');
});

test('"according to" names a source and asks for no agreement (not الاتفاق)', async () => {
  const c = await collection({ 'a.txt': 'تم الاتفاق على الهدنة.', 'b.txt': 'قالت الوكالة إن الهدنة صامدة منذ أسبوع في كل المناطق.' });
  expect(await firstShown(c, 'according to the agency is the truce holding')).toBe('b.txt');
});
