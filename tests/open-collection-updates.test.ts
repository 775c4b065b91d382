/** How an opened collection keeps its index up to date: what a reindex re-embeds, what an open notices, what a failure leaves serving. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../src/open-collection.js';
import { CountingEmbedder } from './fakes/counting-embedder.js';
import { noModel, setup, withModel } from './helpers/collection-setup.js';
import { resign } from './helpers/index-files.js';
import { tempDir } from './helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';

describe('openCollection', () => {
  it('re-embeds only the passages of a changed file and reuses the rest', async () => {
    const { docs, config, log } = setup();
    const first = new CountingEmbedder();
    const collection = await openCollection(config, { log, loadModel: withModel(first) });
    const total = collection.status().passages;
    expect(first.embeddedPassages).toHaveLength(total);

    const changed = fs.readdirSync(docs).find((f) => f.startsWith('003'))!;
    fs.appendFileSync(path.join(docs, changed), '\nوأضاف المتحدث أن جولة جديدة من المباحثات ستعقد في الشهر المقبل بحضور جميع الأطراف المعنية.\n');
    const summary = await collection.reindex();
    const passagesOfChanged = collection.documents().find((d) => d.source === changed)!.passages;
    expect(summary.embedded).toBeGreaterThan(0);
    expect(summary.embedded).toBeLessThanOrEqual(passagesOfChanged);
    expect(summary.reused).toBe(summary.passages - summary.embedded);
    expect(summary.fullRebuildReason).toBeNull();
    expect(first.embeddedPassages.slice(total).every((text) => fs.readFileSync(path.join(docs, changed), 'utf8').includes(text))).toBe(true);
  });

  it('notices at start an edit that kept the size and put the modification time back', async () => {
    const { docs, config, log } = setup();
    const note = path.join(docs, 'note.txt');
    fs.writeFileSync(note, 'The convoy reached the northern port on Thursday.\n');
    // A stamp is recorded once settled: more than 3 s old when the documents are scanned.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const first = await openCollection(config, { log, loadModel: noModel() });
    first.close();
    const stamp = path.join(tempDir(), 'stamp');
    fs.writeFileSync(stamp, '');
    execFileSync('touch', ['-r', note, stamp]);
    fs.writeFileSync(note, 'The convoy reached the northern port on Thursday.\n'.replace('northern', 'nortHern'));
    execFileSync('touch', ['-r', stamp, note]);
    const second = await openCollection(config, { log, loadModel: noModel() });
    expect(second.documents().find((d) => d.source === 'note.txt')).toBeDefined();
    expect((await second.ask('convoy nortHern port')).results.map((r) => r.text).join(' ')).toContain('nortHern');
    second.close();
  });

  it('rebuilds everything, saying why, when the model changes', async () => {
    const { config, log, lines } = setup();
    await openCollection(config, { log, loadModel: withModel(new CountingEmbedder('test/a')) });
    const other = new CountingEmbedder('test/b');
    const collection = await openCollection(config, { log, loadModel: withModel(other) });
    expect(other.embeddedPassages).toHaveLength(collection.status().passages);
    expect(lines.join('\n')).toContain('model changed (test/a → test/b)');
  });

  it('rebuilds from the documents when an index file is corrupt, naming the file', async () => {
    const { docs, config, log, lines } = setup();
    await openCollection(config, { log, loadModel: noModel() });
    const generation = fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8');
    const passagesFile = path.join(config.indexDir, generation, 'passages.json');
    fs.writeFileSync(passagesFile, fs.readFileSync(passagesFile, 'utf8').slice(0, 100));
    resign(path.join(config.indexDir, generation));
    const before = fs.readdirSync(docs).map((f) => fs.readFileSync(path.join(docs, f), 'utf8'));

    const collection = await openCollection(config, { log, loadModel: noModel() });
    expect(lines.join('\n')).toMatch(/passages\.json is not valid JSON/);
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    expect(fs.readdirSync(docs).map((f) => fs.readFileSync(path.join(docs, f), 'utf8'))).toEqual(before);
  });

  it('keeps serving the previous index when a reindex fails', async () => {
    const { docs, config, log } = setup();
    const collection = await openCollection(config, { log, loadModel: noModel() });
    const pointer = fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8');
    fs.rmSync(docs, { recursive: true });
    await expect(collection.reindex()).rejects.toMatchObject({ code: 'DOCS_NOT_FOUND' });
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    expect(fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8')).toBe(pointer);
  });

  it('refuses a second reindex while one runs', async () => {
    const { config, log } = setup();
    const collection = await openCollection(config, { log, loadModel: noModel() });
    const running = collection.reindex();
    expect(collection.status().reindexing).toBe(true);
    expect(() => collection.reindex()).toThrow(expect.objectContaining({ code: 'REINDEX_RUNNING' }));
    await running;
    expect(collection.status().reindexing).toBe(false);
  });

  it('serves lexical-only without a model and picks the model up on a later reindex', async () => {
    const { config, log } = setup();
    const embedder = new CountingEmbedder();
    let available = false;
    const loadModel = async () => (available ? withModel(embedder)() : noModel('loading timed out after 120 s')());
    const collection = await openCollection(config, { log, loadModel });
    expect(collection.status().model).toMatchObject({ loaded: false, reason: 'loading timed out after 120 s' });
    expect((await collection.ask(QUESTION)).mode).toBe('lexical');

    available = true;
    const summary = await collection.reindex();
    expect(summary.embedded).toBe(summary.passages);
    expect(collection.status().model.loaded).toBe(true);
    expect((await collection.ask(QUESTION)).mode).toBe('hybrid');
  });

  it('notices files added since the index was built and updates it on open', async () => {
    const { docs, config, log } = setup();
    await openCollection(config, { log, loadModel: noModel() });
    fs.writeFileSync(path.join(docs, '005_new.txt'), 'وصل وفد الأمم المتحدة إلى مدينة نور سلطان لبحث ملف المعتقلين والمفقودين.');
    const collection = await openCollection(config, { log, loadModel: noModel() });
    const answer = await collection.ask('ملف المعتقلين والمفقودين');
    expect(answer.results[0]?.source).toBe('005_new.txt');
  });
});
