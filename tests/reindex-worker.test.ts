/**
 * A reindex built in a worker thread (as every large one is) behaves like one built in place: the
 * same summary, vectors of unchanged passages reused, a failure named by its code with the previous
 * index still served, progress through every phase, and the model reloaded when it comes back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Embedder, LoadedModel } from '../src/embed/embedder.js';
import { createLogger } from '../src/log.js';
import type { IndexSnapshot } from '../src/index/snapshot.js';
import { openIndex, serveIndex, type OpenOptions } from '../src/open-collection.js';
import type { CoreConfig } from '../src/config.js';
import type { Progress } from '../src/types.js';
import { LowRankEmbedder } from '../src/bench/embedders.js';
import { loadEmbedder } from '../src/embed/load-embedder.js';
import { tinyModelConfig } from '../src/embed/fixture-model.js';
import { passageWords } from '../src/retrieve/passage-words.js';
import { analyze } from '../src/text/analyze.js';
import { CountingEmbedder } from './fakes/counting-embedder.js';
import { copyOfSeeds, tempDir } from './helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';

function setup() {
  const docs = copyOfSeeds();
  const lines: string[] = [];
  const log = createLogger('info', (line) => lines.push(line));
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' });
  return { docs, config, log, lines };
}

/** The collection as the bot serves it, plus the index it serves (followed across reindexes). */
async function openServed(config: CoreConfig, options: OpenOptions) {
  const opened = await openIndex(config, options);
  const served = { index: opened.snapshot as IndexSnapshot };
  const rebuild: typeof opened.steps.rebuild = async (...args) => {
    const result = await opened.steps.rebuild(...args);
    served.index = result.snapshot;
    return result;
  };
  const collection = serveIndex(config, { ...opened, steps: { ...opened.steps, rebuild } });
  Object.defineProperty(collection, 'current', { get: () => served.index });
  return collection as typeof collection & { readonly current: IndexSnapshot };
}

const withModel = (embedder: Embedder) => async (): Promise<LoadedModel> => ({
  embedder,
  status: { loaded: true, modelId: embedder.modelId, dimensions: embedder.dimensions },
});

