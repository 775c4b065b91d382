import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isIsnadError } from '../../src/errors.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { CountingEmbedder } from '../fakes/counting-embedder.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';
import { resign } from '../helpers/index-files.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';
const lexicalOnly = async () => ({ embedder: null, status: { loaded: false as const, modelId: null, reason: 'disabled' } });
const counting = (e = new CountingEmbedder()) => async () => ({ embedder: e, status: { loaded: true as const, modelId: e.modelId, dimensions: e.dimensions } });

function setup(docs = copyOfSeeds()) {
  const lines: string[] = [];
  return { docs, lines, log: createLogger('info', (l) => lines.push(l)), config: loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none' }) };
}

/** A docs folder big enough that an ingest takes a noticeable time to write. */
function bigCorpus(files: number): string {
  const dir = copyOfSeeds();
  const seedText = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(dir, `copy-${i}.txt`), `نسخة ${i}\n${seedText}`);
  return dir;
}

describe('crash during ingest', () => {
  it('never leaves a half index: after a kill at any point the last complete index loads', async () => {
    const docs = bigCorpus(60);
    const indexDir = path.join(tempDir(), 'index');
    const env = { ...process.env, DOCS_DIR: docs, INDEX_DIR: indexDir, MODEL_ID: 'none', LOG_LEVEL: 'error' };
    const run = (killAfterMs: number | null) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts'], { env, stdio: 'ignore' });
        const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', (code) => {
          if (timer) clearTimeout(timer);
          resolve(code);
        });
      });

    const started = Date.now();
    expect(await run(null)).toBe(0);
    const fullRun = Date.now() - started;
    const directory = new IndexDirectory(indexDir);
    const baseline = (await directory.load())!.passages.length;

    // Seeded kill points spread over a whole run, touching each file between runs so every run rewrites.
    // Most of a run is start-up; the kill points cluster over the build and write at its end.
    const random = fc.sample(fc.integer({ min: Math.floor(fullRun * 0.3), max: Math.floor(fullRun * 0.85) }), { seed: 1234, numRuns: 8 });
    let killed = 0;
    for (const [i, delay] of random.entries()) {
      fs.appendFileSync(path.join(docs, `copy-${i}.txt`), `\nسطر إضافي رقم ${i} عن المفاوضات.\n`);
      if ((await run(delay)) === null) killed++;
      const loaded = await directory.load(); // throws INDEX_CORRUPT on a half index
      expect(loaded).not.toBeNull();
      expect(loaded!.passages.length).toBeGreaterThanOrEqual(baseline);
    }
    expect(killed).toBeGreaterThan(0);
    // And the next start serves answers (updating what the killed runs did not finish).
    const collection = await openCollection(loadConfig({ DOCS_DIR: docs, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: silentLogger });
    expect((await collection.ask(QUESTION)).answered).toBe(true);
  }, 120_000);
});

