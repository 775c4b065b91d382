/**
 * Pure rendering of Collection results into Discord message payloads (plain API JSON).
 * Rules: passages go in embed descriptions or content (never embed fields, which clients reorder
 * around Arabic); Latin names, file names and numbers we insert are wrapped in Unicode isolates;
 * passage text is verbatim except for markdown/mention escapes and `<url>` wrapping; every limit
 * is respected by trimming at a word boundary with "…", never inside a surrogate pair.
 */
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary } from '../types.js';
import type { IndexStatus } from '../collection.js';
import { stripInvisible } from '../text/invisible.js';
import { endLine } from '../text/lines.js';
import type { Lang } from '../text/language.js';
import { confidenceLevel } from '../retrieve/ranker.js';
import { t } from './i18n.js';

export const LIMITS = {
  content: 2000,
  embedDescription: 4096,
  embedTitle: 256,
  message: 6000,
  embeds: 10,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonsPerRow: 5,
  rows: 5,
} as const;

export const ELLIPSIS = '…';
const FSI = '\u2068';
const PDI = '\u2069';

export interface Embed {
  title?: string;
  description: string;
  color?: number;
}
export interface Button {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
}
export interface Row {
  type: 1;
  components: Button[];
}
export interface Reply {
  content: string;
  embeds: Embed[];
  components: Row[];
  allowedMentions: { parse: [] };
}
export interface Choice {
  name: string;
  value: string;
}

export const COLOR = { answer: 0x2b7a78, abstain: 0x9e9e9e, ok: 0x2e7d32, warn: 0xf9a825, error: 0xc62828 } as const;

/** First-strong isolate: keeps a Latin name, file name or number in its own direction inside RTL text. */
export function isolate(text: string | number): string {
  return `${FSI}${text}${PDI}`;
}

// Every line-break form a client may render as a new line; Discord turns a lone \r into \n after we escape.
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;

/** One `\n` for every line-break form, so line-start escaping sees every line that will render. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, '\n');
}

/**
 * An inline code span that holds any text (file names come from the documents folder): a run of
 * backticks inside would close a double-backtick span early and let the rest render as markdown
 * (bold, spoilers, mentions), so runs are broken with a zero-width space first.
 */
export function code(text: string): string {
  const clean = stripInvisible(normalizeLineBreaks(text)).replace(/\n+/g, ' ');
  if (!clean.includes('`')) return `\`${clean}\``;
  return `\`\` ${clean.replace(/`(?=`)/g, '`\u200b')} \`\``;
}

const URL_RE = /https?:\/\/[^\s<>]+/g;
const TRAILING_PUNCT = /[.,;:!?)\]}»"'’”،؛؟]+$/;

function escapeInline(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, (c) => `\\${c}`)
    .replace(/@(everyone|here)/gi, '\\@$1');
}

function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)(#|-#|[-+>])/, (_w, sp: string, mark: string) => `${sp}\\${mark}`)
        .replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3'),
    )
    .join('\n');
}

/** Any scheme://… a client might turn into a link (plain-links mode catches more than http). */
const ANY_SCHEME_URL_RE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>]+/gi;

/**
 * Escapes Discord markdown and mentions so the text renders exactly as written. URLs are wrapped in
 * <…> (no unfurl) and left unescaped; with `plainLinks` (a user's text echoed in public, under the
 * bot's name) they go in a code span instead, which no client turns into a link.
 */
export function escapeMarkdown(raw: string, options: { plainLinks?: boolean } = {}): string {
  const text = stripInvisible(normalizeLineBreaks(raw));
  let out = '';
  let last = 0;
  for (const match of text.matchAll(options.plainLinks ? ANY_SCHEME_URL_RE : URL_RE)) {
    let url = match[0];
    const trailing = TRAILING_PUNCT.exec(url)?.[0] ?? '';
    url = url.slice(0, url.length - trailing.length);
    const at = match.index;
    out += escapeInline(text.slice(last, at)) + (options.plainLinks ? code(url) : `<${url}>`);
    last = at + url.length;
  }
  out += escapeInline(text.slice(last));
  return escapeLineStarts(out);
}

const COMBINING = /\p{M}/u;

/**
 * Trims to at most `max` UTF-16 units including the ellipsis: at the last whitespace when it is in
 * the second half, else at a character boundary (never between a surrogate pair or before a
 * combining mark). Drops a dangling escape backslash or a half `<url`.
 */
