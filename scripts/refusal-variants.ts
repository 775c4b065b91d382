/**
 * Research script behind eval/JOURNAL.md's "Tried on held-out folds": compares refusal models on xquad-dev
 * Arabic, cross-validated by article, with one ranker per held-out fold (fitted as `npm run fit` does).
 * Prints, per model, the share of held-out-article questions refused at the threshold that answers
 * 98 % (and 97, 95, 90 %) of answerable ones, all folds pooled (a threshold chosen on the held-out
 * answers themselves: an upper bound on what the eval's threshold, chosen on unseen questions, gets).
 * Then the logistic again with each candidate QUESTION-level feature added (see `questionEvidence`,
 * `legAgreement`).
 * Then the ranker's own distribution over the candidates (`rankerDistribution`), added to the logistic
 * and to the logistic with squares, each row with the article bootstrap of its net change against the
 * plain model of its kind. `WITHOUT=name` drops a feature of `resultFeatures` from every run but the
 * `with:` ones (a result feature judged against its absence on one gathering).
 * `--leaky` trains the refusal on answerable questions over the FULL collection (the old way), to
 * show what a collection-size leak does.
 *
 * Then (round 17) the logistic with squares with #1's evidence over the KNOWN words' mass (`knownRatios`), with
 * the share of unknown words whose root key the collection uses (`unknownRootKnown`, `unknownRootless`), and
 * without the legs' squares ('legs linear'); none won.
 *
 *   npx tsx scripts/refusal-variants.ts [--leaky]      (XQUAD_DIR: default ../shared/eval/xquad-dev; ONLY=regex picks runs;
 *                                                      GOLD=gold-en.jsonl: the English questions, with the dictionary if installed)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { askFolds, type Asked } from '../src/eval/crossval.js';
import { alignFeatures, DEFAULT_FIT, fitLogistic, fitRanker } from '../src/eval/fit.js';
import { readGoldFile } from '../src/eval/gold.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { collapseNearDuplicates } from '../src/retrieve/fuse.js';
import { passageWords } from '../src/retrieve/passage-words.js';
import { logistic, rankCandidates, resultFeatures, withSquares } from '../src/retrieve/ranker.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { rootKey } from '../src/text/root-key.js';
import { knownRatios, knownRoots, squaresBut } from './refusal-known.js';
import { readQuestion } from '../src/retrieve/question.js';
import { snapshotContext, type CandidateSet } from '../src/retrieve/features.js';
import type { IndexSnapshot } from '../src/index/snapshot.js';
import { fitTrees } from './refusal-trees.js';
import { auc, bootstrap, bootstrapAuc, rankerDistribution, refusedShare, type Held } from './refusal-distribution.js';

const XQUAD = path.resolve(process.env.XQUAD_DIR ?? '../shared/eval/xquad-dev');
const leaky = process.argv.includes('--leaky');
/** GOLD=gold-en.jsonl: the English questions (the English dictionary, as the eval, when installed). */
const GOLD = process.env.GOLD ?? 'gold-ar.jsonl';
/** The question-level features the current run adds to each row. */
let questionFeatures = new Set<string>();
/** WITHOUT='a,b': the result features every run reads as absent, but the `with:` runs (a feature of resultFeatures judged against its absence). */
const without = new Set((process.env.WITHOUT ?? '').split(',').filter(Boolean));
let dropped = without;

/**
 * Candidate question-level evidence (none won on held-out folds; kept here to be re-measured):
 * unknown words and long (name-like) unknown words; adjacent question-word pairs found within two
 * words of each other in #1's document (names of two words); how concentrated the known words are in
 * #1's document (IDF-weighted share of each word's passages that lie there); the share of known words
 * #1's document holds, and how many question words it lacks.
 */
