/** /docs against the fake Discord: per-server collections, uploads, removal, and every refusal. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import type { LoadedModel } from '../../src/embed/embedder.js';
import { Library } from '../../src/guilds/library.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { CountingEmbedder } from '../fakes/counting-embedder.js';
import { PERMISSIONS, snowflake, type InjectedInteraction } from '../fakes/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

/** Embeds like CountingEmbedder, but waits while `gate` is set: holds a reindex open for as long as a test needs. */
class GatedEmbedder extends CountingEmbedder {
  gate: Promise<void> | null = null;
  override async embedPassages(texts: string[]): Promise<Float32Array[]> {
    await this.gate;
    return super.embedPassages(texts);
  }
}

const ADMIN = { permissions: PERMISSIONS.manageGuild, user: { id: '300000000000000042' } };
const FARM = 'أعلنت جمعية المزارعين في قرية الزيتونة أن محصول الرمان هذا العام بلغ ثلاثة آلاف طن.\nوقال رئيس الجمعية إن الأمطار كانت وفيرة.\n';
const FARM_QUESTION = 'كم بلغ محصول الرمان في قرية الزيتونة؟';

let h: Harness;
let root: string;
let library: Library;
const embedder = new GatedEmbedder();
const otherGuild = snowflake();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-docs-'));
  const log = createLogger('silent');
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: path.join(root, 'index'), MODEL_ID: 'none' });
  const base = await openCollection(config, { log });
  const loadModel = async (): Promise<LoadedModel> => ({ embedder, status: { loaded: true, modelId: embedder.modelId, dimensions: embedder.dimensions } });
  library = new Library({ base, config, dataDir: path.join(root, 'data'), baseGuilds: 'all', open: { log, loadModel } });
  h = await startHarness(base, { library, askCooldownMs: 0, reindexCooldownMs: 0 });
}, 30_000);

afterAll(async () => {
  await h?.close();
  library?.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const guildDocs = (guildId: string) => path.join(root, 'data', 'guilds', guildId, 'docs');
const listDocs = (guildId: string) => (fs.existsSync(guildDocs(guildId)) ? fs.readdirSync(guildDocs(guildId)) : []);

/** The text the user ends up seeing: an immediate reply, or the edit of a deferred one. */
async function shown(i: InjectedInteraction): Promise<string> {
  const call = await h.fake.waitForCall(
    (c) => (c.path === i.callbackPath && c.body?.type === InteractionResponseType.ChannelMessageWithSource) || (c.path === i.originalPath && c.method === 'PATCH'),
    15_000,
  );
  const body = call.path === i.callbackPath ? call.body.data : call.body;
  return [body.content ?? '', ...(body.embeds ?? []).map((e: any) => e.description ?? '')].join('\n');
}

function upload(filename: string, bytes: Uint8Array | string, options: { size?: number; redirectTo?: string; name?: string; who?: object } = {}) {
  const attachment = h.fake.attachment(filename, typeof bytes === 'string' ? Buffer.from(bytes) : bytes, options);
  const sub = [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id as string }, ...(options.name ? [{ name: 'name', type: ApplicationCommandOptionType.String, value: options.name }] : [])];
  return h.fake.injectCommand('docs', [{ name: 'add', type: ApplicationCommandOptionType.Subcommand, options: sub }], options.who ?? ADMIN, [attachment]);
}

const FORMATS = path.join(import.meta.dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => fs.readFileSync(path.join(FORMATS, name));

const ask = (question: string, who: object = {}) => h.fake.injectCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }], who);

