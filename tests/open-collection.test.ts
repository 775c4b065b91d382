/** Opening a collection and asking it: answers, refusals, the model's legs, passages by line, quotes verified. (Keeping it up to date: open-collection-updates.test.ts.) */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { stripBotFormatting } from '../src/discord/quoted-text.js';
import { openCollection } from '../src/open-collection.js';
import { CountingEmbedder } from './fakes/counting-embedder.js';
import { tinyModelConfig } from '../src/embed/fixture-model.js';
import { expectFaithful, noModel, setup, withModel } from './helpers/collection-setup.js';
import { tempDir } from './helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';

describe('openCollection', () => {
  it('builds the index on first use and answers with the cited 001 passage naming the head of the delegation', async () => {
    const { docs, config, log } = setup();
    const collection = await openCollection(config, { log, loadModel: noModel() });
    const answer = await collection.ask(QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.mode).toBe('lexical');
    const hit = answer.results.find((r) => r.text.includes('بشار الجعفري'));
    expect(hit?.source).toMatch(/^001_/);
    expect(hit?.line).toBeGreaterThan(0);
    expectFaithful(docs, answer.results);
    expect(fs.existsSync(path.join(config.indexDir, 'CURRENT'))).toBe(true);
  });

  it('abstains on a question the collection does not answer, listing closest passages separately', async () => {
    const { config, log } = setup();
    const collection = await openCollection(config, { log, loadModel: noModel() });
    const answer = await collection.ask('ما هو سعر برميل النفط اليوم؟');
    expect(answer.answered).toBe(false);
    expect(answer.results).toEqual([]);
  });

  it('reports bad files with a reason, skips them, and indexes the rest', async () => {
    const { docs, config, log } = setup();
    fs.writeFileSync(path.join(docs, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]));
    fs.writeFileSync(path.join(docs, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x63, 0xe0]));
    fs.writeFileSync(path.join(docs, 'utf16.txt'), Buffer.from('\ufeffسلام', 'utf16le'));
    fs.writeFileSync(path.join(docs, 'empty.md'), '  \n');
    fs.writeFileSync(path.join(docs, 'notes.pdf'), 'text saved under a .pdf name');
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'كلمة السر السرية جدا');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(docs, 'link.txt'));
    fs.mkdirSync(path.join(docs, 'sub dir'));
    fs.writeFileSync(path.join(docs, 'sub dir', 'ملاحظة [1].md'), '\ufeffملاحظة قصيرة عن اجتماع اللجنة الفرعية في أستانا.');

    const collection = await openCollection(config, { log, loadModel: noModel() });
    const status = collection.status();
    const reasons = Object.fromEntries(status.skipped.map((s) => [s.source, s.reason]));
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['utf16.txt']).toMatch(/UTF-16/);
    expect(reasons['empty.md']).toMatch(/empty/);
    expect(reasons['link.txt']).toMatch(/outside/);
    expect(reasons['notes.pdf']).toMatch(/extension says \.pdf but the contents are not a PDF/);
    expect(status.documents).toBe(5);
    const nested = collection.documents().find((d) => d.source === 'sub dir/ملاحظة [1].md');
    expect(nested).toBeDefined();
    expect((await collection.ask('كلمة السر السرية')).results.some((r) => r.source === 'link.txt')).toBe(false);
    // The BOM is not part of the text, so offsets still slice the decoded file.
    const note = (await collection.ask('اجتماع اللجنة الفرعية')).results[0]!;
    expect(note.source).toBe('sub dir/ملاحظة [1].md');
    expect(note.start).toBe(0);
  });

  it('answers from the lexical leg when the model fails on a query', async () => {
    const { config, log, lines } = setup();
    const embedder = new CountingEmbedder();
    const collection = await openCollection(config, { log, loadModel: withModel(embedder) });
    embedder.embedQuery = async () => {
      throw new RangeError('Array buffer allocation failed');
    };
    const answer = await collection.ask(QUESTION);
    expect(answer.mode).toBe('lexical');
    expect(answer.results.some((r) => r.text.includes('بشار الجعفري'))).toBe(true);
    expect(lines.join('\n')).toMatch(/dense retrieval failed, answering lexical-only: Array buffer allocation failed/);
  });

  it('runs hybrid retrieval with the fixture model loaded through the real Transformers.js path', async () => {
    const { docs, log } = setup();
    const config = { ...loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index') }), model: tinyModelConfig() };
    const collection = await openCollection(config, { log });
    expect(collection.status().model).toMatchObject({ loaded: true, modelId: 'isnad/tiny-arabic-bow', dimensions: 64 });
    const answer = await collection.ask(QUESTION);
    expect(answer.mode).toBe('hybrid');
    expect(answer.results.some((r) => r.text.includes('بشار الجعفري'))).toBe(true);
    expectFaithful(docs, answer.results);
  });
});

