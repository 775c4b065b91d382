import type { Added, ShelfEntry } from '../guilds/shelf.js';
import type { Lang } from '../text/language.js';
import { COLOR, formatBytes, relativeTime } from './format.js';
import { escapeMarkdown, isolate } from './markdown.js';
import type { Reply } from './payload.js';

export const DOCS_PAGE_SIZE = 10;

function reply(content: string, description: string, color: number): Reply {
  return { content, embeds: description ? [{ description, color }] : [], components: [], allowedMentions: { parse: [] } };
}

const passagesWord = (n: number, lang: Lang) => (lang === 'ar' ? `${isolate(n)} مقطعًا` : `${n} passage${n === 1 ? '' : 's'}`);

export function formatAdded(added: Added, lang: Lang): Reply {
  const name = escapeMarkdown(added.name);
  const pages = added.pages === null ? '' : lang === 'ar' ? `${isolate(added.pages)} صفحة، ` : `${added.pages} page${added.pages === 1 ? '' : 's'}, `;
  const what = `${pages}${passagesWord(added.passages, lang)}, ${formatBytes(added.bytes)}`;
  return reply(lang === 'ar' ? `✅ تمت إضافة ${name}: ${what}` : `✅ Added ${name}: ${what}`, '', COLOR.ok);
}

export function formatRemoved(name: string, lang: Lang): Reply {
  return reply(lang === 'ar' ? `🗑️ حُذف ${escapeMarkdown(name)} من فهرس هذا الخادم.` : `🗑️ Removed ${escapeMarkdown(name)} from this server's index.`, '', COLOR.ok);
}

/** One page of the server's documents: name, passages, size, who added it and when. */
export function formatDocsList(entries: ShelfEntry[], page: number, lang: Lang): Reply {
  if (entries.length === 0) {
    return reply(lang === 'ar' ? 'لا وثائق لهذا الخادم بعد: أضف واحدة بـ /docs add.' : 'This server has no documents yet: add one with /docs add.', '', COLOR.abstain);
  }
  const pages = Math.ceil(entries.length / DOCS_PAGE_SIZE);
  const shown = Math.min(Math.max(page, 1), pages);
  const lines = entries.slice((shown - 1) * DOCS_PAGE_SIZE, shown * DOCS_PAGE_SIZE).map((e) => {
    const who = e.addedBy ? `<@${e.addedBy}>` : '—';
    const when = e.addedAt ? relativeTime(Date.parse(e.addedAt)) : '—';
    return `**${escapeMarkdown(e.name)}** · ${passagesWord(e.passages, lang)} · ${formatBytes(e.bytes)} · ${who} · ${when}`;
  });
  const head = lang === 'ar' ? `📚 وثائق هذا الخادم (${isolate(entries.length)}) — صفحة ${shown}/${pages}` : `📚 This server's documents (${entries.length}) — page ${shown}/${pages}`;
  return reply(head, lines.join('\n'), COLOR.answer);
}