test('an upload is quoted in its server only, listed with who added it, and gone after /docs remove', async () => {
  expect(await shown(upload('farm.txt', FARM))).toMatch(/Added farm\.txt: 1 passage/);
  expect(listDocs(h.fake.guildId)).toEqual(['farm.txt']);

  const here = await shown(ask(FARM_QUESTION));
  expect(here).toContain('ثلاثة آلاف طن');
  expect(here).toContain('farm.txt');
  // The base collection is still searched here too.
  expect(await shown(ask('من يرأس وفد النظام السوري؟'))).toContain('بشار الجعفري');

  for (const elsewhere of [{ guildId: otherGuild }, { dm: true }]) {
    const text = await shown(ask(FARM_QUESTION, elsewhere));
    expect(text).not.toContain('ثلاثة آلاف طن');
    expect(text).not.toContain('farm.txt');
  }

  const list = await shown(h.fake.injectCommand('docs', [{ name: 'list', type: ApplicationCommandOptionType.Subcommand, options: [] }], ADMIN));
  expect(list).toMatch(/farm\.txt\*\* · 1 passage · \d+ B · <@300000000000000042> · <t:\d+:R>/);

  const ac = h.fake.injectAutocomplete('docs', [{ name: 'remove', type: ApplicationCommandOptionType.Subcommand, options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'far', focused: true }] }], ADMIN);
  const choices = await h.fake.waitForCall((c) => c.path === ac.callbackPath);
  expect(choices.body.data.choices).toEqual([{ name: 'farm.txt', value: 'farm.txt' }]);

  expect(await shown(h.fake.injectCommand('docs', [{ name: 'remove', type: ApplicationCommandOptionType.Subcommand, options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'farm.txt' }] }], ADMIN))).toContain('Removed farm.txt');
  expect(listDocs(h.fake.guildId)).toEqual([]);
  expect(await shown(ask(FARM_QUESTION))).not.toContain('ثلاثة آلاف طن');
}, 60_000);

test('a PDF, a DOCX and an HTML page are quoted in their server, with page or line citations, and never in another', async () => {
  const added = await shown(upload('report.pdf', fixture('report.pdf')));
  expect(added).toMatch(/Added report\.pdf: 2 pages, \d+ passages?/);
  expect(await shown(upload('statement.docx', fixture('statement.docx')))).toMatch(/Added statement\.docx: \d+ passages?/);
  expect(await shown(upload('article.html', fixture('article.html')))).toMatch(/Added article\.html: \d+ passages?/);

  const pdf = await shown(ask('هل تعمل محطة التحلية بالطاقة الشمسية؟'));
  expect(pdf).toContain('الطاقة الشمسية');
  expect(pdf).toMatch(/report\.pdf[^\n]*page ⁨?2⁩?/);
  const docx = await shown(ask('ماذا قرر المجلس البلدي أن يفتتح؟'));
  expect(docx).toContain('مكتبة عامة جديدة');
  expect(docx).toContain('statement.docx');
  const html = await shown(ask('كم دار نشر شاركت في مهرجان الكتاب؟'));
  expect(html).toContain('مئة وعشرين دار نشر');
  expect(html).not.toContain('سكربت');

  for (const question of ['هل تعمل محطة التحلية بالطاقة الشمسية؟', 'ماذا قرر المجلس البلدي أن يفتتح؟', 'كم دار نشر شاركت في مهرجان الكتاب؟']) {
    const elsewhere = await shown(ask(question, { guildId: otherGuild }));
    for (const name of ['report.pdf', 'statement.docx', 'article.html']) expect(elsewhere).not.toContain(name);
  }

  for (const name of ['report.pdf', 'statement.docx', 'article.html']) {
    await shown(h.fake.injectCommand('docs', [{ name: 'remove', type: ApplicationCommandOptionType.Subcommand, options: [{ name: 'name', type: ApplicationCommandOptionType.String, value: name }] }], ADMIN));
  }
  expect(listDocs(h.fake.guildId)).toEqual([]);
  expect(await shown(ask('هل تعمل محطة التحلية بالطاقة الشمسية؟'))).not.toContain('report.pdf');
}, 60_000);

test('an encrypted PDF, a scanned PDF and a Word file named .pdf are refused with their codes', async () => {
  expect(await shown(upload('secret.pdf', fixture('encrypted.pdf')))).toContain('FILE_ENCRYPTED');
  expect(await shown(upload('scan.pdf', fixture('scanned.pdf')))).toContain('NO_TEXT_LAYER');
  expect(await shown(upload('liar.pdf', fixture('statement.docx')))).toContain('FILE_TYPE_MISMATCH');
  expect(listDocs(h.fake.guildId)).toEqual([]);
}, 30_000);

