/** Issue 10, items 7 and 8: text from documents must not turn into markdown that Discord renders. */
import { describe, expect, test } from 'vitest';
import { formatDocuments, formatPassagePost, hidePaths } from '../../src/discord/format.js';
import { code, escapeMarkdown } from '../../src/discord/markdown.js';
import type { Passage } from '../../src/types.js';

/** How a client splits lines: every one of these breaks a line. */
const CLIENT_LINES = /\r\n|[\r\n\u2028\u2029\u0085]/;

const passage = (text: string): Passage => ({ id: 'abcdef123456', source: 'doc.md', start: 0, end: text.length, line: 1, text });

describe('line-start markdown in quoted passages', () => {
  for (const [name, brk] of [['lone CR', '\r'], ['CRLF', '\r\n'], ['U+2028', '\u2028'], ['U+2029', '\u2029'], ['U+0085', '\u0085'], ['LF', '\n']] as const) {
    test(`${name}: no heading, subtext or list is rendered inside the quote`, () => {
      const text = `مقدمة الخبر${brk}# FAKE OFFICIAL HEADING${brk}-# tiny${brk}> nested${brk}- item${brk}1. first`;
      const description = formatPassagePost(passage(text), { lang: 'ar' }).embeds[0]!.description;
      const lines = description.split(CLIENT_LINES);
      for (const line of lines) {
        // Each quoted line starts "> "; what follows must not start a markdown block.
        const inner = line.replace(/^> /, '');
        expect(inner, JSON.stringify(line)).not.toMatch(/^\s*(#|-#|>|[-+*] |\d+\. )/);
      }
      expect(description).toContain('FAKE OFFICIAL HEADING'); // the text itself is still shown
    });
  }

  test('escapeMarkdown turns every line-break form into \\n before escaping', () => {
    expect(escapeMarkdown('a\r# b\u2028## c\u2029-# d')).toBe('a\n\\# b\n\\## c\n\\-# d');
  });
});

/** Discord's inline code rule: a run of N backticks, then the shortest text, then the same run not followed by another backtick. */
const INLINE_CODE = /^(`+)([\s\S]*?[^`])\1(?!`)/;

describe('file names in code spans', () => {
  const names = [
    'report``**bold**``<@&123456789012345678>``||spoiler||.md',
    '`leading and trailing`',
    'a`b``c```d.txt',
    '```block```.md',
    'plain-name.txt',
  ];
  for (const name of names) {
    test(`${JSON.stringify(name)} stays one code span that shows the name`, () => {
      const span = code(name);
      const match = INLINE_CODE.exec(span);
      expect(match?.[0]).toBe(span);
      expect(match![2]!.replace(/\u200b/g, '').trim()).toBe(name);
    });
  }

  test('/source lists a hostile file name without rendering bold, a role mention or a spoiler', () => {
    const name = 'report``**bold**``<@&123456789012345678>``||spoiler||.md';
    const description = formatDocuments([{ source: name, passages: 2, bytes: 100 }], 'en').embeds[0]!.description;
    const span = description.slice(description.indexOf('`'), description.lastIndexOf('`') + 1);
    expect(INLINE_CODE.exec(span)?.[0]).toBe(span);
  });
});

describe('host paths in /status reasons', () => {
  test.each([
    ['model files not found in /srv/isnad/models/Xenova/e5 and remote loading is off', 'model files not found in [path hidden] and remote loading is off'],
    ["cannot open 'C:\\models\\e5\\onnx'", "cannot open '[path hidden]'"],
    ['see ~/models/e5/config.json', 'see [path hidden]'],
    ['run /reindex after fixing Xenova/multilingual-e5-small (https://huggingface.co/Xenova/x)', 'run /reindex after fixing Xenova/multilingual-e5-small (https://huggingface.co/Xenova/x)'],
  ])('%s', (reason, shown) => {
    expect(hidePaths(reason)).toBe(shown);
  });
});
