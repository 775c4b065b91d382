/**
 * An update keeps the passages and analyzed words of unchanged files instead of chunking and
 * analyzing them again; the index it makes must be the one a full build from the same files makes:
 * the same passages, the same stored lexical index (byte for byte), the same words, the same answers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/ingest/build-index.js';
import type { IndexSnapshot, Manifest } from '../../src/index/snapshot.js';
import { KeptFiles } from '../../src/ingest/kept-files.js';
import { createLogger } from '../../src/log.js';
import { answerQuestion } from '../../src/retrieve/answer.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { readPassages } from '../../src/store/passage-files.js';
import { readExtracted } from '../../src/store/extracted-files.js';
import { ANALYZER_VERSION } from '../../src/text/analyze.js';
import { LowRankEmbedder } from '../../src/bench/embedders.js';
import { testBuildOptions } from '../helpers/build-options.js';
import { currentGeneration } from '../helpers/index-files.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

const QUESTIONS = ['من يرأس وفد النظام السوري؟', 'وفد المراقبين الدوليين', 'متى وصلت القافلة الزرقاء؟', 'ما هي عاصمة مصر؟'];

const options = testBuildOptions;

/** Everything a user's answers depend on, in a comparable form. */
function stored(snapshot: IndexSnapshot) {
  const { header, binary } = snapshot.lexical.serialize();
  return {
    passages: snapshot.passages,
    lexicalHeader: header,
    lexicalBytes: binary.toString('base64'),
    words: [Array.from(snapshot.words!.offsets), Array.from(snapshot.words!.ids)],
    files: snapshot.manifest.files.map(({ mtimeMs: _, ...file }) => file),
  };
}

async function answers(snapshot: IndexSnapshot) {
  const out = [];
  for (const question of QUESTIONS) {
    const answer = await answerQuestion(snapshot, null, question);
    out.push({ answered: answer.answered, confidence: answer.confidence, results: answer.results.map((r) => [r.id, r.score]) });
  }
  return out;
}

/** Seeds plus two files, indexed and published; then one file changed, one removed, one added. */
async function indexedThenEdited() {
  const docs = copyOfSeeds();
  fs.writeFileSync(path.join(docs, 'keep.txt'), 'وصلت القافلة الزرقاء إلى الميناء الشمالي صباح الخميس.\n\nوحمل الركب تمورا وبخورا من الواحة.\n');
  fs.writeFileSync(path.join(docs, 'gone.txt'), 'كلمات نادرة جدا: زنجفيل وقرنفليات وسمسماني لا ترد إلا هنا.\n');
  const directory = new IndexDirectory(path.join(tempDir(), 'index'));
  const first = await buildIndex(options(docs, null));
  await directory.publish(first.snapshot);
  const seeds = fs.readdirSync(docs).filter((name) => /^\d/.test(name)).sort();
  // A word never seen before lands in the middle of the kept files' vocabulary: numbering must follow.
  fs.appendFileSync(path.join(docs, seeds[1]!), '\nوصل وفد المراقبين الدوليين إلى قاعة الاجتماعات ومعهم المترجم الطرطوشي.\n');
  fs.rmSync(path.join(docs, 'gone.txt'));
  fs.writeFileSync(path.join(docs, 'added.txt'), 'الميناء الشمالي يستقبل القافلة الزرقاء كل عام، وفيه سوق الطرطوشي القديم.\n');
  return { docs, directory };
}