function questionEvidence(index: IndexSnapshot, question: string, top: { doc: number } | undefined): Record<string, number> {
  const lexical = index.lexical;
  const terms = [...new Set(questionTerms(lexical, readQuestion(question).search))];
  const known = terms.filter((t) => lexical.documentFrequency(t) > 0);
  const unknown = terms.filter((t) => lexical.documentFrequency(t) === 0);
  const { docOf } = snapshotContext(index);
  const docWords: Int32Array[] = [];
  if (top) for (let row = 0; row < docOf.length; row++) if (docOf[row] === top.doc) docWords.push(passageWords(index, row));
  const inDoc = new Set<number>();
  for (const words of docWords) for (const id of words) inDoc.add(id);
  const ids = terms.map((t) => lexical.termId(t));
  let pairs = 0;
  let pairsFound = 0;
  for (let i = 0; i + 1 < ids.length; i++) {
    const [a, b] = [ids[i]!, ids[i + 1]!];
    if (a < 0 || b < 0) continue;
    pairs++;
    if (docWords.some((w) => w.some((id, k) => id === a && (w[k + 1] === b || w[k + 2] === b)))) pairsFound++;
  }
  let concentration = 0;
  let mass = 0;
  for (const t of known) {
    const id = lexical.termId(t);
    concentration += lexical.idf(t) * (docWords.filter((w) => w.includes(id)).length / lexical.documentFrequency(t));
    mass += lexical.idf(t);
  }
  const knownInDoc = known.filter((t) => inDoc.has(lexical.termId(t))).length;
  const roots = knownRoots(index);
  const rootKnown = unknown.filter((t) => roots.has(rootKey(t))).length;
  return {
    unknownRootKnown: unknown.length ? rootKnown / unknown.length : 1,
    unknownRootless: Math.min(3, unknown.length - rootKnown) / 3,
    unknownShare: unknown.length / Math.max(1, terms.length),
    unknownLong: Math.min(3, unknown.filter((t) => t.length >= 5).length) / 3,
    pairShare: pairs ? pairsFound / pairs : 1,
    pairMissing: Math.min(3, pairs - pairsFound) / 3,
    concentration: mass ? concentration / mass : 0,
    knownInDocShare: known.length ? knownInDoc / known.length : 0,
    missingFromDoc: Math.min(4, terms.length - knownInDoc) / 4,
  };
}

/**
 * Agreement between the legs and among the top results (none won either): the share of the first 10
 * ranked passages in #1's document and how many documents they span; whether BM25's own first passage,
 * and the spelling-variant leg's, lie in #1's document; #1 sharing one word with a question that has an unknown one.
 */
function legAgreement(set: CandidateSet, ranked: ReadonlyArray<{ doc: number }>, top: { doc: number } | undefined): Record<string, number> {
  const first10 = ranked.slice(0, 10);
  const firstBy = (feature: string) => {
    const at = set.names.indexOf(feature);
    let best: { doc: number; value: number } | undefined;
    for (const c of set.candidates) if (at >= 0 && (c.values[at] ?? 0) > (best?.value ?? 0)) best = { doc: c.doc, value: c.values[at]! };
    return best;
  };
  const bm25First = firstBy('lexicalRank');
  const matched = set.names.indexOf('matchedTerms');
  const first = ranked[0] as { values?: number[] } | undefined;
  const variantsFirst = firstBy('variantsRank');
  return {
    topDocShare: top ? first10.filter((c) => c.doc === top.doc).length / Math.max(1, first10.length) : 0,
    topDocs: new Set(first10.map((c) => c.doc)).size / 10,
    bm25AgreesDoc: top && bm25First?.doc === top.doc ? 1 : 0,
    variantsAgreeDoc: !variantsFirst || variantsFirst.doc === top?.doc ? 1 : 0,
    // "ما عاصمة فرنسا؟": #1 holds at most one question word (with its neighbours) and a word is unknown.
    oneWordUnknown: first?.values && Math.round(first.values[matched]! * 6) <= 1 && set.query.unknownTerms > 0 ? 1 : 0,
  };
}

const heldOf = new Map<string, Held[]>();

