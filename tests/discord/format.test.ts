import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, test } from 'vitest';
import {
  citation,
  documentChoices,
  formatAnswer,
  formatCooldown,
  formatError,
  parsePostCustomId,
  passageChoices,
  postCustomId,
} from '../../src/discord/format.js';
import { escapeMarkdown, isolate, quoteBlock, truncate } from '../../src/discord/markdown.js';
import { fit, LIMITS } from '../../src/discord/payload.js';
import { t } from '../../src/discord/i18n.js';
import { detectLang } from '../../src/text/language.js';
import type { Answer, Passage, ScoredPassage } from '../../src/types.js';

const p = (over: Partial<Passage> = {}): ScoredPassage => ({
  id: 'abcdef012345',
  source: 'doc.txt',
  start: 0,
  end: 10,
  line: 4,
  text: 'نص المقطع',
  score: 1,
  confidence: 0.9,
  ...over,
});

const totalLength = (r: { content: string; embeds: Array<{ title?: string; description: string }> }) =>
  r.content.length + r.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + e.description.length, 0);

const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('escapeMarkdown', () => {
  test('escapes markdown characters and mentions, keeps the text otherwise', () => {
    expect(escapeMarkdown('a *b* _c_ ~~d~~ `e` ||f|| [g](h)')).toBe('a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\| \\[g\\](h)');
    expect(escapeMarkdown('hi @everyone and @here')).toBe('hi \\@everyone and \\@here');
    expect(escapeMarkdown('<@123> <#456> <@&789>')).toBe('\\<@123\\> \\<#456\\> \\<@&789\\>');
  });
  test('escapes line-start markdown (headings, lists, quotes, subtext)', () => {
    expect(escapeMarkdown('# Title\n- item\n> q\n1. one\n-# small')).toBe('\\# Title\n\\- item\n\\> q\n1\\. one\n\\-# small');
  });
  test('wraps URLs in <> (no unfurl) without escaping inside them; trailing punctuation stays outside', () => {
    expect(escapeMarkdown('see https://example.org/a_b*c. now')).toBe('see <https://example.org/a_b*c>. now');
    expect(escapeMarkdown('(https://x.org/p)')).toBe('(<https://x.org/p>)');
  });
  test('Arabic text passes through untouched', () => {
    const ar = 'يرأس وفد النظام بشار الجعفري، في أستانا.';
    expect(escapeMarkdown(ar)).toBe(ar);
  });
});

describe('truncate', () => {
  test('returns short text as is', () => {
    expect(truncate('short', 10)).toBe('short');
  });
  test('cuts at a word boundary with an ellipsis, within the limit', () => {
    const out = truncate('alpha beta gamma delta', 15);
    expect(out).toBe('alpha beta…');
    expect(out.length).toBeLessThanOrEqual(15);
  });
  test('never splits a surrogate pair (hard cut)', () => {
    const emoji = '😀'.repeat(50);
    for (let max = 2; max < 40; max++) {
      const out = truncate(emoji, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(out)).toBe(false);
      expect(out.endsWith('…')).toBe(true);
    }
  });
  test('does not leave a dangling escape backslash or half a <url', () => {
    expect(truncate('x'.repeat(9) + '\\*' + 'y'.repeat(20), 11).endsWith('\\…')).toBe(false);
    const cut = truncate('word <https://example.org/very/long/path/that/keeps/going>', 30);
    expect(cut).not.toContain('<https');
  });
  test('does not cut before a combining mark (Arabic diacritics)', () => {
    const s = 'كَتَبَ'.repeat(30);
    for (let max = 5; max < 40; max++) {
      const out = truncate(s, max);
      expect(out.length).toBeLessThanOrEqual(max);
      const next = s[out.length - 1];
      expect(next === undefined || !/\p{M}/u.test(next)).toBe(true);
    }
  });
});

describe('citations and isolates', () => {
  test('file names, line numbers and ids are isolated (FSI…PDI)', () => {
    const c = citation(p(), 'ar');
    expect(c).toBe('📄 \u2068`doc.txt`\u2069 · line \u20684\u2069 · 🆔 \u2068`abcdef012345`\u2069');
    expect(isolate(12)).toBe('\u206812\u2069');
  });
  test('a passage spanning several lines is cited by all of them', () => {
    expect(citation(p({ line: 9, text: 'الأول\nالثاني\n' }), 'en')).toContain('lines \u20689–10\u2069');
    expect(citation(p({ line: 9, text: 'سطر واحد\n' }), 'en')).toContain('line \u20689\u2069');
  });
  test('a PDF passage is cited by page, then by line within the page', () => {
    expect(citation(p({ source: 'report.pdf', page: 4, line: 7, text: 'سطر واحد' }), 'en')).toBe(
      '📄 \u2068`report.pdf`\u2069 · page \u20684\u2069 · line \u20687\u2069 · 🆔 \u2068`abcdef012345`\u2069',
    );
  });
  test('quoteBlock quotes every line', () => {
    expect(quoteBlock('a\nb\r\nc')).toBe('> a\n> b\n> c');
  });
});