describe('a reindex in a worker thread', () => {
  it('re-embeds only the changed passages (asked of this thread\'s model), reports every phase, and serves the new text', async () => {
    const { docs, config, log } = setup();
    const embedder = new CountingEmbedder();
    const collection = await openServed(config, { log, loadModel: withModel(embedder), reindexInWorker: true });
    const before = embedder.embeddedPassages.length;
    const changed = fs.readdirSync(docs).sort()[2]!;
    fs.appendFileSync(path.join(docs, changed), '\nوصل وفد المراقبين الدوليين إلى قاعة الاجتماعات في الموعد المحدد.\n');

    const phases = new Set<Progress['phase']>();
    const summary = await collection.reindex((p) => phases.add(p.phase));
    expect([...phases].sort()).toEqual(['chunk', 'embed', 'scan', 'write']);
    expect(summary.fullRebuildReason).toBeNull();
    expect(summary.changes).toEqual({ added: 0, changed: 1, removed: 0, unchanged: 3 });
    expect(summary.embedded).toBeGreaterThan(0);
    expect(summary.reused).toBe(summary.passages - summary.embedded);
    // The vectors of the other passages came from the generation being served, not from the model.
    expect(embedder.embeddedPassages.length - before).toBe(summary.embedded);
    const answer = await collection.ask('وفد المراقبين الدوليين');
    expect(answer.results[0]?.source).toBe(changed);
    expect(answer.results[0]?.text).toContain('المراقبين الدوليين');
    expect(answer.mode).toBe('hybrid');
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    // The words the worker indexed came along: the swapped-in index has nothing left to analyze.
    const index = collection.current;
    expect(index.words?.offsets.length).toBe(index.passages.length + 1);
    for (let row = 0; row < index.passages.length; row++) {
      expect(Array.from(passageWords(index, row), (id) => index.lexical.termAt(id))).toEqual(analyze(index.passages[row]!.text));
    }
  });

  it('makes its own copy of an embedder that has a recipe: the same vectors, none asked of this thread', async () => {
    const { docs, config, log } = setup();
    class Watched extends LowRankEmbedder {
      batches = 0;
      override async embedPassages(texts: string[]): Promise<Float32Array[]> {
        this.batches++;
        return super.embedPassages(texts);
      }
    }
    const embedder = new Watched(16);
    const collection = await openServed(config, { log, loadModel: withModel(embedder), reindexInWorker: true });
    const before = embedder.batches;
    fs.writeFileSync(path.join(docs, 'new.txt'), 'وصل وفد المراقبين الدوليين إلى قاعة الاجتماعات.\n');
    const summary = await collection.reindex();
    expect(summary.embedded).toBe(1);
    expect(embedder.batches).toBe(before);
    const added = collection.current.passages.find((p) => p.source === 'new.txt')!;
    expect(Array.from(collection.current.vectors!.get(added.id)!)).toEqual(Array.from((await embedder.embedPassages([added.text]))[0]!));
  });

  it('loads its own copy of a real model (the fixture) and embeds there: this thread is never asked', async () => {
    const { docs, config, log } = setup();
    const { embedder } = await loadEmbedder(tinyModelConfig(), log);
    const model = embedder!;
    expect(model.recipe).toBeDefined();
    let batchesHere = 0;
    const embedHere = model.embedPassages.bind(model);
    Object.assign(model, { embedPassages: (texts: string[]) => (batchesHere++, embedHere(texts)) });
    const collection = await openServed(config, { log, loadModel: withModel(model), reindexInWorker: true });
    const before = batchesHere;
    fs.writeFileSync(path.join(docs, 'new.txt'), 'وصل وفد المراقبين الدوليين إلى قاعة الاجتماعات.\n');
    const summary = await collection.reindex();
    expect(summary.embedded).toBe(1);
    expect(batchesHere).toBe(before);
    const added = collection.current.passages.find((p) => p.source === 'new.txt')!;
    const there = collection.current.vectors!.get(added.id)!;
    const here = (await embedHere([added.text]))[0]!;
    expect(Math.max(...there.map((v, i) => Math.abs(v - here[i]!)))).toBeLessThan(1e-5);
  });

  it('says nothing changed, writing nothing, when the documents are as indexed', async () => {
    const { config, log } = setup();
    const collection = await openServed(config, { log, loadModel: withModel(new CountingEmbedder()), reindexInWorker: true });
    const generation = fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8');
    const summary = await collection.reindex();
    expect(summary.nothingChanged).toBe(true);
    expect(fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8')).toBe(generation);
  });

  it('fails with the worker\'s error code and keeps serving the previous index', async () => {
    const { docs, config, log } = setup();
    const collection = await openServed(config, { log, loadModel: withModel(new CountingEmbedder()), reindexInWorker: true });
    const pointer = fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8');
    for (const file of fs.readdirSync(docs)) fs.rmSync(path.join(docs, file));
    await expect(collection.reindex()).rejects.toMatchObject({ code: 'DOCS_EMPTY' });
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    expect(fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8')).toBe(pointer);
    expect(collection.status().reindexing).toBe(false);
  });

  it('fails without swapping when the model fails while the worker waits for vectors', async () => {
    const { docs, config, log } = setup();
    const embedder = new CountingEmbedder();
    const collection = await openServed(config, { log, loadModel: withModel(embedder), reindexInWorker: true });
    const pointer = fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8');
    fs.writeFileSync(path.join(docs, 'new.txt'), 'فقرة جديدة عن اجتماع اللجنة.\n');
    embedder.embedPassages = async () => {
      throw new RangeError('Array buffer allocation failed');
    };
    await expect(collection.reindex()).rejects.toThrow(/Array buffer allocation failed/);
    expect(fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8')).toBe(pointer);
    expect(collection.documents().map((d) => d.source)).not.toContain('new.txt');
  });

  it('stops when the collection is closed, leaving the served index in place', async () => {
    const { docs, config, log } = setup();
    const embedder = new CountingEmbedder();
    const collection = await openServed(config, { log, loadModel: withModel(embedder), reindexInWorker: true });
    const pointer = fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8');
    fs.writeFileSync(path.join(docs, 'new.txt'), 'فقرة جديدة عن اجتماع اللجنة.\n');
    let asked!: () => void;
    const askedForVectors = new Promise<void>((resolve) => (asked = resolve));
    embedder.embedPassages = () => {
      asked();
      return new Promise(() => undefined); // never answers: the build waits here
    };
    const running = collection.reindex();
    await askedForVectors;
    collection.close();
    await expect(running).rejects.toThrow(/reindex stopped/);
    expect(fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8')).toBe(pointer);
  });
});
