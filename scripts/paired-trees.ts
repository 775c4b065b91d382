/**
 * Compares two (or more) versions of the code on a busy machine: each source tree (a checkout, or
 * `git archive <commit> src | tar -x -C <dir>` with node_modules linked) loads its own copy of a kept
 * bench index in this one process, and the versions answer each question in turn, so load, cache and
 * clock drift hit them alike. CPU ms per question, after WARMUP=240 other questions.
 *   npx tsx scripts/paired-trees.ts <index folder> <tree> <tree> …        (whole hybrid answers, each question once per tree)
 *   MODE=bm25 npx tsx scripts/paired-trees.ts …                            (BM25 search alone, min of R=3)
 *   MODE=features npx tsx scripts/paired-trees.ts …                        (buildCandidates alone, min of R=3: each time over legs searched afresh, untimed)
 * Prints p50 / p95 / mean per tree (and, for bm25, the same for each question's first search).
 */
import { performance } from 'node:perf_hooks';
import { cpuMs, percentile } from '../src/bench/timing.js';

const [dir, ...trees] = process.argv.slice(2);
if (!dir || trees.length === 0) {
  process.stderr.write('usage: npx tsx scripts/paired-trees.ts <index folder> <source tree> [<source tree> …]\n');
  process.exit(2);
}
const bm25Only = process.env.MODE === 'bm25';
const featuresOnly = process.env.MODE === 'features';
const rounds = bm25Only || featuresOnly ? Number(process.env.R ?? 3) : 1;
interface Version {
  tree: string;
  /** The timed work for a question (what it needs first is done before it returns). */
  staged(question: string): Promise<() => unknown>;
  questions: string[];
}
const versions: Version[] = [];
for (const tree of trees) {
  const from = (file: string) => import(`${tree}/src/${file}`);
  const { IndexDirectory } = await from('store/index-dir.ts');
  const { prepareRanking } = await from('retrieve/prepare.ts');
  // Trees from before bench/queries.ts kept the query generator in bench/workers.ts.
  const { benchQueries } = await from('bench/queries.ts').catch(() => from('bench/workers.ts'));
  const { readQuestion } = await from('retrieve/question.ts');
  const { answerQuestion } = await from('retrieve/answer.ts');
  const { questionTerms } = await from('retrieve/query-terms.ts');
  const { snapshotContext } = await from('retrieve/features.ts');
  const { LowRankEmbedder, PrecomputedEmbedder } = await from('bench/embedders.ts');
  const snapshot = await new IndexDirectory(dir).load();
  const questions: string[] = benchQueries(snapshot, 240, 42).map((q: string) => readQuestion(q).search);
  const warmups: string[] = benchQueries(snapshot, Number(process.env.WARMUP ?? 240), 4242).map((q: string) => readQuestion(q).search);
  const embedder = new LowRankEmbedder();
  const vectors = new Map<string, Float32Array>();
  for (const q of [...questions, ...warmups]) vectors.set(q, await embedder.embedQuery(q));
  const precomputed = new PrecomputedEmbedder(embedder.modelId, embedder.dimensions, vectors);
  await prepareRanking(snapshot);
  const context = snapshotContext(snapshot);
  const ask = bm25Only
    ? async (q: string) => snapshot.lexical.searchScored(questionTerms(snapshot.lexical, q), 60, context.docOf, context.docs)
    : (q: string) => answerQuestion(snapshot, precomputed, q, {});
  const staged = featuresOnly ? await featuresStage(from, snapshot, precomputed) : async (q: string) => () => ask(q);
  for (const q of warmups) await (await staged(q))();
  versions.push({ tree, staged, questions });
}
const best = versions.map(() => [] as number[]);
const first = versions.map(() => [] as number[]);
const wall = versions.map(() => [] as number[]);
for (let q = 0; q < versions[0]!.questions.length; q++) {
  for (let turn = 0; turn < versions.length; turn++) {
    const k = (turn + q) % versions.length; // which version goes first alternates
    const version = versions[k]!;
    let least = Infinity;
    for (let r = 0; r < rounds; r++) {
      const work = await version.staged(version.questions[q]!);
      const started = performance.now();
      const cpu = cpuMs();
      await work();
      const ms = cpuMs() - cpu;
      if (r === 0) (first[k]!.push(ms), wall[k]!.push(performance.now() - started));
      least = Math.min(least, ms);
    }
    best[k]!.push(least);
  }
}
const summary = (xs: number[]) => `${percentile(xs, 50).toFixed(2)} / ${percentile(xs, 95).toFixed(2)} / ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)}`;
versions.forEach((v, k) => {
  const stage = bm25Only ? 'BM25' : 'features';
  const line = bm25Only || featuresOnly ? `${stage} CPU min of ${rounds} ${summary(best[k]!)} | first ${summary(first[k]!)}` : `answer CPU ${summary(best[k]!)} | wall ${summary(wall[k]!)}`;
  console.log(v.tree.padEnd(30), line, '(p50 / p95 / mean ms)');
});

/**
 * MODE=features: a question's legs as `gatherEvidence` searches them (hybrid, precomputed query vector), untimed;
 * the timed work is `buildCandidates` over them.
 */
async function featuresStage(from: (file: string) => Promise<any>, snapshot: any, embedder: any): Promise<(q: string) => Promise<() => unknown>> {
  const { buildCandidates, snapshotContext } = await from('retrieve/features.ts');
  const { questionTerms, withNewsAlternatives } = await from('retrieve/query-terms.ts');
  const { searchVariantLegs } = await from('retrieve/variant-leg.ts');
  const { searchRoots } = await from('retrieve/root-leg.ts');
  const { questionType } = await from('text/question-type.ts');
  const rowOf = new Map(snapshot.passages.map((p: { id: string }, row: number) => [p.id, row]));
  const { docOf, docs } = snapshotContext(snapshot);
  return async (q: string) => {
    const terms = questionTerms(snapshot.lexical, q);
    const search = snapshot.lexical.searchScored(withNewsAlternatives(snapshot.lexical, terms), 60, docOf, docs);
    const variants = searchVariantLegs(snapshot.lexical, terms, 60, search);
    const legs = [{ name: 'variants', hits: variants.spelling }, { name: 'derived', hits: variants.derived }];
    if (search.hits.length === 0) legs.push({ name: 'roots', hits: searchRoots(snapshot.lexical, terms, 60) });
    const found: Array<{ id: string; score: number }> = await snapshot.vectors.query(await embedder.embedQuery(q), 60);
    legs.push({ name: 'dense', hits: found.flatMap((h) => (rowOf.has(h.id) ? [{ row: rowOf.get(h.id), score: h.score }] : [])) });
    const type = questionType(q);
    return () => buildCandidates(snapshot, search, legs, type, 120);
  };
}
