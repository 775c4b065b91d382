/**
 * Discord markdown for text we did not write: escaping so it renders exactly as written, Unicode
 * isolates for Latin names and numbers inside Arabic, block quotes, and truncation that never cuts
 * inside a surrogate pair, before a combining mark or through an escape.
 */
import { stripInvisible } from '../text/invisible.js';

export const ELLIPSIS = '…';
const FSI = '\u2068';
const PDI = '\u2069';

/** First-strong isolate: keeps a Latin name, file name or number in its own direction inside RTL text. */
export function isolate(text: string | number): string {
  return `${FSI}${text}${PDI}`;
}

// Every line-break form a client may render as a new line; Discord turns a lone \r into \n after we escape.
const LINE_BREAKS = /\r\n|[\r\u2028\u2029\u0085]/g;

/** One `\n` for every line-break form, so line-start escaping sees every line that will render. */
function normalizeLineBreaks(text: string): string {
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