test('a member without Manage Server cannot add, and is told so in their language', async () => {
  const refused = await shown(upload('farm.txt', FARM, { who: { permissions: PERMISSIONS.member } }));
  expect(refused).toContain('FORBIDDEN');
  expect(refused).toContain('You need the Manage Server permission to run /docs.');
  const arabic = await shown(upload('farm.txt', FARM, { who: { permissions: PERMISSIONS.member, locale: 'ar' } }));
  expect(arabic).toContain('تحتاج إلى صلاحية «إدارة الخادم» لتشغيل ‎/docs.');
  expect(listDocs(h.fake.guildId)).toEqual([]);
});

test('a 200 MB file is refused by its declared size, before any byte is downloaded', async () => {
  const text = await shown(upload('big.txt', 'small really', { size: 200 * 1024 * 1024 }));
  expect(text).toContain('FILE_TOO_LARGE');
  expect(text).toContain('200.0 MB');
  expect(h.fake.calls.some((c) => c.path.includes('/big.txt'))).toBe(false);
  expect(listDocs(h.fake.guildId)).toEqual([]);
});

test('a file that declares a small size but is larger than MAX_FILE_BYTES is cut off during the download', async () => {
  const big = Buffer.alloc(library.config.maxFileBytes + 1, 'ا');
  const text = await shown(upload('liar-size.txt', big, { size: 100 }));
  expect(text).toContain('FILE_TOO_LARGE');
  expect(listDocs(h.fake.guildId)).toEqual([]);
}, 30_000);

test('a PDF named .txt and a program named .md are refused by their bytes (the reader the index uses decides)', async () => {
  expect(await shown(upload('notes.txt', '%PDF-1.4\n%âãÏÓ\n1 0 obj'))).toContain('FILE_TYPE_MISMATCH');
  expect(await shown(upload('notes.md', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2])))).toMatch(/binary file.*FILE_UNREADABLE/);
  expect(listDocs(h.fake.guildId)).toEqual([]);
});

test('names with ../ or control characters are refused, nothing is written anywhere', async () => {
  expect(await shown(upload('farm.txt', FARM, { name: '../../escape.txt' }))).toContain('FILE_NAME_INVALID');
  expect(await shown(upload('ok\u0007bell.txt', FARM))).toContain('FILE_NAME_INVALID');
  expect(await shown(upload('evil\u202Etxt.exe', FARM))).toContain('FILE_NAME_INVALID');
  expect(listDocs(h.fake.guildId)).toEqual([]);
  expect(fs.existsSync(path.join(root, 'data', 'guilds', 'escape.txt'))).toBe(false);
});

test('an attachment link redirecting to another host is not followed', async () => {
  const text = await shown(upload('farm.txt', FARM, { redirectTo: 'http://localhost:9/steal.txt' }));
  expect(text).toContain('DOWNLOAD_FAILED');
  expect(text).toContain('localhost:9');
  expect(listDocs(h.fake.guildId)).toEqual([]);
});

test('an upload while the server reindexes is refused and changes nothing; the reindex finishes', async () => {
  expect(await shown(upload('farm.txt', FARM))).toContain('Added farm.txt');
  const shelf = library.shelf(h.fake.guildId);
  fs.writeFileSync(path.join(shelf.docsDir, 'more.txt'), 'نص إضافي عن حصاد الزيتون في القرية.\n');
  let open!: () => void;
  embedder.gate = new Promise((resolve) => (open = resolve));
  const reindex = h.fake.injectCommand('reindex', [], ADMIN);
  await h.fake.waitForCall((c) => c.path === reindex.callbackPath);
  await expect.poll(() => shelf.assertIdle().then(() => false, () => true)).toBe(true);

  expect(await shown(upload('late.txt', 'نص متأخر.\n'))).toContain('REINDEX_RUNNING');
  expect(listDocs(h.fake.guildId).sort()).toEqual(['farm.txt', 'more.txt']);

  embedder.gate = null;
  open();
  const done = await h.fake.waitForCall((c) => c.path === reindex.originalPath && /Indexed|passages/.test(JSON.stringify(c.body)) && !JSON.stringify(c.body).includes('⏳'), 15_000);
  expect(done).toBeTruthy();
  expect(await shown(upload('late.txt', 'نص متأخر عن الموسم.\n'))).toContain('Added late.txt');
}, 60_000);
