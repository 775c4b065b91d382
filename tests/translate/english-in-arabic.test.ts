/**
 * An English word inside an Arabic question (شو فيه بالـ document تبع روسيا؟), as Discord users write: the English leg
 * searches it by its translations, and the question is answered as its Arabic counterpart is, not refused for a word
 * the collection does not write (over the seed articles). Latin words the collection writes stay words of the Arabic question.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { englishCollection } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['document', ['وثيقة']],
  ['hotel', ['فندق']],
  ['leader', ['قائد', 'زعيم']],
];
const FILES = {
  'doc.txt': 'قدمت روسيا وثيقة لبحثها بين المفاوضين، تنص على إنشاء مناطق منخفضة التوتر.',
  'hotel.txt': 'بدأت الوفود المشاركة في المفاوضات بالوصول إلى الفندق لمواصلة الأعمال.',
  'lead.txt': 'يقود وفد المعارضة العسكرية محمد علوش.',
  'geneva.txt': 'تركز المحادثات التي عقدت في جنيف برعاية الأمم المتحدة على الانتقال السياسي.',
  'afp.txt': 'قال المتحدث لوكالة الصحافة الفرنسية AFP إن الوفد سيبقى.',
  'spoke.txt': 'قال المتحدث باسم الوفد للصحفيين إن العمل مستمر.',
};

/** The four seed articles: the refusal is fitted on collections of their size, which a few lines are not. */
const SEEDS = Object.fromEntries(fs.readdirSync('seeds').map((f) => [f, fs.readFileSync(path.join('seeds', f), 'utf8')]));

test('an English word in an Arabic question is answered as the Arabic word is', async () => {
  const c = await englishCollection(DICTIONARY, SEEDS);
  const pairs: Array<[string, string]> = [
    ['شو فيه بالـ document تبع روسيا؟', 'شو فيه بالوثيقة تبع روسيا؟'],
    ['ok بس وين الـ hotel اللي وصلت عليه الوفود؟ 🤔', 'وين الفندق اللي وصلت عليه الوفود؟'],
  ];
  for (const [mixed, arabic] of pairs) {
    const [a, b] = [await c.ask(mixed, { top: 3 }), await c.ask(arabic, { top: 3 })];
    expect(a.answered, mixed).toBe(b.answered);
    expect((a.results[0] ?? a.closest[0])?.source, mixed).toBe((b.results[0] ?? b.closest[0])?.source);
  }
});

test('a Latin word the collection writes is still searched as written', async () => {
  const c = await englishCollection(DICTIONARY, FILES);
  const answer = await c.ask('شو قال المتحدث لـ AFP؟', { top: 3 });
  expect((answer.results[0] ?? answer.closest[0])?.source).toBe('afp.txt');
});
