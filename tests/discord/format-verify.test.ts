import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/discord/payload.js';
import { correctionCustomId, formatCorrectionPost, formatVerifyResults, parseCorrectionCustomId } from '../../src/discord/format-verify.js';
import type { QuoteMatch, VerifyResult } from '../../src/verify/types.js';

const match = (text: string, extra: Partial<QuoteMatch> = {}): QuoteMatch => ({
  source: '001_4a36f68e423f829a.txt', start: 230, end: 230 + text.length, line: 1, endLine: 1, text, passageIds: ['e9874629067d'], ...extra,
});

const altered = (same: string, quote: string, document: string): VerifyResult => ({
  quote: `${same}${quote}`,
  verdict: 'altered',
  spellingDiffers: false,
  match: match(`${same}${document}`),
  similarity: 0.6,
  changes: [{ op: 'replace', quote, document, kind: 'name' }],
  diff: [{ kind: 'same', text: same }, { kind: 'quote', text: quote }, { kind: 'document', text: document }],
});

const total = (r: ReturnType<typeof formatVerifyResults>) => r.content.length + r.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + e.description.length, 0);

describe('formatVerifyResults', () => {
  test('altered: the real text with the quote’s words struck and the document’s in bold, a kind, a citation and a correction button', () => {
    const reply = formatVerifyResults([altered('يرأس وفد النظام ', 'محمد علوش', 'بشار الجعفري')], 'ar');
    expect(reply.content).toContain('محرَّف');
    expect(reply.content).toContain('اسم');
    const d = reply.embeds[0]!.description;
    expect(d).toContain('> يرأس وفد النظام ~~محمد علوش~~ **بشار الجعفري**');
    expect(d).toContain('📄 \u2068`001_4a36f68e423f829a.txt`\u2069 · line \u20681\u2069 · 🆔 \u2068`e9874629067d`\u2069');
    const button = reply.components[0]!.components[0]!;
    expect(button.label).toContain('انشر التصحيح');
    expect(parseCorrectionCustomId(button.custom_id)).toEqual({ passageId: 'e9874629067d', start: 230, end: 230 + 'يرأس وفد النظام بشار الجعفري'.length });
    expect(reply.allowedMentions).toEqual({ parse: [] });
  });

  test('markdown and mentions in quote and document are escaped, outside the marks too', () => {
    const d = formatVerifyResults([altered('a *bold* claim by @everyone: ', 'x_y', '~z~')], 'en').embeds[0]!.description;
    expect(d).toContain('a \\*bold\\* claim by \\@everyone: ~~x\\_y~~ **\\~z\\~**');
  });

  test('verbatim names spelling differences; not found has no citation and no button', () => {
    const verbatim: VerifyResult = { quote: 'يَرْأَسُ', verdict: 'verbatim', spellingDiffers: true, match: match('يرأس'), similarity: 1, changes: [], diff: [] };
    const notFound: VerifyResult = { quote: 'الطقس جميل', verdict: 'not_found', spellingDiffers: false, match: null, similarity: 0, changes: [], diff: [] };
    expect(formatVerifyResults([verbatim], 'en').content).toBe('✅ Verbatim (ignoring diacritics and spelling)');
    const reply = formatVerifyResults([notFound], 'en');
    expect(reply.content).toContain('Not found');
    expect(reply.embeds[0]!.description).not.toContain('📄');
    expect(reply.components).toEqual([]);
  });

  test('five long altered quotes fit Discord’s limits, with every mark still closed and one button each', () => {
    const long = 'كلمة '.repeat(900);
    const results = Array.from({ length: 5 }, (_, i) => altered(long, `خطأ${i}`, `صواب${i} ${long}`));
    const reply = formatVerifyResults(results, 'ar');
    expect(reply.embeds).toHaveLength(5);
    expect(total(reply)).toBeLessThanOrEqual(LIMITS.message);
    for (const [i, e] of reply.embeds.entries()) {
      expect(e.description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(e.description).toContain(`~~خطأ${i}~~ **صواب${i} `);
      expect(e.description.split('**').length % 2).toBe(1);
      expect(e.title).toContain(`#${i + 1}`);
    }
    expect(reply.components[0]!.components).toHaveLength(5);
    for (const b of reply.components[0]!.components) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  });
});

test('the correction post is public, cites the span across passages and pings nobody', () => {
  const m = match('نص\nعلى سطرين', { endLine: 2, passageIds: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'] });
  const post = formatCorrectionPost(m, { lang: 'ar', userId: '42' });
  expect(post.content).toContain('<@42>');
  expect(post.allowedMentions).toEqual({ parse: [] });
  expect(post.components).toEqual([]);
  expect(post.embeds[0]!.description).toContain('> نص\n> على سطرين');
  expect(post.embeds[0]!.description).toContain('lines \u20681–2\u2069');
  expect(post.embeds[0]!.description).toContain('bbbbbbbbbbbb');
  expect(correctionCustomId(m)).toBe(`Verify quote:post:aaaaaaaaaaaa:${m.start}:${m.end}`);
});