type Model = (names: string[], X: number[][], y: boolean[]) => (names: string[], x: number[]) => number;
const options = { ...DEFAULT_FIT, iterations: DEFAULT_FIT.refusalIterations };
const MODELS: Record<string, Model> = {
  logistic: (names, X, y) => {
    const m = fitLogistic(names, X, y, options);
    return (n, x) => logistic(m, n, x);
  },
  'logistic + squares': (names, X, y) => {
    const m = fitLogistic(withSquares(names, X[0]!).names, X.map((x) => withSquares(names, x).values), y, options);
    return (n, x) => logistic(m, withSquares(n, x).names, withSquares(n, x).values);
  },
  'logistic + squares, legs linear': (names, X, y) => {
    const m = fitLogistic(squaresBut(names, X[0]!).names, X.map((x) => squaresBut(names, x).values), y, options);
    return (n, x) => logistic(m, squaresBut(n, x).names, squaresBut(n, x).values);
  },
  'trees (depth 2, 150 rounds)': (_names, X, y) => {
    const predict = fitTrees(X, y);
    return (_n, x) => predict(x);
  },
  ...Object.fromEntries(
    ([[2, 20, 0.1, 50], [2, 50, 0.05, 50], [3, 30, 0.05, 100]] as const).map(([depth, rounds, rate, minLeaf]): [string, Model] => [
      `logistic + squares, then ${rounds} trees (depth ${depth}, rate ${rate}, leaf ${minLeaf}) on its logit`,
      (names, X, y) => {
        const m = fitLogistic(withSquares(names, X[0]!).names, X.map((x) => withSquares(names, x).values), y, options);
        const sq = withSquares(names, X[0]!).names;
        const w = sq.map((n) => m.weights[n] ?? 0);
        const logit = (x: number[]) => withSquares(names, x).values.reduce((s, v, j) => s + w[j]! * v, m.bias);
        const predict = fitTrees(X, y, rounds, depth, rate, minLeaf, 24, logit);
        return (_n, x) => predict(x);
      },
    ]),
  ),
};