describe('corrupt or hand-edited index files', () => {
  const damage: Array<[string, (gen: string) => void, RegExp]> = [
    ['truncated manifest', (g) => fs.writeFileSync(path.join(g, 'manifest.json'), '{"formatVersion": 1, "chunk'), /manifest\.json is not valid JSON/],
    ['manifest edited to nonsense', (g) => fs.writeFileSync(path.join(g, 'manifest.json'), '{"formatVersion": 1}'), /manifest\.json is inconsistent/],
    ['missing lexical index', (g) => fs.rmSync(path.join(g, 'lexical.bin')), /lexical\.bin is missing/],
    ['truncated lexical index', (g) => fs.truncateSync(path.join(g, 'lexical.bin'), 64), /lexical\.bin is truncated/],
    ['wrong vector dimensions', (g) => {
      // The store's ids are the passages': its dimensions are recorded in usearch.json, not vector-ids.json.
      expect(fs.existsSync(path.join(g, 'vector-ids.json'))).toBe(false);
      const file = path.join(g, 'usearch.json');
      const meta = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...meta, dimensions: 48 }));
    }, /vectors(-\d+)?\.f32 has \d+ bytes, expected/],
    ['vector ids no longer kept with the passages', (g) => {
      const file = path.join(g, 'usearch.json');
      const { ids: _ids, ...meta } = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify(meta));
    }, /vector-ids\.json is missing/],
    ['passages edited', (g) => {
      const file = path.join(g, 'passages.json');
      const header = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...header, ids: header.ids.slice(1) }));
    }, /passages\.json has \d+ passages, the manifest says/],
    ['passage text edited', (g) => fs.appendFileSync(path.join(g, 'passages.u16'), Buffer.from('نص مضاف', 'utf16le')), /passages\.u16 has \d+ characters, passages\.json says \d+/],
    ['passage text cut mid-letter', (g) => fs.truncateSync(path.join(g, 'passages.u16'), fs.statSync(path.join(g, 'passages.u16')).size - 1), /passages\.u16 has \d+ bytes, an odd number for UTF-16 text/],
    ['passage offsets truncated', (g) => fs.truncateSync(path.join(g, 'passages.bin'), 40), /passages\.bin has 40 bytes, expected/],
    ['a word numbered past the lexicon', (g) => {
      const bytes = fs.readFileSync(path.join(g, 'words.bin'));
      bytes.writeInt32LE(0x7fffffff, bytes.length - 4);
      fs.writeFileSync(path.join(g, 'words.bin'), bytes);
    }, /words\.bin is inconsistent with the passages or the lexical index/],
    ['words cut short', (g) => fs.truncateSync(path.join(g, 'words.bin'), 12), /words\.bin has 12 bytes, not the words of \d+ passages/],
  ];

  it.each(damage)('%s: detected at load with the file named, then rebuilt', async (_name, hurt, message) => {
    const { config, log, lines, docs } = setup();
    await openCollection(config, { log, loadModel: counting() });
    const generation = path.join(config.indexDir, fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8'));
    hurt(generation);
    // Checksums are verified first (see 'checksums' below); a forger re-signing the manifest still gets caught.
    if (fs.existsSync(path.join(generation, 'manifest.json'))) {
      try {
        JSON.parse(fs.readFileSync(path.join(generation, 'manifest.json'), 'utf8'));
        resign(generation);
      } catch {
        // a truncated manifest stays as it is
      }
    }
    const before = fs.readdirSync(docs).map((f) => fs.readFileSync(path.join(docs, f)));
    const collection = await openCollection(config, { log, loadModel: counting() });
    expect(lines.join('\n')).toMatch(message);
    expect((await collection.ask(QUESTION)).answered).toBe(true);
    expect(fs.readdirSync(docs).map((f) => fs.readFileSync(path.join(docs, f)))).toEqual(before);
  });

  it('rebuilds everything with the reason when the index was made by another chunker version', async () => {
    const { config, log, lines } = setup();
    await openCollection(config, { log, loadModel: counting() });
    const generation = path.join(config.indexDir, fs.readFileSync(path.join(config.indexDir, 'CURRENT'), 'utf8'));
    const manifestFile = path.join(generation, 'manifest.json');
    fs.writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, 'utf8')), chunkerVersion: 0 }));
    const embedder = new CountingEmbedder();
    const collection = await openCollection(config, { log, loadModel: counting(embedder) });
    expect(lines.join('\n')).toMatch(/full rebuild: chunker changed \(version 0 → \d+\)/);
    expect(embedder.embeddedPassages).toHaveLength(collection.status().passages);
  });
});

describe('settings that change vectors', () => {
  it('re-embeds everything when MODEL_DTYPE changes, saying why', async () => {
    const { config, log, lines } = setup();
    const embedder = new CountingEmbedder();
    await openCollection({ ...config, model: { ...config.model, dtype: 'q8' } }, { log, loadModel: counting(embedder) });
    const before = embedder.embeddedPassages.length;
    await openCollection({ ...config, model: { ...config.model, dtype: 'fp32' } }, { log, loadModel: counting(embedder) });
    expect(embedder.embeddedPassages.length).toBe(2 * before);
    expect(lines.join('\n')).toMatch(/full rebuild: model settings changed/);
  });
});

