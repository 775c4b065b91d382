import type { Embedder } from '../embed/embedder.js';
import { IsnadError } from '../errors.js';
import { hasArabicLetters, hasLatinLetters } from '../text/language.js';
import type { DictdDictionary } from '../translate/dictd.js';
import { englishQueryGroups, type TranslationSettings } from '../translate/english.js';
import { writtenWordsMatcher } from '../translate/written-words.js';
import { perIndex, type IndexSnapshot } from '../index/snapshot.js';
import type { Answer, RetrievalMode, ScoredPassage } from '../types.js';
import { questionType } from '../text/question-type.js';
import { analyze } from '../text/analyze.js';
import { readLatinWords } from '../text/arabizi.js';
import { buildCandidates, snapshotContext, type CandidateSet, type LegHits } from './features.js';
import { collapseNearDuplicates } from './fuse.js';
import { passageWords } from './passage-words.js';
import { readQuestion } from './question.js';
import { answerableProbability, logistic, rankCandidates, resultFeatures, shippedWeights, type RankerWeights } from './ranker.js';
import { questionTerms, withNewsAlternatives } from './query-terms.js';
import { searchRoots } from './root-leg.js';
import { searchVariantLegs, variantMatcherFor } from './variant-leg.js';

export const DEFAULT_TOP = 3;
export const MAX_TOP = 10;
/** Depth of every leg (BM25, variants, translation, dense): bounds the candidates the ranker rescores at any collection size. */
export const DEFAULT_CANDIDATES = 60;

/** How deep a question's BM25 search reads: the candidates asked for, and never fewer than twice the most results shown. */
export const searchDepth = (candidates: number = DEFAULT_CANDIDATES): number => Math.max(candidates, MAX_TOP * 2);

/** What a caller of `Collection.ask` may choose. */
export interface AskOptions {
  /** Passages to return (default DEFAULT_TOP). */
  top?: number;
  /** Restrict or require legs (the CLI's --mode, eval); default: every leg available. */
  mode?: RetrievalMode;
  /** Ranker and refusal weights (eval's held-out folds); default: the shipped ranker-weights.json. */
  weights?: RankerWeights;
}

export interface RetrieveOptions extends AskOptions {
  /** How deep each leg looks before the ranker rescores (bounded so per-query work stays small). */
  candidates?: number;
  /** The English→Arabic dictionary, asked for only when a question has Latin words; null when not installed. */
  dictionary?: () => DictdDictionary | null;
  /** Overrides of the translation leg's weights (cross-validation). */
  translation?: Partial<TranslationSettings>;
}

/** The collection's words as written, for matching translated names (built by the first English question). */
const writtenWords = perIndex((index) => writtenWordsMatcher(index.passages));

/**
 * The collection's word that is one of these spellings (an Arabizi word's, arabizi.ts), else its written word nearest one
 * of them, as alike as the variant leg's spelling variants need to be.
 */
function nearestWritten(index: IndexSnapshot, spellings: readonly string[]): string | null {
  const matcher = writtenWords(index);
  const written = spellings.find((s) => matcher.match(s, 32, 1).some((m) => m.term === s));
  const isKnown = (spelling: string) => {
    const terms = analyze(spelling);
    return terms.length > 0 && terms.every((term) => index.lexical.documentFrequency(term) > 0);
  };
  const known = written ?? spellings.find(isKnown);
  if (known !== undefined) return known;
  let best: { term: string; similarity: number } | null = null;
  for (const spelling of spellings) {
    const [match] = matcher.match(spelling, 1);
    if (match && (best === null || match.similarity > best.similarity)) best = match;
  }
  return best?.term ?? null;
}

/** Row of each passage id, built once per index snapshot (rebuilding it per query cost 30 ms at 100k). */
const rowOfId = perIndex((index) => new Map(index.passages.map((p, row) => [p.id, row])));

export function denseAvailable(index: IndexSnapshot, embedder: Embedder | null): embedder is Embedder {
  return embedder !== null && index.vectors !== null && index.manifest.model?.id === embedder.modelId;
}

/** Everything the ranker and the refusal read for one question, before any decision: what eval and fit replay. */
export interface Evidence {
  query: string;
  mode: RetrievalMode;
  set: CandidateSet;
}

/**
 * An Arabic question without the English words typed in lower case that the collection does not write (مين الـ leader تبع
 * الوفد؟): the English leg searches them by their translations, and kept as Arabic words as well they would count unknown a
 * second time, which refused questions whose Arabic counterpart is answered. Words the collection writes stay, and so do
 * names and acronyms (Apollo, LOR): unknown, they tell the refusal the passage is about something else (dropping them
 * cost xquad-dev held-out refusals, eval/JOURNAL.md, fifteenth dialect round).
 */
function withoutUnwrittenLatin(index: IndexSnapshot, question: string): string {
  return question.replace(/(?<![\p{L}\d])[a-z]{2,}(?![\p{L}\d])/gu, (word) => {
    const terms = analyze(word);
    return terms.length > 0 && terms.some((t) => index.lexical.documentFrequency(t) === 0) ? ' ' : word;
  });
}