describe('an update of a few files', () => {
  it('keeps the unchanged files\' work and makes exactly the index, words and answers of a full build', async () => {
    const { docs, directory } = await indexedThenEdited();
    const previous = await directory.loadReusable(currentGeneration(directory.root));
    expect(previous.kept?.passages.length).toBe(previous.manifest.passages);

    const update = await buildIndex(options(docs, previous));
    const full = await buildIndex(options(docs, null));

    expect(update.summary.changes).toEqual({ added: 1, changed: 1, removed: 1, unchanged: 4 });
    // Only the changed and the added file were cut and analyzed; a full build analyzes everything.
    const redone = update.snapshot.manifest.files.filter((f) => f.source === 'added.txt' || !previous.manifest.files.some((p) => p.source === f.source && p.hash === f.hash));
    expect(update.summary.analyzed).toBe(redone.reduce((sum, f) => sum + f.passages, 0));
    expect(update.summary.analyzed).toBeLessThan(update.summary.passages / 2);
    expect(full.summary.analyzed).toBe(full.summary.passages);

    expect(stored(update.snapshot)).toEqual(stored(full.snapshot));
    expect(await answers(update.snapshot)).toEqual(await answers(full.snapshot));
    // The new word is found in both the changed file and the added one.
    expect((await answerQuestion(update.snapshot, null, 'الطرطوشي')).results.map((r) => r.source).sort()).toEqual(['added.txt', expect.stringMatching(/^\d/)].sort());
  });

  it('writes the same generation files as a full build (words.bin included), so the next update keeps them too', async () => {
    const { docs, directory } = await indexedThenEdited();
    const update = await buildIndex(options(docs, await directory.loadReusable(currentGeneration(directory.root))));
    const fromUpdate = await directory.publish(update.snapshot);
    const other = new IndexDirectory(path.join(tempDir(), 'index'));
    const fromFull = await other.publish((await buildIndex(options(docs, null))).snapshot);
    // The extracted texts and passages are the same, but the update links the previous generation's parts and adds one.
    const ownFiles = (dir: string) => fs.readdirSync(dir).filter((name) => !['manifest.json', '.isnad-generation'].includes(name) && !name.startsWith('extracted') && !name.startsWith('passages'));
    const files = ownFiles(fromFull);
    expect(files).toEqual(expect.arrayContaining(['lexical.bin', 'words.bin']));
    expect(ownFiles(fromUpdate).sort()).toEqual(files.sort());
    expect(fs.readdirSync(fromUpdate).filter((name) => name.startsWith('extracted')).sort()).toEqual(['extracted-1.txt', 'extracted.json', 'extracted.txt']);
    expect(await readExtracted(fromUpdate)).toEqual(await readExtracted(fromFull));
    expect(fs.readdirSync(fromUpdate).filter((name) => name.startsWith('passages')).sort()).toEqual(['passages-1.u16', 'passages.bin', 'passages.json', 'passages.u16']);
    const passagesIn = async (dir: string) => (await readPassages(dir, update.snapshot.passages.length)).map((p) => ({ ...p }));
    expect(await passagesIn(fromUpdate)).toEqual(await passagesIn(fromFull));
    for (const file of files) {
      expect(fs.readFileSync(path.join(fromUpdate, file)).equals(fs.readFileSync(path.join(fromFull, file))), file).toBe(true);
    }
    // Nothing changed since: the next update keeps every file and writes nothing.
    const again = await buildIndex(options(docs, await directory.loadReusable(fromUpdate)));
    expect(again.summary.analyzed).toBe(0);
    expect(again.summary.nothingChanged).toBe(true);
  });

  it('keeps vectors and words together with a model: the same index as a full build, only new passages embedded', async () => {
    const { docs } = await indexedThenEdited();
    const embedder = new LowRankEmbedder(16);
    const directory = new IndexDirectory(path.join(tempDir(), 'index'));
    const generation = await directory.publish((await buildIndex(options(docs, null, embedder))).snapshot);
    fs.appendFileSync(path.join(docs, 'keep.txt'), '\nوعادت القافلة بعد أسبوع.\n');
    const update = await buildIndex(options(docs, await directory.loadReusable(generation), embedder));
    const full = await buildIndex(options(docs, null, embedder));
    expect(update.summary.fullRebuildReason).toBeNull();
    expect(update.summary.embedded).toBe(update.summary.analyzed);
    expect(update.summary.analyzed).toBeLessThan(5);
    expect(stored(update.snapshot)).toEqual(stored(full.snapshot));
    expect(await answers(update.snapshot)).toEqual(await answers(full.snapshot));
  });

  it('analyzes everything again when the analyzer changed, and when the kept words are damaged (saying so)', async () => {
    const { docs, directory } = await indexedThenEdited();
    const previous = await directory.loadReusable(currentGeneration(directory.root));
    const olderAnalyzer = { ...previous, manifest: { ...previous.manifest, analyzerVersion: ANALYZER_VERSION - 1 } };
    const rebuilt = await buildIndex(options(docs, olderAnalyzer));
    expect(rebuilt.summary.fullRebuildReason).toMatch(/text analyzer changed/);
    expect(rebuilt.summary.analyzed).toBe(rebuilt.summary.passages);

    // A served index whose words.bin was damaged after it was loaded: rebuilt from the text, same result.
    // Loaded with its words in memory; a snapshot without them (an index served before words.bin) reads them again.
    const { words: _inMemory, ...loaded } = (await directory.load())!;
    const served: IndexSnapshot | null = loaded;
    const wordsFile = path.join(served!.generation!, 'words.bin');
    const bytes = fs.readFileSync(wordsFile);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    fs.writeFileSync(wordsFile, bytes);
    const lines: string[] = [];
    const withoutWords = await directory.withKeptWork(served!, createLogger('info', (line) => lines.push(line)));
    expect(withoutWords.kept).toBeUndefined();
    expect(lines.join('\n')).toMatch(/words\.bin does not match its checksum.*Analyzing every passage again/s);
    const update = await buildIndex(options(docs, withoutWords));
    expect(update.summary.analyzed).toBe(update.summary.passages);
    expect(stored(update.snapshot)).toEqual(stored((await buildIndex(options(docs, null))).snapshot));
  });
});

describe('KeptFiles', () => {
  const passage = { id: 'p1', source: 'report.pdf', start: 0, end: 5, line: 1, page: 1, text: 'hello' };
  const previous = {
    manifest: { files: [{ source: 'report.pdf', hash: 'h1', bytes: 5, mtimeMs: 0, passages: 1 }] } as unknown as Manifest,
    vectors: null,
    kept: { passages: [passage], vocabulary: ['hello'], words: { offsets: Uint32Array.of(0, 1), ids: Int32Array.of(0) }, pages: new Map([['report.pdf', [0]]]), generation: '/nowhere', texts: async () => new Map() },
  };
  const document = { source: 'report.pdf', text: 'hello', hash: 'h1', bytes: 5, pages: [0] };

  it('keeps a paged document only with the same text and the same pages (its passages never cross a page)', () => {
    const kept = KeptFiles.of(previous, null)!;
    expect(kept.rowsOf(document)).toMatchObject({ first: 0, count: 1 });
    expect(kept.rowsOf({ ...document, pages: [0, 3] })).toBeNull();
    expect(kept.rowsOf({ ...document, hash: 'h2' })).toBeNull();
    expect(kept.rowsOf({ ...document, source: 'other.pdf' })).toBeNull();
    expect(KeptFiles.of({ ...previous, kept: { ...previous.kept, pages: null } }, null)!.rowsOf(document)).toBeNull();
  });

  it('keeps nothing after a full-rebuild reason, or when the kept passages do not line up with the manifest', () => {
    expect(KeptFiles.of(previous, 'model changed')).toBeNull();
    expect(KeptFiles.of({ ...previous, kept: { ...previous.kept, passages: [{ ...passage, source: 'elsewhere.pdf' }] } }, null)).toBeNull();
    expect(KeptFiles.of({ ...previous, kept: { ...previous.kept, passages: [passage, passage] } }, null)).toBeNull();
  });
});