describe('documents changing under the index', () => {
  it('indexes a skipped file once it is fixed', async () => {
    const { docs, config, log } = setup();
    fs.writeFileSync(path.join(docs, 'fixed.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect((await openCollection(config, { log, loadModel: lexicalOnly })).status().skipped.map((s) => s.source)).toEqual(['fixed.txt']);
    fs.writeFileSync(path.join(docs, 'fixed.txt'), 'مقهى صغير في وسط أستانا يجتمع فيه الصحفيون.');
    const collection = await openCollection(config, { log, loadModel: lexicalOnly });
    expect(collection.status().skipped).toEqual([]);
    expect((await collection.ask('مقهى الصحفيين')).results[0]?.source).toBe('fixed.txt');
  });

  it('drops deleted files and follows renamed ones', async () => {
    const { docs, config, log } = setup();
    const collection = await openCollection(config, { log, loadModel: lexicalOnly });
    const [first, second] = fs.readdirSync(docs).sort();
    fs.rmSync(path.join(docs, first!));
    fs.renameSync(path.join(docs, second!), path.join(docs, 'renamed.txt'));
    await collection.reindex();
    const sources = collection.documents().map((d) => d.source);
    expect(sources).not.toContain(first);
    expect(sources).not.toContain(second);
    expect(sources).toContain('renamed.txt');
    expect(collection.searchPassages('', 1000).every((p) => p.source !== first)).toBe(true);
  });

  it('reports a missing docs folder clearly and keeps nothing half-built', async () => {
    const { config, log } = setup(path.join(tempDir(), 'does-not-exist'));
    await expect(openCollection(config, { log, loadModel: lexicalOnly })).rejects.toMatchObject({
      code: 'DOCS_NOT_FOUND',
      message: expect.stringContaining('does-not-exist does not exist or cannot be read'),
    });
    expect(fs.existsSync(path.join(config.indexDir, 'CURRENT'))).toBe(false);
  });

  it('reports an empty docs folder as DOCS_EMPTY with what to do', async () => {
    const { config, log } = setup(tempDir());
    await expect(openCollection(config, { log, loadModel: lexicalOnly })).rejects.toMatchObject({ code: 'DOCS_EMPTY' });
  });
});

describe('awkward documents', () => {
  it('indexes CRLF files, a 5 MB single line, and a thousand tiny files without losing text', async () => {
    const docs = tempDir();
    fs.writeFileSync(path.join(docs, 'crlf.txt'), 'السطر الأول عن أستانا.\r\nالسطر الثاني عن جنيف.\r\n');
    const words = ['مفاوضات', 'أستانا', 'وقف', 'إطلاق', 'النار', 'الضامنين', 'سوريا'];
    let huge = '';
    for (let i = 0; huge.length < 5_000_000; i++) huge += words[i % words.length] + (i % 97 === 96 ? '، ' : ' ');
    fs.writeFileSync(path.join(docs, 'huge.txt'), huge);
    fs.mkdirSync(path.join(docs, 'tiny'));
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(docs, 'tiny', `${i}.txt`), `ملاحظة رقم ${i} عن الاجتماع`);
    const { config, log } = setup(docs);
    const collection = await openCollection(config, { log, loadModel: lexicalOnly });
    expect(collection.status().documents).toBe(1002);
    const crlf = collection.passageAtLine('crlf.txt', 2)!;
    expect(fs.readFileSync(path.join(docs, 'crlf.txt'), 'utf8').slice(crlf.start, crlf.end)).toBe(crlf.text);
    const hugePassages = collection.searchPassages('', 1e6).filter((p) => p.source === 'huge.txt');
    expect(hugePassages.every((p) => p.text.length <= 600)).toBe(true);
    expect(hugePassages.map((p) => p.text).join(' ').replace(/\s+/g, ' ')).toBe(huge.trim().replace(/\s+/g, ' '));
    expect((await collection.ask('ملاحظة رقم 417')).results[0]?.source).toBe('tiny/417.txt');
  }, 60_000);
});

describe('question fuzz', () => {
  it('answers or refuses any string with QUESTION_INVALID, never crashes, and cites only real slices', async () => {
    const { config, log, docs } = setup();
    const collection = await openCollection(config, { log, loadModel: counting() });
    const texts = new Map(fs.readdirSync(docs).map((f) => [f, fs.readFileSync(path.join(docs, f), 'utf8')]));
    const arabic = fc.constantFrom('وفد', 'أستانا', 'مَا', '؟', '\u202e', '\u200d', '@everyone', '<@123>', '**', '😀', ' ', '\n', 'ـ', '#');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(arabic, { maxLength: 30 }).map((a) => a.join(''))), async (q) => {
        try {
          const answer = await collection.ask(q);
          for (const r of [...answer.results, ...answer.closest]) expect(texts.get(r.source)!.slice(r.start, r.end)).toBe(r.text);
        } catch (error) {
          expect(isIsnadError(error, 'QUESTION_INVALID')).toBe(true);
        }
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});

describe('several processes sharing one index folder', () => {
  it('never leaves CURRENT pointing at a removed generation while two writers and a reader race', async () => {
    const docs = copyOfSeeds();
    const indexDir = path.join(tempDir(), 'index');
    const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: indexDir, MODEL_ID: 'none' });
    const writerA = await openCollection(config, { log: silentLogger, loadModel: lexicalOnly });
    const writerB = await openCollection(config, { log: silentLogger, loadModel: lexicalOnly });
    const reader = new IndexDirectory(indexDir);
    for (let round = 0; round < 15; round++) {
      fs.appendFileSync(path.join(docs, fs.readdirSync(docs)[round % 4]!), `\nجولة رقم ${round}.\n`);
      const [, , loaded] = await Promise.all([writerA.reindex(), writerB.reindex(), reader.load()]);
      expect(loaded).not.toBeNull();
      expect(await reader.load()).not.toBeNull();
    }
  }, 60_000);
});
