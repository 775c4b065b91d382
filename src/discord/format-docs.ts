import type { Added, ShelfEntry } from '../guilds/shelf.js';
import type { Lang } from '../text/language.js';
import { COLOR, formatBytes, relativeTime } from './format.js';
import { t } from './i18n.js';
import { escapeMarkdown, isolate } from './markdown.js';
import { reply as build, type Reply } from './payload.js';

const DOCS_PAGE_SIZE = 10;

function reply(content: string, description: string, color: number): Reply {
  return build(content, description ? [{ description, color }] : []);
}

/** A count as Arabic text shows it: isolated, so a number beside Latin text keeps its place. */
const count = (n: number, lang: Lang) => (lang === 'ar' ? isolate(n) : n);
const passagesWord = (n: number, lang: Lang) => t(lang, n === 1 ? 'docsPassagesOne' : 'docsPassagesMany', { n: count(n, lang) });

export function formatAdded(added: Added, lang: Lang): Reply {
  const name = escapeMarkdown(added.name);
  const pages = added.pages === null ? '' : t(lang, added.pages === 1 ? 'docsPagesOne' : 'docsPagesMany', { n: count(added.pages, lang) });
  const what = `${pages}${passagesWord(added.passages, lang)}, ${formatBytes(added.bytes)}`;
  return reply(t(lang, 'docsAdded', { name, what }), '', COLOR.ok);
}

export function formatRemoved(name: string, lang: Lang): Reply {
  return reply(t(lang, 'docsRemoved', { name: escapeMarkdown(name) }), '', COLOR.ok);
}

/** One page of the server's documents: name, passages, size, who added it and when. */
export function formatDocsList(entries: ShelfEntry[], page: number, lang: Lang): Reply {
  if (entries.length === 0) {
    return reply(t(lang, 'docsNone'), '', COLOR.abstain);
  }
  const pages = Math.ceil(entries.length / DOCS_PAGE_SIZE);
  const shown = Math.min(Math.max(page, 1), pages);
  const lines = entries.slice((shown - 1) * DOCS_PAGE_SIZE, shown * DOCS_PAGE_SIZE).map((e) => {
    const who = e.addedBy ? `<@${e.addedBy}>` : '—';
    const when = e.addedAt ? relativeTime(Date.parse(e.addedAt)) : '—';
    return `**${escapeMarkdown(e.name)}** · ${passagesWord(e.passages, lang)} · ${formatBytes(e.bytes)} · ${who} · ${when}`;
  });
  const head = t(lang, 'docsListHead', { count: count(entries.length, lang), page: shown, pages });
  return reply(head, lines.join('\n'), COLOR.answer);
}