export function truncate(text: string, max: number, ellipsis: string = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max));
  const room = max - ellipsis.length;
  let cut = room;
  let space = -1;
  for (let i = room; i > 0; i--) {
    if (/\s/.test(text[i]!)) {
      space = i;
      break;
    }
  }
  if (space >= room / 2) {
    cut = space;
  } else {
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    while (cut > 0 && COMBINING.test(String.fromCodePoint(text.codePointAt(cut)!))) cut -= 1;
    const c = text.charCodeAt(cut - 1);
    if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
  }
  let head = text.slice(0, cut).replace(/\s+$/u, '');
  head = head.replace(/<https?:\/\/[^>\s]*$/, '');
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  head = head.replace(/\n>$/, '');
  return head + ellipsis;
}

/** Quotes every line with "> " (Discord block quote). */
export function quoteBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** "line 9" or "lines 9–10": a passage spanning lines is cited by all of them. */
function lines(slice: Pick<Passage, 'line' | 'text' | 'page'>, lang: Lang): string {
  const last = endLine(slice);
  const label = last > slice.line ? `${t(lang, 'lines')} ${isolate(`${slice.line}–${last}`)}` : `${t(lang, 'line')} ${isolate(slice.line)}`;
  return slice.page ? `${t(lang, 'page')} ${isolate(slice.page)} · ${label}` : label;
}

export function citation(passage: Pick<Passage, 'source' | 'line' | 'text' | 'id' | 'page'>, lang: Lang): string {
  return `📄 ${isolate(code(passage.source))} · ${lines(passage, lang)} · 🆔 ${isolate(code(passage.id))}`;
}

function embedsLength(embeds: Embed[]): number {
  return embeds.reduce((n, e) => n + (e.title?.length ?? 0) + e.description.length, 0);
}

/** Renders one passage as quoted text + citation within `budget` characters. */
export function passageBlock(passage: Passage, lang: Lang, budget: number = LIMITS.embedDescription): string {
  const cite = citation(passage, lang);
  const room = Math.max(20, budget - cite.length - 2);
  const quoted = quoteBlock(escapeMarkdown(passage.text.trim()));
  return `${truncate(quoted, room)}\n${cite}`;
}

/** Enforces the message limits on any payload (a last line of defence). */
export function fit(reply: Reply): Reply {
  const content = truncate(reply.content, LIMITS.content);
  let embeds = reply.embeds.slice(0, LIMITS.embeds).map((e) => ({
    ...e,
    ...(e.title !== undefined ? { title: truncate(e.title, LIMITS.embedTitle) } : {}),
    description: truncate(e.description, LIMITS.embedDescription),
  }));
  while (embeds.length > 0 && content.length + embedsLength(embeds) > LIMITS.message) {
    const over = content.length + embedsLength(embeds) - LIMITS.message;
    const lastEmbed = embeds[embeds.length - 1]!;
    if (lastEmbed.description.length - over >= 200) {
      embeds = [...embeds.slice(0, -1), { ...lastEmbed, description: truncate(lastEmbed.description, lastEmbed.description.length - over) }];
    } else {
      embeds = embeds.slice(0, -1);
    }
  }
  const components = reply.components.slice(0, LIMITS.rows).map((row) => ({
    type: 1 as const,
    components: row.components.slice(0, LIMITS.buttonsPerRow).map((b) => ({
      ...b,
      label: truncate(b.label, LIMITS.buttonLabel),
      custom_id: b.custom_id.slice(0, LIMITS.customId),
    })),
  }));
  return { content, embeds, components, allowedMentions: { parse: [] } };
}

function reply(content: string, embeds: Embed[] = [], components: Row[] = []): Reply {
  return fit({ content, embeds, components, allowedMentions: { parse: [] } });
}

/** The same reply with a line on top (e.g. why a public post became private). */
export function withNote(base: Reply, note: string): Reply {
  return reply(base.content ? `${note}\n${base.content}` : note, base.embeds, base.components);
}

export function postCustomId(passageId: string): string {
  return `ask:post:${passageId}`;
}

export function parsePostCustomId(customId: string): string | null {
  const m = /^ask:post:([\w-]{1,80})$/.exec(customId);
  return m ? m[1]! : null;
}

function passageEmbeds(passages: Passage[], lang: Lang, headerLength: number, color: number): Embed[] {
  const list = passages.slice(0, LIMITS.embeds);
  if (list.length === 0) return [];
  const titleCost = 6;
  const per = Math.min(
    LIMITS.embedDescription,
    Math.floor((LIMITS.message - headerLength - 50) / list.length) - titleCost,
  );
  return list.map((p, i) => ({ title: `#${i + 1}`, description: passageBlock(p, lang, per), color }));
}