const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-refusal-variants-'));
try {
  const { snapshot, steps } = await openIndex(loadConfig({ DOCS_DIR: `${XQUAD}/docs`, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: silentLogger });
  const raw = await askFolds(snapshot, null, await readGoldFile(`${XQUAD}/${GOLD}`), { dictionary: steps.dictionary });
  // One list of feature names for every question (the roots leg joins only some): columns line up.
  const aligned = alignFeatures(raw.map((a) => a.example));
  const asked = raw.map((a, i) => ({ ...a, evidence: { ...a.evidence, set: aligned[i]!.set as CandidateSet } }));
  const folds = [...new Set(asked.map((a) => a.fold))];
  const extra = new Map<string, Record<string, number>>();
  const first = (a: Asked, ranker: Record<string, number>) => {
    const ranked = rankCandidates(a.evidence.set, ranker);
    const distinct = collapseNearDuplicates(ranked.slice(0, 20), (c) => passageWords(a.index, c.row)).slice(0, 5);
    const x = resultFeatures(a.evidence.set, distinct, 0, ranked);
    const key = `${a.question.id}\u0000${distinct[0]?.doc}`;
    const dist = { ...rankerDistribution(ranked), ...knownRatios(x.names, x.values) };
    let q: Record<string, number> | undefined = dist;
    if ([...questionFeatures].some((n) => !(n in dist))) {
      q = extra.get(key);
      if (!q) extra.set(key, (q = { ...questionEvidence(a.index, a.question.q, distinct[0]), ...legAgreement(a.evidence.set, ranked, distinct[0]) }));
      q = { ...q, ...dist };
    }
    const added = [...questionFeatures].filter((n) => n in q!);
    const kept = x.names.flatMap((n, j) => (dropped.has(n) ? [] : [j]));
    return { names: [...kept.map((j) => x.names[j]!), ...added], values: [...kept.map((j) => x.values[j]!), ...added.map((n) => q![n]!)] };
  };
  const rankers = new Map(folds.map((f) => [f, fitRanker(alignFeatures(asked.filter((a) => a.fold !== f && a.answerable && a.example.teaches !== 'refusal').map((a) => a.example)))]));
  const teaches = leaky ? 'refusal' : 'ranking';
  const runs: Array<[string, Model, string[]]> = [
    ...Object.entries(MODELS).map(([name, model]): [string, Model, string[]] => [name, model, []]),
    ...['unknownRootKnown', 'unknownRootless', 'unknownShare', 'unknownLong', 'pairShare', 'pairMissing', 'concentration', 'knownInDocShare', 'missingFromDoc', 'topDocShare', 'topDocs', 'bm25AgreesDoc', 'variantsAgreeDoc', 'oneWordUnknown'].map(
      (n): [string, Model, string[]] => [`logistic + ${n}`, MODELS.logistic!, [n]],
    ),
  ];
  runs.push(['logistic + all of them', MODELS.logistic!, runs.flatMap((r) => r[2])]);
  for (const n of ['unknownRootKnown', 'unknownRootless']) runs.push([`rootless: logistic + squares + ${n}`, MODELS['logistic + squares']!, [n]]);
  runs.push(['rootless: logistic + squares + both', MODELS['logistic + squares']!, ['unknownRootKnown', 'unknownRootless']]);
  for (const n of ['knownCoverage', 'knownContextCoverage', 'knownDocCoverage']) runs.push([`known: logistic + squares + ${n}`, MODELS['logistic + squares']!, [n]]);
  runs.push(['known: logistic + squares + all three', MODELS['logistic + squares']!, ['knownCoverage', 'knownContextCoverage', 'knownDocCoverage']]);
  const distribution = ['pFirst', 'logPFirst', 'entropy', 'margin12', 'marginOther', 'docMass', 'docMass10'];
  for (const [label, model] of [['logistic', MODELS.logistic!], ['logistic + squares', MODELS['logistic + squares']!]] as const) {
    for (const n of distribution) runs.push([`distribution: ${label} + ${n}`, model, [n]]);
    runs.push([`distribution: ${label} + all seven`, model, distribution]);
    runs.push([`distribution: ${label} + pFirst, entropy, docMass10`, model, ['pFirst', 'entropy', 'docMass10']]);
  }
  if (without.size > 0) runs.push(['with: logistic', MODELS.logistic!, []], ['with: logistic + squares', MODELS['logistic + squares']!, []]);
  // ONLY='^logistic( \\+ squares)?$|trees': runs whose name matches this regular expression (the question-feature runs are slow).
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
  for (const [name, model, features] of runs.filter(([n]) => !only || only.test(n))) {
    questionFeatures = new Set(features);
    dropped = name.startsWith('with: ') ? new Set() : without;
    const held: Held[] = [];
    for (const f of folds) {
      const train = asked.filter((a) => a.fold !== f && a.example.teaches !== teaches).map((a) => ({ a, x: first(a, rankers.get(f)!) }));
      const predict = model(train[0]!.x.names, train.map((t) => t.x.values), train.map((t) => t.a.answerable));
      for (const a of asked.filter((x) => x.fold === f && x.example.teaches !== 'refusal')) {
        const x = first(a, rankers.get(f)!);
        held.push({ fold: f, answerable: a.answerable, p: predict(x.names, x.values) });
      }
    }
    heldOf.set(name, held);
    const share = (keep: number) => refusedShare(held, keep).toFixed(3);
    // Against the plain model of its kind (when it ran): the net change in refusals at 98 % and 95 % answered, 5–95 % over articles resampled.
    const base = heldOf.get(name.includes('squares') ? 'logistic + squares' : 'logistic');
    const against = base && base !== held ? `; net vs ${name.includes('squares') ? 'logistic + squares' : 'logistic'}: 98 % ${bootstrap(base, held, 0.98)}, 95 % ${bootstrap(base, held, 0.95)}, AUC ${bootstrapAuc(base, held)}` : '';
    console.log(`${name}${leaky ? ' (leaky)' : ''}: refused at 98 % answered ${share(0.98)}, at 97 % ${share(0.97)}, at 95 % ${share(0.95)}, at 90 % ${share(0.9)}, AUC ${auc(held).toFixed(3)}${against}`);
  }
} finally {
  await fs.rm(indexDir, { recursive: true, force: true });
}
