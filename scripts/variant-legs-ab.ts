/**
 * The spelling-variant legs with and without the word leg's search (`searchVariantLegs(…, words)`), per
 * bench question that has a word of at most one passage (the only ones the legs search), in one process
 * and alternated: whether the hits are the same, and the wall ms of each, the minimum of R runs (default
 * 15: on a shared machine the minimum is what the code costs, the rest is waiting for a core).
 *   npx tsx scripts/variant-legs-ab.ts <kept folder>/index-lowrank-100000
 */
import { performance } from 'node:perf_hooks';
import { benchQueries } from '../src/bench/queries.js';
import { snapshotContext } from '../src/retrieve/features.js';
import { prepareRanking } from '../src/retrieve/prepare.js';
import { readQuestion } from '../src/retrieve/question.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { EXPAND_MAX_DOCUMENT_FREQUENCY, searchVariantLegs } from '../src/retrieve/variant-leg.js';
import { IndexDirectory } from '../src/store/index-dir.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npx tsx scripts/variant-legs-ab.ts <index folder>\n');
  process.exit(2);
}
const snapshot = await new IndexDirectory(dir).load();
if (!snapshot) throw new Error(`no index in ${dir}`);
await prepareRanking(snapshot);
const lexical = snapshot.lexical;
const context = snapshotContext(snapshot);
const depth = 60;
const wordLeg = (terms: string[]) => lexical.searchScored(terms, depth, context.docOf, context.docs);
for (const q of benchQueries(snapshot, 240, 4242)) {
  const terms = questionTerms(lexical, readQuestion(q).search);
  const words = wordLeg(terms);
  searchVariantLegs(lexical, terms, depth);
  searchVariantLegs(lexical, terms, depth, words);
}
const rounds = Number(process.env.R ?? 15);
const sums = [0, 0];
let same = 0;
const lines: Array<[number, string]> = [];
const questions = benchQueries(snapshot, 240, 42).map((q) => readQuestion(q).search);
for (const q of questions) {
  const terms = questionTerms(lexical, q);
  if (!terms.some((t) => lexical.documentFrequency(t) <= EXPAND_MAX_DOCUMENT_FREQUENCY)) continue;
  const words = wordLeg(terms);
  const least = [Infinity, Infinity];
  const hits: string[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [k, after] of [[0, undefined], [1, words]] as const) {
      const started = performance.now();
      const found = searchVariantLegs(lexical, terms, depth, after);
      least[k] = Math.min(least[k]!, performance.now() - started);
      hits[k] = JSON.stringify(found);
    }
  }
  if (hits[0] === hits[1]) same++;
  sums[0]! += least[0]!;
  sums[1]! += least[1]!;
  lines.push([least[0]!, `${least[0]!.toFixed(2).padStart(6)} → ${least[1]!.toFixed(2).padStart(6)} ms | ${q}`]);
}
console.log(`${lines.length} of ${questions.length} questions search the variant legs; same hits for ${same}; sum of minima ${sums[0]!.toFixed(1)} → ${sums[1]!.toFixed(1)} ms (without → with the word leg's search)`);
for (const [, line] of lines.sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.TOP ?? 15))) console.log(line);