/** The reply to /ask. Buttons ("Post to channel") only on an ephemeral answer. */
export function formatAnswer(answer: Answer, options: { lang: Lang; ephemeral: boolean }): Reply {
  const { lang, ephemeral } = options;
  const header = `🔎 **${t(lang, 'question')}:** ${escapeMarkdown(answer.query.replace(/\s+/g, ' ').trim(), { plainLinks: !ephemeral })}`;
  if (!answer.answered) {
    let content = `${truncate(header, 1200)}\n🚫 ${t(lang, 'notAnswered')}`;
    const closest = answer.closest.slice(0, 3);
    if (closest.length > 0) content += `\n${t(lang, 'closestLabel')}`;
    return reply(content, passageEmbeds(closest, lang, content.length, COLOR.abstain));
  }
  const content = `${truncate(header, 1500)}\n${t(lang, 'answerIntro')} (${t(lang, `confidence${confidenceLevel(answer.confidence)}`)})`;
  const embeds = passageEmbeds(answer.results, lang, content.length, COLOR.answer);
  const components: Row[] = [];
  if (ephemeral) {
    const buttons: Button[] = answer.results.slice(0, embeds.length).map((p, i) => ({
      type: 2,
      style: 2,
      label: `📢 ${t(lang, 'postButton', { n: i + 1 })}`,
      custom_id: postCustomId(p.id),
    }));
    for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
      components.push({ type: 1, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
    }
  }
  return reply(content, embeds, components);
}

/** A passage posted publicly (from the button or /quote), with who shared it. */
export function formatPassagePost(passage: Passage, options: { lang: Lang; userId?: string }): Reply {
  const content = options.userId ? `📢 ${t(options.lang, 'postedBy', { user: `<@${options.userId}>` })}` : '';
  return reply(content, [{ description: passageBlock(passage, options.lang), color: COLOR.answer }]);
}

export function formatDocuments(documents: DocumentInfo[], lang: Lang): Reply {
  if (documents.length === 0) return reply(`📚 ${t(lang, 'noDocuments')}`);
  const lines = documents.map(
    (d) => `• ${isolate(code(d.source))} — ${isolate(d.passages)} ${t(lang, 'passages')} · ${isolate(formatBytes(d.bytes))}`,
  );
  const head = `📚 **${t(lang, 'documents')}** (${isolate(documents.length)})`;
  let description = '';
  let shown = 0;
  for (const line of lines) {
    if (description.length + line.length + 1 > LIMITS.embedDescription - 40) break;
    description += (description ? '\n' : '') + line;
    shown++;
  }
  if (shown < lines.length) description += `\n… (+${isolate(lines.length - shown)})`;
  return reply(head, [{ description, color: COLOR.ok }]);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Discord renders `<t:unix:R>` as a live relative time in the reader's locale. */
export function relativeTime(ms: number): string {
  return `<t:${Math.floor(ms / 1000)}:R>`;
}

// Two or more path separators: `/srv/isnad/models`, `C:\\models\\x`, `~/x/y` (not `/reindex`).
const HOST_PATH = /(^|[\s'"(\[=,;:])((?:~|[A-Za-z]:)?[\\/][^\s\\/'"]+(?:[\\/][^\s'"),;\]]*)+)/g;

/** Replaces host paths in a message shown to members (how the server is laid out is not theirs to see). */
export function hidePaths(text: string): string {
  return text.replace(HOST_PATH, (_whole, before: string) => `${before}[path hidden]`);
}

