import { expect, test } from 'vitest';
import { hasUnseenCharacters, stripDirectionMarks, stripInvisible } from '../../src/text/invisible.js';

test('control characters and bidi overrides go; tabs, line breaks and joiners stay', () => {
  // U+202E would show "txt.exe" as "exe.txt"; ESC would start a terminal escape sequence; CR rewrites the line.
  expect(stripInvisible('report\u202Etxt.exe')).toBe('reporttxt.exe');
  expect(stripInvisible('\u001B[31mred\r\u0007')).toBe('[31mred');
  expect(stripInvisible('\u2066isolated\u2069 \u0085')).toBe('isolated ');
  expect(stripInvisible('سطر\tعمود\nسطر')).toBe('سطر\tعمود\nسطر');
  // ZWNJ and ZWJ shape Persian words and emoji sequences.
  expect(stripInvisible('می\u200Cخواهم 👩\u200D💻')).toBe('می\u200Cخواهم 👩\u200D💻');
});

test('direction marks are stripped only when asked: in a question they are noise', () => {
  expect(stripInvisible('\u200Fمن\u200E يرأس\u061C')).toBe('\u200Fمن\u200E يرأس\u061C');
  expect(stripDirectionMarks('\u200Fمن\u200E يرأس\u061C')).toBe('من يرأس');
});

test('a file name with anything unseen is caught: controls, bidi, direction marks, tabs and line breaks', () => {
  for (const name of ['a\u202Eb.txt', 'a\u200Fb.txt', 'a\u061Cb.txt', 'a\tb.txt', 'a\nb.txt', 'a\u0000b.txt', 'a\u009Bb.txt']) {
    expect(hasUnseenCharacters(name), JSON.stringify(name)).toBe(true);
  }
  for (const name of ['تقرير ٢٠٢٤.pdf', 'می\u200Cخواهم.txt', 'a b (1).html']) expect(hasUnseenCharacters(name), name).toBe(false);
});