describe('formatAnswer', () => {
  const answer = (over: Partial<Answer> = {}): Answer => ({
    query: 'من يرأس الوفد؟',
    answered: true,
    confidence: 0.9,
    results: [p()],
    closest: [],
    mode: 'lexical',
    ...over,
  });

  test('passages go in embed descriptions (never fields), with citation and a Post button per passage', () => {
    const r = formatAnswer(answer({ results: [p(), p({ id: 'bbbbbbbbbbbb', line: 9 })] }), { lang: 'ar', ephemeral: true });
    expect(r.embeds).toHaveLength(2);
    expect(r.embeds.every((e) => !('fields' in e))).toBe(true);
    expect(r.embeds[1]!.description).toContain('\u20689\u2069');
    expect(r.components[0]!.components.map((b) => b.custom_id)).toEqual(['ask:post:abcdef012345', 'ask:post:bbbbbbbbbbbb']);
    expect(r.allowedMentions).toEqual({ parse: [] });
  });

  test('no buttons on a public answer', () => {
    expect(formatAnswer(answer(), { lang: 'en', ephemeral: false }).components).toEqual([]);
  });

  test('abstention says so in the question language and never shows closest as an answer', () => {
    const ar = formatAnswer(answer({ answered: false, results: [], closest: [p()] }), { lang: 'ar', ephemeral: true });
    expect(ar.content).toContain(t('ar', 'notAnswered'));
    expect(ar.content).toContain('ليست إجابة');
    expect(ar.components).toEqual([]);
    const en = formatAnswer(answer({ query: 'who?', answered: false, results: [], closest: [] }), { lang: 'en', ephemeral: true });
    expect(en.content).toContain(t('en', 'notAnswered'));
    expect(en.content).not.toContain('not an answer');
    expect(en.embeds).toEqual([]);
  });

  test('five huge passages respect 4,096 per description and 6,000 per message', () => {
    const huge = 'كلمة '.repeat(3000) + '😀'.repeat(500);
    const results = Array.from({ length: 5 }, (_, i) => p({ id: `id${i}`.padEnd(12, '0'), text: huge }));
    const r = formatAnswer(answer({ query: 'س'.repeat(500), results }), { lang: 'ar', ephemeral: true });
    expect(r.embeds).toHaveLength(5);
    for (const e of r.embeds) {
      expect(e.description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(e.description).toContain('📄'); // the citation survives the trim
      expect(e.description).toContain('…');
      expect(hasLoneSurrogate(e.description)).toBe(false);
    }
    expect(totalLength(r)).toBeLessThanOrEqual(LIMITS.message);
    expect(r.content.length).toBeLessThanOrEqual(LIMITS.content);
  });

  test('fit() trims content, embeds and labels to the limits', () => {
    const r = fit({
      content: 'x '.repeat(3000),
      embeds: Array.from({ length: 12 }, () => ({ description: 'y '.repeat(3000) })),
      components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'z'.repeat(200), custom_id: 'c'.repeat(200) }] }],
      allowedMentions: { parse: [] },
    });
    expect(r.content.length).toBeLessThanOrEqual(2000);
    expect(r.embeds.length).toBeLessThanOrEqual(10);
    expect(totalLength(r)).toBeLessThanOrEqual(6000);
    expect(r.components[0]!.components[0]!.label.length).toBeLessThanOrEqual(80);
    expect(r.components[0]!.components[0]!.custom_id.length).toBeLessThanOrEqual(100);
  });
});

describe('choices, custom ids, misc', () => {
  test('autocomplete: at most 25 choices, names ≤ 100', () => {
    const many = Array.from({ length: 40 }, (_, i) => p({ id: `p${i}`.padEnd(12, '0'), text: 'نص '.repeat(100) }));
    const choices = passageChoices(many);
    expect(choices).toHaveLength(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(documentChoices(Array.from({ length: 30 }, (_, i) => ({ source: `f${i}.txt`, passages: 1, bytes: 1 })), '')).toHaveLength(25);
  });
  test('post custom_id round-trips and rejects junk', () => {
    expect(parsePostCustomId(postCustomId('abcdef012345'))).toBe('abcdef012345');
    expect(parsePostCustomId('ask:post:../../x')).toBeNull();
  });
  test('cooldown and error messages carry their code', () => {
    expect(formatCooldown('/ask', 10_000, 4_000, 'en').content).toContain('COOLDOWN');
    expect(formatCooldown('/ask', 10_000, 4_000, 'en').content).toContain('\u20686\u2069');
    expect(formatError('FORBIDDEN', 'No *way*', 'en').content).toBe('⚠️ No \\*way\\* · `FORBIDDEN`');
  });
  test('a cooldown names the command as it is used: /ask with its slash, the Verify quote menu without one, in both languages', () => {
    const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');
    expect(plain(formatCooldown('/ask', 10_000, 4_000, 'en').content)).toContain('you can use /ask again');
    expect(plain(formatCooldown('Verify quote', 10_000, 4_000, 'en').content)).toContain('you can use Verify quote again');
    expect(plain(formatCooldown('Verify quote', 10_000, 4_000, 'ar').content)).toContain('يمكنك استخدام Verify quote مجددًا');
    expect(plain(formatCooldown('/ask', 10_000, 4_000, 'ar').content)).toContain('يمكنك استخدام /ask مجددًا');
    for (const lang of ['en', 'ar'] as const) expect(formatCooldown('Verify quote', 10_000, 4_000, lang).content).not.toContain('/Verify');
  });
  test('language detection', () => {
    expect(detectLang('من يرأس الوفد؟')).toBe('ar');
    expect(detectLang('Who leads the delegation?')).toBe('en');
    expect(detectLang('Who is بشار?')).toBe('ar');
  });
});