/** `details`: host paths and raw reasons, for members who may manage the server; others get them hidden. */
export function formatStatus(status: IndexStatus, lang: Lang, options: { details?: boolean } = {}): Reply {
  const shown = (reason: string) => escapeMarkdown(options.details ? reason : hidePaths(reason));
  const L = lang === 'ar'
    ? { docs: 'الوثائق', passages: 'المقاطع', skipped: 'ملفات متخطاة', model: 'النموذج', loaded: 'محمّل', lexical: 'بحث معجمي فقط', built: 'بُني الفهرس', never: 'لم يُبنَ بعد', reindex: 'إعادة فهرسة جارية', version: 'الإصدار', yes: 'نعم', no: 'لا' }
    : { docs: 'Documents', passages: 'Passages', skipped: 'Skipped files', model: 'Model', loaded: 'loaded', lexical: 'lexical-only', built: 'Index built', never: 'never built', reindex: 'Reindex running', version: 'Version', yes: 'yes', no: 'no' };
  const lines = [
    `📚 ${L.docs}: ${isolate(status.documents)} · ${L.passages}: ${isolate(status.passages)}`,
    status.model.loaded
      ? `🧠 ${L.model}: ${L.loaded} ${isolate(code(status.model.modelId))} (${isolate(status.model.dimensions)} dims)`
      : `🧠 ${L.model}: ${L.lexical}${status.model.modelId ? ` (${isolate(code(status.model.modelId))})` : ''} — ${shown(status.model.reason)}`,
    status.builtAt
      ? `🕒 ${L.built}: ${relativeTime(Date.parse(status.builtAt))} (${isolate(status.builtAt)})`
      : `🕒 ${L.built}: ${L.never}`,
    `🔄 ${L.reindex}: ${status.reindexing ? L.yes : L.no}`,
    `🏷️ ${L.version}: ${isolate(status.version)}`,
  ];
  let description = lines.join('\n');
  if (status.skipped.length > 0) {
    description += `\n⚠️ ${L.skipped}: ${isolate(status.skipped.length)}`;
    for (const s of status.skipped) {
      const line = `\n• ${isolate(code(s.source))} — ${shown(s.reason)}`;
      if (description.length + line.length > LIMITS.embedDescription - 20) {
        description += '\n…';
        break;
      }
      description += line;
    }
  }
  return reply('', [{ title: 'Isnad · إسناد', description, color: COLOR.ok }]);
}

export function formatReindexProgress(progress: Progress | null, lang: Lang): Reply {
  const base = `⏳ ${t(lang, 'reindexStarted')}`;
  if (!progress) return reply(base);
  const pct = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return reply(`${base}\n${isolate(progress.phase)} ${isolate(`${progress.done}/${progress.total}`)} (${isolate(pct + '%')})`);
}

export function formatReindexSummary(summary: ReindexSummary, lang: Lang): Reply {
  const lines = [
    `✅ ${t(lang, 'reindexDone')} (${isolate(summary.seconds.toFixed(1) + ' s')})`,
    `📚 files ${isolate(summary.files)} · passages ${isolate(summary.passages)} · embedded ${isolate(summary.embedded)} · reused ${isolate(summary.reused)} · skipped ${isolate(summary.skipped.length)}`,
  ];
  if (summary.fullRebuildReason) lines.push(`ℹ️ ${escapeMarkdown(summary.fullRebuildReason)}`);
  lines.push(summary.model.loaded ? `🧠 ${isolate(code(summary.model.modelId))}` : `🧠 lexical-only — ${escapeMarkdown(summary.model.reason)}`);
  for (const s of summary.skipped.slice(0, 10)) lines.push(`• ${isolate(code(s.source))} — ${escapeMarkdown(s.reason)}`);
  return reply(lines.join('\n'));
}

export function formatCooldown(command: string, retryAtMs: number, nowMs: number, lang: Lang): Reply {
  const seconds = Math.max(1, Math.ceil((retryAtMs - nowMs) / 1000));
  return reply(`⏱️ ${t(lang, 'cooldown', { command, when: relativeTime(retryAtMs), seconds: isolate(seconds) })} · ${code('COOLDOWN')}`);
}

/** Short user-facing error with its stable code; details stay in the log. */
export function formatError(code_: string, message: string, lang: Lang): Reply {
  return reply(`⚠️ ${escapeMarkdown(message)} · ${code(code_)}${lang === 'ar' ? ` (${t('ar', 'errorPrefix')})` : ''}`);
}

/** Autocomplete choices for a passage id: name shows id, place and the start of the text. */
export function passageChoices(passages: Passage[]): Choice[] {
  return passages.slice(0, LIMITS.choices).map((p) => ({
    name: truncate(stripInvisible(`${p.id} · ${p.source}:${p.line} · ${p.text.replace(/\s+/g, ' ').trim()}`), LIMITS.choiceName),
    value: p.id.slice(0, LIMITS.choiceValue),
  }));
}

export function documentChoices(documents: DocumentInfo[], query: string): Choice[] {
  const q = query.trim().toLowerCase();
  return documents
    .filter((d) => q === '' || d.source.toLowerCase().includes(q))
    .slice(0, LIMITS.choices)
    .filter((d) => d.source.length <= LIMITS.choiceValue)
    .map((d) => ({ name: truncate(stripInvisible(`${d.source} (${d.passages})`), LIMITS.choiceName), value: d.source }));
}
