import { describe, expect, test } from 'vitest';
import { stripBotFormatting } from '../../src/discord/quoted-text.js';
import { extractQuotes, MAX_QUOTES } from '../../src/verify/extract.js';

const spans = (message: string) => extractQuotes(message).spans.map((s) => s.text);

describe('extractQuotes', () => {
  test('finds «…», "…", “…”, code spans and `> ` blocks, in message order', () => {
    expect(spans('كما قال البيان: «ستستمر المحادثات لمدة يومين» وهذا مهم')).toEqual(['ستستمر المحادثات لمدة يومين']);
    expect(spans('he said "the talks will last two days" today')).toEqual(['the talks will last two days']);
    expect(spans('قال “يرأس وفد النظام” ثم `بدأت المحادثات السورية`')).toEqual(['يرأس وفد النظام', 'بدأت المحادثات السورية']);
    expect(spans('تعليق\n> السطر الأول من الاقتباس\n> والسطر الثاني\nتعليق آخر')).toEqual(['السطر الأول من الاقتباس\nوالسطر الثاني']);
  });

  test('a quoted single word is a term, not a quote; quotes inside quotes are not verified twice', () => {
    expect(spans('ما معنى «الهدنة» هنا؟')).toEqual([]);
    expect(spans('«قال المصدر “العمل مستمر” أمس»')).toEqual(['قال المصدر “العمل مستمر” أمس']);
  });

  test(`at most ${MAX_QUOTES} quotes`, () => {
    const message = Array.from({ length: 7 }, (_, i) => `«الاقتباس رقم ${i + 1}»`).join(' و ');
    expect(spans(message)).toHaveLength(MAX_QUOTES);
    expect(spans(message)[0]).toBe('الاقتباس رقم 1');
  });

  test("a copy of the bot's own post: citation line dropped, markdown escapes undone (by the Discord side), block kept", () => {
    const extracted = extractQuotes(stripBotFormatting('> \\#الفصائل\\_السورية المعارضة مشاركتها\n📄 004 · line 3'));
    expect(extracted.spans.map((s) => s.text)).toEqual(['#الفصائل_السورية المعارضة مشاركتها']);
    expect(extracted.message).not.toContain('📄');
  });

  test('spans are slices of the cleaned message', () => {
    const extracted = extractQuotes('a «one two» b "three four" c');
    for (const s of extracted.spans) expect(extracted.message.slice(s.start, s.end)).toBe(s.text);
  });
});