export async function gatherEvidence(index: IndexSnapshot, embedder: Embedder | null, rawQuestion: string, options: RetrieveOptions = {}): Promise<Evidence> {
  // `query` is echoed as typed; `wanted` (links, mentions, emoji and markdown removed) is what is matched.
  const { echo: query, search: typed } = readQuestion(rawQuestion);
  // A question in Arabizi, or with French words, is read in Arabic letters, each word as the collection writes it.
  const wanted = readLatinWords(typed, (spellings) => nearestWritten(index, spellings));
  const depth = searchDepth(options.candidates);
  const wantLexical = options.mode !== 'dense';
  const wantDense = options.mode !== 'lexical' && denseAvailable(index, embedder);
  if (options.mode === 'dense' && !wantDense) {
    throw new IsnadError('MODEL_UNAVAILABLE', 'Dense retrieval needs a loaded model and an index built with it. Run with --mode lexical, or make the model available.');
  }
  const context = snapshotContext(index);
  // Latin words with a dictionary at hand: their translations (and names transliterated) join the query
  // as groups of alternatives. An English-only question skips the Arabic word analysis; a mixed one has both.
  const dictionary = hasLatinLetters(wanted) ? (options.dictionary?.() ?? null) : null;
  const translated = dictionary
    ? englishQueryGroups(wanted, {
        dictionary, variants: writtenWords(index), stems: variantMatcherFor(index.lexical),
        known: (term) => index.lexical.documentFrequency(term) > 0, settings: options.translation, unseenIdf: index.lexical.idf(''),
      })
    : [];
  const arabicWords = !dictionary || hasArabicLetters(wanted);
  const terms = arabicWords ? questionTerms(index.lexical, dictionary ? withoutUnwrittenLatin(index, wanted) : wanted) : [];
  // The dense leg first: its graph search and exact re-scoring read some hundreds of KB of vectors, and run between the
  // lexical legs and the candidates' features they pushed out of the caches what the features read next (their CPU
  // −6 to −8 % with the dense leg first: bench/README.md, round 28).
  const dense = wantDense && index.vectors ? await denseHits(index, embedder!, wanted, depth) : null;
  // BM25 always scores (its per-passage and per-document evidence are features); in dense mode it adds no candidates.
  const search = index.lexical.searchScored([...withNewsAlternatives(index.lexical, terms), ...translated], wantLexical ? depth : 0, context.docOf, context.docs);
  // Further legs plug in here as { name, hits }; the ranker weighs each by name.
  const legs: LegHits[] = [];
  // Spelling variants of words the collection lacks (نزاربايف → نزارباييف), and apart from them the words
  // with a deriving ending (فرنسا → فرنسية: another word, weighed on its own): non-empty only when a word is unknown.
  if (wantLexical && arabicWords) {
    const variants = searchVariantLegs(index.lexical, terms, depth, search);
    legs.push({ name: 'variants', hits: variants.spelling }, { name: 'derived', hits: variants.derived });
  }
  // Nothing found as written: words of the same root (المدافعون → الدفاع). Only then, since on xquad-dev it
  // moved no held-out ranking (README, How it works: *Words of the same root*) and costs a second BM25 pass.
  if (wantLexical && arabicWords && search.hits.length === 0) legs.push({ name: 'roots', hits: searchRoots(index.lexical, terms, depth) });
  // Translation: what the English words alone cover (the ranker and refusal weigh English evidence on its own scale).
  if (wantLexical && dictionary) {
    const hits = arabicWords ? index.lexical.searchScored(translated, depth).hits : search.hits;
    legs.push({ name: 'translation', hits: hits.map((h) => ({ row: h.row, score: h.coverage })) });
  }
  if (dense) legs.push({ name: 'dense', hits: dense });
  const set = buildCandidates(index, search, legs, questionType(wanted), depth * 2);
  return { query, mode: wantDense && wantLexical ? 'hybrid' : wantDense ? 'dense' : 'lexical', set };
}

/** The dense leg's hits: the question's vector searched among the passages' (hits of ids no longer in the index dropped). */
async function denseHits(index: IndexSnapshot, embedder: Embedder, wanted: string, depth: number): Promise<LegHits['hits']> {
  const rowOf = rowOfId(index);
  const vector = await embedder.embedQuery(wanted);
  return (await index.vectors!.query(vector, depth)).flatMap((hit) => {
    const row = rowOf.get(hit.id);
    return row === undefined ? [] : [{ row, score: hit.score }];
  });
}

/** Ranks the candidates, decides whether to answer and how sure to be, and picks the passages to show. */
export function decide(index: IndexSnapshot, evidence: Evidence, weights: RankerWeights, top: number): { answer: Answer; answerable: number } {
  const ranked = rankCandidates(evidence.set, weights.ranker);
  const distinct = collapseNearDuplicates(ranked.slice(0, top * 4), (c) => passageWords(index, c.row), undefined, top);
  const features: Array<ReturnType<typeof resultFeatures>> = [];
  for (let i = 0; i < distinct.length; i++) features.push(resultFeatures(evidence.set, distinct, i, ranked));
  const first = features[0] ?? resultFeatures(evidence.set, distinct, 0, ranked);
  const answerable = distinct.length > 0 ? answerableProbability(weights.answerable, first.names, first.values) : 0;
  const answered = answerable >= weights.answerable.threshold && distinct.length > 0;
  const results: ScoredPassage[] = distinct.map((c, i) => {
    const f = features[i]!;
    return {
      ...index.passages[c.row]!,
      confidence: round(logistic(weights.confidence, f.names, f.values)),
      score: round(c.score),
      scores: Object.fromEntries(evidence.set.names.map((name, k) => [name, round(c.values[k]!)])),
    };
  });
  const answer: Answer = {
    query: evidence.query,
    answered,
    confidence: answered ? (results[0]?.confidence ?? 0) : 0,
    results: answered ? results : [],
    closest: answered ? [] : results,
    mode: evidence.mode,
  };
  return { answer, answerable };
}

export async function answerQuestion(index: IndexSnapshot, embedder: Embedder | null, rawQuestion: string, options: RetrieveOptions = {}): Promise<Answer> {
  const top = Math.max(1, Math.min(MAX_TOP, Math.floor(options.top ?? DEFAULT_TOP)));
  const evidence = await gatherEvidence(index, embedder, rawQuestion, options);
  return decide(index, evidence, options.weights ?? shippedWeights(), top).answer;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
