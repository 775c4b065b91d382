/** Rendering of Verify quote verdicts and of the public correction post (plain API JSON, pure). */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { DiffPart, QuoteMatch, VerifyResult } from '../verify/types.js';
import { COLOR, lineLabel } from './format.js';
import { ELLIPSIS, code, escapeMarkdown, isolate, quoteBlock, truncate } from './markdown.js';
import { LIMITS, reply, type Button, type Embed, type Reply, type Row } from './payload.js';
import type { Lang } from '../text/language.js';
import { t } from './i18n.js';

const COMMAND = 'Verify quote';

export function correctionCustomId(match: QuoteMatch): string {
  return `${COMMAND}:post:${match.passageIds[0]}:${match.start}:${match.end}`;
}

export function parseCorrectionCustomId(customId: string): { passageId: string; start: number; end: number } | null {
  const m = /^Verify quote:post:([\w-]{1,40}):(\d{1,10}):(\d{1,10})$/.exec(customId);
  return m ? { passageId: m[1]!, start: Number(m[2]), end: Number(m[3]) } : null;
}

/** `📄 file · line 3–4 · 🆔 id, id`: the place of a span, which may cross passages. */
export function spanCitation(match: QuoteMatch, lang: Lang): string {
  const lines =
    match.page !== match.endPage
      ? `${lineLabel(match.page, match.line, match.line, lang)} – ${lineLabel(match.endPage, match.endLine, match.endLine, lang)}`
      : lineLabel(match.page, match.line, match.endLine, lang);
  return `📄 ${isolate(code(match.source))} · ${lines} · 🆔 ${match.passageIds.map((id) => isolate(code(id))).join(', ')}`;
}

/**
 * The document text with the quote's changes marked: its own words struck (~~…~~), the document's
 * words it changed or dropped in bold. Long unchanged stretches are shortened around the changes
 * (never inside a mark) until it fits `budget`.
 */
function diffMarkdown(parts: DiffPart[], budget: number): string {
  for (const context of [Infinity, 300, 120, 40, 12]) {
    let out = '';
    parts.forEach((part, i) => {
      if (part.kind === 'same') {
        let text = part.text;
        const keepHead = i > 0;
        const keepTail = i < parts.length - 1;
        const room = context * ((keepHead ? 1 : 0) + (keepTail ? 1 : 0));
        if (text.length > room + 3) text = `${keepHead ? text.slice(0, context) : ''} ${ELLIPSIS} ${keepTail ? text.slice(text.length - context) : ''}`;
        out += escapeMarkdown(text);
        return;
      }
      const text = part.text.length > 2 * context + 3 ? `${part.text.slice(0, context)} ${ELLIPSIS} ${part.text.slice(part.text.length - context)}` : part.text;
      const marked = part.kind === 'quote' ? `~~${escapeMarkdown(text)}~~` : `**${escapeMarkdown(text)}**`;
      const before = out === '' || /\s$/.test(out) ? '' : ' ';
      out += before + marked;
      const next = parts[i + 1];
      if (part.kind === 'quote' && next && !/^\s/.test(next.text)) out += ' ';
    });
    if (out.length <= budget) return out;
  }
  return truncate(parts.map((p) => escapeMarkdown(p.text)).join(''), budget);
}

function title(result: VerifyResult, lang: Lang): string {
  if (result.verdict === 'verbatim') return t(lang, result.spellingDiffers ? 'verbatimSpelling' : 'verbatim');
  if (result.verdict === 'not_found') return t(lang, 'notFound');
  const kinds = [...new Set(result.changes.map((c) => c.kind).filter((k) => k !== null))];
  return kinds.length ? `${t(lang, 'altered')} (${kinds.map((k) => t(lang, `kind_${k}`)).join('، ')})` : t(lang, 'altered');
}

function description(result: VerifyResult, lang: Lang, budget: number): string {
  const m = result.match;
  if (result.verdict === 'not_found' || !m) {
    const room = Math.max(20, budget - 80);
    return `${truncate(quoteBlock(escapeMarkdown(result.quote.trim())), room)}\n${t(lang, 'notFoundDetail')}`;
  }
  const cite = spanCitation(m, lang);
  if (result.verdict === 'verbatim') {
    return `${truncate(quoteBlock(escapeMarkdown(m.text)), Math.max(20, budget - cite.length - 1))}\n${cite}`;
  }
  const legend = `-# ${t(lang, 'diffLegend')}`;
  const room = Math.max(20, budget - cite.length - legend.length - 4);
  return `${quoteBlock(diffMarkdown(result.diff, room))}\n${legend}\n${cite}`;
}

const color = (result: VerifyResult) => (result.verdict === 'verbatim' ? COLOR.ok : result.verdict === 'altered' ? COLOR.warn : COLOR.error);

/** The ephemeral reply to Verify quote: one embed per quote, a correction button per altered one. */
export function formatVerifyResults(results: VerifyResult[], lang: Lang): Reply {
  const list = results.slice(0, LIMITS.buttonsPerRow);
  const content = list.length === 1 ? title(list[0]!, lang) : t(lang, 'quotesChecked', { n: isolate(list.length) });
  const per = Math.min(LIMITS.embedDescription, Math.floor((LIMITS.message - content.length - 50) / list.length) - LIMITS.embedTitle / 2);
  const embeds: Embed[] = list.map((r, i) => ({
    ...(list.length > 1 ? { title: truncate(`#${i + 1} · ${title(r, lang)}`, LIMITS.embedTitle / 2) } : {}),
    description: description(r, lang, per),
    color: color(r),
  }));
  const buttons: Button[] = list.flatMap((r, i) =>
    r.verdict === 'altered' && r.match
      ? [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: `📢 ${t(lang, 'correctionButton', { n: list.length > 1 ? i + 1 : '' }).replace(/\s+/g, ' ')}`, custom_id: correctionCustomId(r.match) }]
      : [],
  );
  const components: Row[] = buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
  return reply(content, embeds, components);
}

/** The public correction: the real text with its citation, naming who shared it (never pinging: parse []). */
export function formatCorrectionPost(match: QuoteMatch, options: { lang: Lang; userId?: string }): Reply {
  const content = options.userId ? `📢 ${t(options.lang, 'correctionBy', { user: `<@${options.userId}>` })}` : '';
  const cite = spanCitation(match, options.lang);
  const text = truncate(quoteBlock(escapeMarkdown(match.text)), LIMITS.embedDescription - cite.length - 1);
  return reply(content, [{ description: `${text}\n${cite}`, color: COLOR.answer }]);
}
