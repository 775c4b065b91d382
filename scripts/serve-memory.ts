/**
 * Where a served index's memory goes: loads a generation part by part as IndexDirectory does, then
 * answers the bench's queries, printing RSS (anonymous and file-mapped, from /proc) and V8's heap,
 * external and array-buffer bytes after each step. Run with --expose-gc so each row is after a GC:
 *   node --expose-gc --import tsx scripts/serve-memory.ts INDEX_DIR [queries]
 * INDEX_DIR: an index folder, e.g. `index-lowrank-100000` kept by `npm run bench -- --keep`.
 * PEAK=1: no GC before a row (what the bench's maxRSS sees: live memory plus the garbage not yet
 * collected), and V8's spaces (committed / used MB) under each row.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { LowRankEmbedder, PrecomputedEmbedder } from '../src/bench/embedders.js';
import { benchQueries } from '../src/bench/queries.js';
import { answerQuestion } from '../src/retrieve/answer.js';
import { PassageSearch } from '../src/retrieve/passage-search.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { readQuestion } from '../src/retrieve/question.js';
import { IndexDirectory } from '../src/store/index-dir.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1).padStart(7);

function status(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync('/proc/self/status', 'utf8').split('\n')) {
    const m = /^(VmRSS|VmHWM|RssAnon|RssFile):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]!] = Number(m[2]) * 1024;
  }
  return out;
}

const peak = process.env.PEAK === '1';

function row(label: string): void {
  if (!peak) gc();
  const m = process.memoryUsage();
  const s = status();
  process.stdout.write(
    `${label.padEnd(28)} rss${mb(s.VmRSS!)} peak${mb(s.VmHWM!)} anon${mb(s.RssAnon!)} file${mb(s.RssFile!)} | heap${mb(m.heapUsed)} external${mb(m.external)} arrayBuffers${mb(m.arrayBuffers)}\n`,
  );
  if (peak) {
    const spaces = v8.getHeapSpaceStatistics().filter((x) => x.space_size > 0);
    process.stdout.write(`${''.padEnd(28)} ${spaces.map((x) => `${x.space_name.replace('_space', '')}${mb(x.space_size)} /${mb(x.space_used_size)}`).join(' ')}\n`);
  }
}

const [dir, count = '240'] = process.argv.slice(2);
if (!dir) throw new Error('usage: serve-memory.ts INDEX_DIR [queries]');
row('start');
const snapshot = await new IndexDirectory(dir).load();
if (!snapshot) throw new Error(`no index in ${dir}`);
row('loaded');
const embedder = new LowRankEmbedder();
const queries = benchQueries(snapshot, Number(count), 42).map((q) => readQuestion(q).search);
const vectorOf = new Map<string, Float32Array>();
for (const q of queries) vectorOf.set(q, await embedder.embedQuery(q));
const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectorOf);
for (const q of queries) await snapshot.vectors!.query(vectorOf.get(q)!, 50);
row('vector queries');
await prepareRanking(snapshot);
row('passage words');
for (const q of queries) await answerQuestion(snapshot, precomputed, q, {});
row('hybrid answers');
// The bot also prepares autocomplete after each load (the bench's low-rank serve row does not).
const search = new PassageSearch(snapshot.passages);
await search.prepare();
row('autocomplete prepared');
process.stdout.write(`(autocomplete kept: ${search.complete})\n`);
