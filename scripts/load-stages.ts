/**
 * Where a cold load of an index goes, stage by stage (issue 14: 1M cold load ≤ 3 s). One load per
 * process, as the bot and the bench's serve phase do it (modules not yet imported, nothing compiled):
 *   npx tsx scripts/load-stages.ts INDEX_DIR [cold|warm] [stages|whole]
 * INDEX_DIR: an index folder, e.g. `index-lowrank-1000000` kept by `npm run bench -- --keep`.
 * `cold` first drops every file of the served generation from the page cache (measure.ts), as after
 * this VM's idle pageout; `warm` reads them once first so every page is cached.
 * `stages` runs IndexDirectory.loadGeneration's steps one by one, as it runs them, and prints each;
 * `whole` times `IndexDirectory.load` itself (the bench's "cold load"), then the first vector search and
 * the first answer (a bench question, its vector precomputed), as the bench's serve phase does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { evictFromPageCache, say } from './measure.js';

const [root, mode = 'cold', what = 'stages'] = process.argv.slice(2);
if (!root || !['cold', 'warm'].includes(mode) || !['stages', 'whole'].includes(what)) {
  process.stderr.write('usage: npx tsx scripts/load-stages.ts INDEX_DIR [cold|warm] [stages|whole]\n');
  process.exit(2);
}
const generation = path.join(root, fs.readFileSync(path.join(root, 'CURRENT'), 'utf8').trim());
const files = fs.readdirSync(generation, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
if (mode === 'cold') evictFromPageCache(files);
else for (const file of files) fs.readFileSync(file);

/** A fixed unit vector (the first search's cost is the graph's pages, not which vector). */
function someVector(dimensions: number): Float32Array {
  const v = Float32Array.from({ length: dimensions }, (_, i) => Math.sin(i + 1));
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const rows: Array<[string, number]> = [];
let last = performance.now();
const stage = (label: string) => {
  const now = performance.now();
  rows.push([label, now - last]);
  last = now;
};
const started = performance.now();
const cpuStarted = process.cpuUsage();

if (what === 'whole') {
  const { IndexDirectory } = await import('../src/store/index-dir.js');
  stage('import index-dir');
  const snapshot = await new IndexDirectory(root).load();
  stage('IndexDirectory.load');
  await snapshot!.vectors!.query(someVector(snapshot!.vectors!.dimensions), 60);
  stage('first vector search');
  // The bench's "first answer" (serveLowRankWorker): a bench question, its vector precomputed, answered cold.
  const { LowRankEmbedder, PrecomputedEmbedder } = await import('../src/bench/embedders.js');
  const { benchQueries } = await import('../src/bench/queries.js');
  const { answerQuestion } = await import('../src/retrieve/answer.js');
  const { readQuestion } = await import('../src/retrieve/question.js');
  const question = readQuestion(benchQueries(snapshot!, 2, 42)[1]!).search;
  const embedder = new LowRankEmbedder();
  const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, new Map([[question, await embedder.embedQuery(question)]]));
  stage('import answer path');
  await answerQuestion(snapshot!, precomputed, question, {});
  stage('first answer');
} else {
  const { IndexDirectory } = await import('../src/store/index-dir.js');
  const { readIndexJson } = await import('../src/index/index-file.js');
  const { parseManifest } = await import('../src/index/snapshot.js');
  const { verifyChecksums } = await import('../src/store/checksums.js');
  const { readPassages } = await import('../src/store/passage-files.js');
  const { Bm25Index } = await import('../src/index/bm25.js');
  const { readWords } = await import('../src/store/word-files.js');
  stage('import modules');
  const directory = new IndexDirectory(root);
  await directory.checkUsable();
  await directory.currentGeneration();
  stage('check folder, CURRENT');
  const manifestFile = path.join(generation, 'manifest.json');
  const manifest = parseManifest(await readIndexJson(manifestFile), manifestFile);
  stage('manifest read + parsed');
  await verifyChecksums(generation, manifest, new Set(['manifest.json', '.isnad-generation']), manifestFile);
  stage('checksums (stamps)');
  const passages = await readPassages(generation, manifest.passages);
  stage('passages');
  const lexical = await Bm25Index.load(generation);
  stage('lexical (BM25)');
  await readWords(generation, passages.length, lexical.offsets.length - 1);
  stage('words.bin');
  const { UsearchVectorStore } = await import('../src/store/usearch-store.js');
  stage('import usearch store');
  // The passages' ids: a store of format 3 keeps its ids with them (main's load ignores the argument).
  const vectors = await UsearchVectorStore.load(generation, {}, passages.map((p) => p.id));
  stage('vectors (ids, labels, segments, graph view)');
  await vectors.query(someVector(vectors.dimensions), 60);
  stage('first vector search');
}
// What the bench's "cold load" times: not the static imports before it, not the search after it.
const total = rows.filter(([label]) => !label.startsWith('first') && !['import index-dir', 'import modules', 'import answer path'].includes(label)).reduce((sum, [, ms]) => sum + ms, 0);
for (const [label, ms] of rows) console.log(`  ${label.padEnd(46)} ${(ms / 1000).toFixed(3)} s`);
const cpu = process.cpuUsage(cpuStarted);
say(`${path.basename(root)} ${mode} ${what}: load ${(total / 1000).toFixed(3)} s (all ${((performance.now() - started) / 1000).toFixed(3)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s), rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, ${new Date().toISOString()}`);
