/**
 * English questions whose words reach the Arabic text only through a form the dictionary lists under
 * another headword, or not at all: ordinals (3rd, third), decades (1970s), Roman numerals, acronyms, compounds, senses
 * written on one line, and translations that merely look like a collection word. Each collection here is built so
 * that the passage the question is about loses without the reading under test.
 */
import { expect, test } from 'vitest';
import { englishCollection, firstShown } from '../helpers/english-collection.js';

const DICTIONARY: Array<[string, string[]]> = [
  ['3rd', ['الثالث']],
  ['1st', ['الأول']],
  ['third', ['الثلث']],
  ['attempt', ['المحاولة']],
  ['fumble', ['أسقط']],
  ['won', ['فاز']],
  ['super', ['ممتاز']],
  ['bowl', ['السلطانية']],
  ['rain', ['المطر']],
  ['forest', ['الغابة']],
  ['largest', ['الأكبر']],
  ['state', ['الحالة، الوضع، الدولة، يقرّ']],
  ['border', ['الحدود']],
  ['able', ['قادر']],
  ['swim', ['السباحة']],
  ['program', ['البرنامج']],
  ['launch', ['أطلق']],
  ['aired', ['بث']],
];

const collection = (files: Record<string, string>) => englishCollection(DICTIONARY, files);
const first = firstShown;

const ATTEMPTS = {
  'a.txt': 'في المحاولة الثالثة أسقط نيوتن الكرة قرب خط المرمى.',
  'b.txt': 'في المحاولة الأولى ركض اللاعب، وفي المحاولة التالية أسقط الكرة، وبعد المحاولة رد المدرب.',
};

test('an ordinal written with digits (3rd) or in words (third) finds the Arabic ordinal, not a fraction', async () => {
  const c = await collection(ATTEMPTS);
  expect(await first(c, 'Who fumbled on the 3rd attempt?')).toBe('a.txt');
  expect(await first(c, 'Who fumbled on the third attempt?')).toBe('a.txt');
});

test('a decade (1970s, 70s) is asked as its digits and as Arabic names it (السبعينيات)', async () => {
  const c = await collection({
    'a.txt': 'بثت الشبكة برامج كثيرة في السبعينيات.',
    'b.txt': 'بثت الشبكة برنامجاً في عام 2001، وبثت برنامجاً آخر بعده، ثم بثت برنامجاً ثالثاً.',
  });
  expect(await first(c, 'What program aired in the 1970s?')).toBe('a.txt');
  expect(await first(c, 'What program aired in the 70s?')).toBe('a.txt');
});

test('a Roman numeral is asked as the digits Arabic articles write', async () => {
  const c = await collection({
    'a.txt': 'فاز نيو إنغلاند باتريوتس بلقب سوبر بول 49 في أريزونا.',
    'b.txt': 'فاز دنفر برونكوس بلقب سوبر بول 50، وفاز قبلها بلقب سوبر بول 33 وفاز بعدها مرة أخرى.',
  });
  expect(await first(c, 'Who won Super Bowl XLIX?')).toBe('a.txt');
});

test('a compound the dictionary lacks is asked as its two words (rainforest → المطر, الغابة)', async () => {
  const c = await collection({
    'a.txt': 'تقع غابة المطر الأكبر في حوض نهر الأمازون.',
    'b.txt': 'الصحراء الكبرى هي الأكبر في أفريقيا، والأكبر مساحة بين الصحارى الحارة، وهي الأكبر بعد القارة القطبية.',
  });
  expect(await first(c, 'Where is the largest rainforest?')).toBe('a.txt');
});

test('senses the dictionary writes on one line are each asked (state → الدولة)', async () => {
  const c = await collection({
    'a.txt': 'أغلقت الدولة الحدود مع جيرانها.',
    'b.txt': 'رُسمت الحدود بين القبائل قديماً، ثم تغيرت الحدود مرات، وما زالت الحدود موضع خلاف.',
  });
  expect(await first(c, 'Which state closed the border?')).toBe('a.txt');
});

test('a translation absent from the collection does not stand for a word that merely looks like it (قادر ≠ نادر)', async () => {
  const c = await collection({
    'a.txt': 'هذا الطائر نادر جداً، ونادر أن يُرى قرب الماء.',
    'b.txt': 'تعلم الأطفال السباحة في الصيف.',
  });
  const answer = await c.ask('Who is able to swim?', { top: 3 });
  expect([...answer.results, ...answer.closest].map((r) => r.source)).not.toContain('a.txt');
});

test('an acronym is asked as Arabic spells its letters (ABC → أيه بي سي)', async () => {
  const c = await collection({
    'a.txt': 'أطلقت شبكة أيه بي سي برنامجاً جديداً في الخريف.',
    'b.txt': 'أطلقت الشبكة الأخرى برنامجاً إخبارياً، ثم برنامجاً رياضياً، ثم برنامجاً للأطفال.',
  });
  expect(await first(c, 'What program did ABC launch?')).toBe('a.txt');
  // An Arabic keyboard's question mark leaves the question English.
  expect(await first(c, 'What program did ABC launch؟')).toBe('a.txt');
});
