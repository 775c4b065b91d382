/**
 * Pure rendering of Collection results into Discord message payloads (plain API JSON).
 * Rules: passages go in embed descriptions or content (never embed fields, which clients reorder
 * around Arabic); Latin names, file names and numbers we insert are wrapped in Unicode isolates;
 * passage text is verbatim except for markdown/mention escapes and `<url>` wrapping; every limit
 * is respected by trimming at a word boundary with "…", never inside a surrogate pair.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Answer, DocumentInfo, Passage, Progress, ReindexSummary } from '../types.js';
import type { IndexStatus } from '../collection.js';
import { stripInvisible } from '../text/invisible.js';
import { endLine } from '../text/lines.js';
import type { Lang } from '../text/language.js';
import { confidenceLevel } from '../retrieve/ranker.js';
import { t } from './i18n.js';
import { code, escapeMarkdown, isolate, quoteBlock, truncate } from './markdown.js';
import { LIMITS, reply, type Button, type Choice, type Embed, type Reply, type Row } from './payload.js';

export const COLOR = { answer: 0x2b7a78, abstain: 0x9e9e9e, ok: 0x2e7d32, warn: 0xf9a825, error: 0xc62828 } as const;

/** "page 2 · line 9" or "lines 9–10" (the page only for documents with pages): a span of lines is cited by all of them. */
export function lineLabel(page: number | undefined, line: number, last: number, lang: Lang): string {
  const label = last > line ? `${t(lang, 'lines')} ${isolate(`${line}–${last}`)}` : `${t(lang, 'line')} ${isolate(line)}`;
  return page ? `${t(lang, 'page')} ${isolate(page)} · ${label}` : label;
}

function lines(slice: Pick<Passage, 'line' | 'text' | 'page'>, lang: Lang): string {
  return lineLabel(slice.page, slice.line, endLine(slice), lang);
}

export function citation(passage: Pick<Passage, 'source' | 'line' | 'text' | 'id' | 'page'>, lang: Lang): string {
  return `📄 ${isolate(code(passage.source))} · ${lines(passage, lang)} · 🆔 ${isolate(code(passage.id))}`;
}

