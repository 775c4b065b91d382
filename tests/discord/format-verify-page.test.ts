import { expect, test } from 'vitest';
import { spanCitation } from '../../src/discord/format-verify.js';

const span = { source: 'report.pdf', start: 0, end: 10, text: 'نص', passageIds: ['abcdef012345'] };

test('a verified quote in a PDF is cited by page, then line; across a page break by both ends', () => {
  expect(spanCitation({ ...span, line: 7, endLine: 7, page: 4, endPage: 4 }, 'en')).toBe('📄 \u2068`report.pdf`\u2069 · page \u20684\u2069 · line \u20687\u2069 · 🆔 \u2068`abcdef012345`\u2069');
  expect(spanCitation({ ...span, line: 30, endLine: 2, page: 4, endPage: 5 }, 'en')).toContain('page \u20684\u2069 · line \u206830\u2069 – page \u20685\u2069 · line \u20682\u2069');
  expect(spanCitation({ ...span, line: 3, endLine: 4 }, 'en')).toContain('· lines \u20683–4\u2069 ·');
});