describe('passageAtLine', () => {
  it('finds the passage covering a line, skips leading blank lines, and knows where the file ends', async () => {
    const docs = tempDir();
    const first = 'الفقرة الأولى تبدأ بعد سطرين فارغين وتتحدث عن المفاوضات في أستانا بين الوفود المشاركة كلها في الجولة الرابعة من المحادثات.';
    const second = 'الفقرة الثانية طويلة بما يكفي لتكون مقطعا مستقلا،\nوتمتد على سطرين متتاليين في الملف نفسه دون فراغ.';
    fs.writeFileSync(path.join(docs, 'doc.txt'), `\n\n${first}\n\n${second}\n`);
    const { config, log } = setup(docs);
    const collection = await openCollection(config, { log, loadModel: noModel() });
    expect(collection.passageAtLine('doc.txt', 1)?.text).toBe(first);
    expect(collection.passageAtLine('doc.txt', 3)?.line).toBe(3);
    expect(collection.passageAtLine('doc.txt', 6)?.text).toBe(second);
    expect(collection.passageAtLine('doc.txt', 6)?.line).toBe(5);
    expect(collection.passageAtLine('doc.txt', 7)).toBeUndefined();
    expect(collection.passageAtLine('doc.txt', 0)).toBeUndefined();
    expect(collection.passageAtLine('missing.txt', 1)).toBeUndefined();
  });
});

describe('verifyQuotes', () => {
  it('recognizes verbatim quotes, altered ones with the real text, and unknown text', async () => {
    const { config, log } = setup();
    const collection = await openCollection(config, { log, loadModel: noModel() });
    const [verbatim] = await collection.verifyQuotes('> يقود وفد المعارضة العسكرية السورية محمد علوش');
    expect(verbatim!.verdict).toBe('verbatim');
    expect(verbatim!.match?.source).toMatch(/^001_/);
    expect(verbatim!.match?.text).toBe('يقود وفد المعارضة العسكرية السورية محمد علوش');

    // Diacritics, a different hamza form and one changed word.
    const [altered] = await collection.verifyQuotes('يَقود وفد المعارضة العسكرية السورية أحمد علوش');
    expect(altered!.verdict).toBe('altered');
    expect(altered!.match?.text).toBe('يقود وفد المعارضة العسكرية السورية محمد علوش');
    expect(altered!.changes).toEqual([{ op: 'replace', quote: 'أحمد', document: 'محمد', kind: 'name' }]);

    expect((await collection.verifyQuotes('الطقس جميل في باريس هذا الصباح'))[0]!.verdict).toBe('not_found');

    // A passage copied from one of the bot's own posts, with Discord's markdown escapes and citation line
    // (the Verify quote command strips those before asking the collection).
    const [copied] = await collection.verifyQuotes(stripBotFormatting('> \\#الفصائل\\_السورية المعارضة مشاركتها، الأربعاء، في \\#أستانا 4\n📄 004 · line 3'));
    expect(copied!.verdict).toBe('verbatim');
    expect(copied!.match?.text).toBe('الفصائل_السورية المعارضة مشاركتها، الأربعاء، في #أستانا 4');
  });
});