/** Renders one passage as quoted text + citation within `budget` characters. */
export function passageBlock(passage: Passage, lang: Lang, budget: number = LIMITS.embedDescription): string {
  const cite = citation(passage, lang);
  const room = Math.max(20, budget - cite.length - 2);
  const quoted = quoteBlock(escapeMarkdown(passage.text.trim()));
  return `${truncate(quoted, room)}\n${cite}`;
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
  const notice = answer.notice ? `\nℹ️ ${truncate(answer.notice, 500)}` : '';
  if (!answer.answered) {
    let content = `${truncate(header, 1200)}\n🚫 ${t(lang, 'notAnswered')}${notice}`;
    const closest = answer.closest.slice(0, 3);
    if (closest.length > 0) content += `\n${t(lang, 'closestLabel')}`;
    return reply(content, passageEmbeds(closest, lang, content.length, COLOR.abstain));
  }
  const content = `${truncate(header, 1200)}${notice}\n${t(lang, 'answerIntro')} (${t(lang, `confidence${confidenceLevel(answer.confidence)}`)})`;
  const embeds = passageEmbeds(answer.results, lang, content.length, COLOR.answer);
  const components: Row[] = [];
  if (ephemeral) {
    const buttons: Button[] = answer.results.slice(0, embeds.length).map((p, i) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: `📢 ${t(lang, 'postButton', { n: i + 1 })}`,
      custom_id: postCustomId(p.id),
    }));
    for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
      components.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
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
  const L = {
    docs: t(lang, 'documents'), passages: t(lang, 'statusPassages'), skipped: t(lang, 'statusSkipped'), model: t(lang, 'statusModel'),
    loaded: t(lang, 'statusLoaded'), lexical: t(lang, 'statusLexical'), built: t(lang, 'statusBuilt'), never: t(lang, 'statusNeverBuilt'),
    reindex: t(lang, 'statusReindexing'), version: t(lang, 'statusVersion'), yes: t(lang, 'yes'), no: t(lang, 'no'),
    english: t(lang, 'statusEnglish'), dictionary: t(lang, 'statusViaDictionary'), viaModel: t(lang, 'statusViaModel'),
  };
  const lines = [
    `📚 ${L.docs}: ${isolate(status.documents)} · ${L.passages}: ${isolate(status.passages)}`,
    status.model.loaded
      ? `🧠 ${L.model}: ${L.loaded} ${isolate(code(status.model.modelId))} (${t(lang, 'statusDimensions', { n: isolate(status.model.dimensions) })})`
      : `🧠 ${L.model}: ${L.lexical}${status.model.modelId ? ` (${isolate(code(status.model.modelId))})` : ''} — ${shown(status.model.reason)}`,
    status.builtAt
      ? `🕒 ${L.built}: ${relativeTime(Date.parse(status.builtAt))} (${isolate(status.builtAt)})`
      : `🕒 ${L.built}: ${L.never}`,
    status.english.dictionary
      ? `🌐 ${L.english}: ${L.dictionary} ${isolate(code(status.english.dictionary))}`
      : `🌐 ${L.english}: ${status.english.hint ? escapeMarkdown(status.english.hint) : L.viaModel}`,
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
    `🔄 ${formatChanges(summary, lang)}`,
    `📚 ${t(lang, 'reindexCounts', { files: isolate(summary.files), passages: isolate(summary.passages), embedded: isolate(summary.embedded), reused: isolate(summary.reused), skipped: isolate(summary.skipped.length) })}`,
  ];
  if (summary.fullRebuildReason) lines.push(`ℹ️ ${escapeMarkdown(summary.fullRebuildReason)}`);
  lines.push(summary.model.loaded ? `🧠 ${isolate(code(summary.model.modelId))}` : `🧠 ${t(lang, 'lexicalOnly')} — ${escapeMarkdown(summary.model.reason)}`);
  for (const s of summary.skipped.slice(0, 10)) lines.push(`• ${isolate(code(s.source))} — ${escapeMarkdown(s.reason)}`);
  const unsupported = Object.entries(summary.unsupported).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (unsupported.length > 0) {
    // "2 × .xyz": counted by extension, as the terminal's ingest lists them; '' counts files without one.
    const list = unsupported.map(([extension, count]) => isolate(`${count} × ${extension === '' ? t(lang, 'noExtension') : code(extension)}`)).join(', ');
    lines.push(`🚫 ${t(lang, 'reindexUnsupported', { list })}`);
  }
  return reply(lines.join('\n'));
}

/** What the reindex changed, as the terminal's ingest says it: "3 added, 1 changed, …" or "nothing changed". */
function formatChanges(summary: Pick<ReindexSummary, 'changes' | 'nothingChanged'>, lang: Lang): string {
  if (summary.nothingChanged) return t(lang, 'reindexNothingChanged');
  const { added, changed, removed, unchanged } = summary.changes;
  return t(lang, 'reindexChanges', { added: isolate(added), changed: isolate(changed), removed: isolate(removed), unchanged: isolate(unchanged) });
}

/**
 * `command` as its user invokes it: `/ask` for a slash command, `Verify quote` for a message command
 * (right-click → Apps), which has no slash. Isolated, so `/ask` reads left to right in an Arabic sentence.
 */
export function formatCooldown(command: string, retryAtMs: number, nowMs: number, lang: Lang): Reply {
  const seconds = Math.max(1, Math.ceil((retryAtMs - nowMs) / 1000));
  return reply(`⏱️ ${t(lang, 'cooldown', { command: isolate(command), when: relativeTime(retryAtMs), seconds: isolate(seconds) })} · ${code('COOLDOWN')}`);
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
