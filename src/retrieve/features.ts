import { passageWords } from './passage-words.js';
import { answerTypeEvidence, type AnswerType } from '../text/question-type.js';
import { perIndex, type IndexSnapshot } from '../index/snapshot.js';
import { ROOT_FEATURES, rootFeatures } from './root-features.js';
import { PARAGRAPH_FEATURES, PARAGRAPH_REACH, paragraphFeatures } from './paragraph-features.js';
import { LOOSE_FEATURES, looseFeatures } from './loose-features.js';
import { FEEDBACK_FEATURES, feedbackFeatures } from './feedback-features.js';
import { LENGTH_FEATURES, lengthFeatures } from './length-features.js';
import { NGRAM_FEATURES, ngramFeatures } from './ngram-features.js';
import { bestWindowIdf } from './proximity.js';
import { bitCount, idfOfBits } from './term-bits.js';
import { perCandidate } from './feature-group.js';
import type { ScoredSearch } from '../index/bm25.js';

/**
 * Evidence about one candidate passage, as named numbers the ranker weighs (weights in ranker-weights.json).
 * Each reads the passage *in context*: its neighbours and its whole document, since a question names
 * the article's subject while the answering sentence often says "he" or "the city".
 * To add a feature: compute it here, add its name to FEATURES, refit (`npm run fit`).
 */
export const FEATURES = [
  'bm25', // the passage's BM25 over the best passage's
  'bm25PerIdf', // BM25 over the query's IDF mass: comparable across questions
  'coverage', // share of the query's IDF mass found in the passage
  'matchedIdf', // IDF the passage matches, over ln(passages): absolute evidence, low when one common word matches
  'matchedTerms', // distinct question terms in the passage or a neighbour (up to 6), over 6
  'rarestTerm', // 1 when the question's rarest term (its subject, usually) is in the passage or a neighbour
  'contextCoverage', // … in the passage with its previous and next passages
  'neighbourBm25', // best neighbour's BM25 over the best passage's
  'docCoverage', // … anywhere in the passage's document
  'docIsBest', // 1 when no document covers more of the query
  'proximity', // the most IDF mass inside any 12 consecutive words, over the query's mass (first 20 candidates)
  'lexicalRank', // 1/√rank in the BM25 list (0 when the BM25 leg did not return it)
  'typeNumber', // question asks كم/how many and the passage holds a number not in the question
  'typeDate', // question asks متى/when and the passage holds a year or a month
  'typeEntity', // question asks من/أين and the passage has rare words the question lacks (names)
  'missedTerms', // question terms in neither the passage nor a neighbour (up to 4), over 4: absolute, unlike coverage
  'contextMissingIdf', // highest IDF of a question term missing from the passage and its neighbours, over ln(passages)
  'docMissingIdf', // … missing from the whole document (a question about another subject misses its rarest word)
  'rarestKnown', // 1 when the rarest question term the collection knows is in the passage or a neighbour
  'documentStart', // 1 for a document's first passage: where an article introduces its subject
] as const;

export type FeatureName = (typeof FEATURES)[number];

/**
 * Hits of a leg besides BM25 (dense, name variants, translation…): each adds `<name>` and `<name>Rank`
 * features. `<name>` is the hit's score, or for legs that measure coverage (BM25-like legs) what the
 * leg covers beyond the word leg on the same passage: evidence the word leg could not see.
 */
export interface LegHits {
  name: string;
  hits: ReadonlyArray<{ row: number; score: number; coverage?: number }>;
}

export interface Candidate {
  row: number;
  /** The document it belongs to (numbered per snapshot). */
  doc: number;
  /** Values in the order of `CandidateSet.names`. */
  values: number[];
}

export interface CandidateSet {
  names: string[];
  candidates: Candidate[];
  /** Query-level evidence the confidence model reads besides the top candidate's features. */
  query: QueryEvidence;
}

/**
 * Evidence about the question as a whole, whatever passage answers. (Tried and dropped, as they lost on
 * held-out folds at the 98 % operating point: the best document's share of the question, its lead over
 * the second, the known words' share in one document, and how many documents hold the rarest known word.)
 */
interface QueryEvidence {
  /** Share of the question's IDF mass the collection knows at all. */
  knownShare: number;
  terms: number;
  unknownTerms: number;
}

interface SnapshotContext {
  docOf: Int32Array;
  docs: number;
}

/** Row → document number, built once per snapshot. */
export const snapshotContext = perIndex((index): SnapshotContext => {
  const docOf = new Int32Array(index.passages.length);
  const ids = new Map<string, number>();
  index.passages.forEach((p, row) => {
    let id = ids.get(p.source);
    if (id === undefined) ids.set(p.source, (id = ids.size));
    docOf[row] = id;
  });
  return { docOf, docs: ids.size };
});

/** Candidates whose words are read for proximity and answer type (in leg order: BM25's best first). */
export const ANALYZED_CANDIDATES = 20;

export function buildCandidates(
  index: IndexSnapshot,
  search: ScoredSearch,
  legs: readonly LegHits[],
  answerType: AnswerType,
  limit: number,
): CandidateSet {
  const { docOf } = snapshotContext(index);
  const lexical = index.lexical;
  // A group (an English word's translations) lends its mass to each term it may match.
  const idfOf = new Map(search.groupTerms.flatMap((terms, i) => terms.map((t) => [lexical.termId(t), search.termIdf[i]!] as const)));
  idfOf.delete(-1);
  const mass = search.idfMass || 1;
  const questionWords = new Set(search.groupTerms.flat());
  const lexicalTop = search.hits[0]?.score || 1;
  let rarest = -1;
  search.termIdf.forEach((idf, i) => {
    if (rarest < 0 || idf > search.termIdf[rarest]!) rarest = i;
  });
  const logDocuments = Math.log(1 + index.passages.length) || 1;
  const bestDoc = search.bestGroupIdf;
  const rows: number[] = [];
  const seen = new Set<number>();
  const add = (row: number) => {
    if (!seen.has(row) && rows.length < limit) {
      seen.add(row);
      rows.push(row);
    }
  };
  const lexicalRank = new Map(search.hits.map((h, i) => [h.row, i + 1]));
  // Interleave the legs so each contributes its best candidates before any contributes its tail.
  const lists: Array<readonly { row: number }[]> = [search.hits];
  for (const leg of legs) lists.push(leg.hits);
  const longest = lists.reduce((max, list) => Math.max(max, list.length), 0);
  for (let i = 0; i < longest && rows.length < limit; i++) for (const list of lists) if (list[i]) add(list[i]!.row);

  // Every row the features below read (each candidate, its neighbours, its paragraph), in one walk of the postings.
  const span = 2 * PARAGRAPH_REACH + 1;
  const read = new Int32Array(rows.length * span);
  rows.forEach((row, i) => {
    for (let d = -PARAGRAPH_REACH; d <= PARAGRAPH_REACH; d++) read[span * i + d + PARAGRAPH_REACH] = row + d;
  });
  search.prefetch(read);
  // Pushed, not mapped; a leg's hit read where it is, not copied into an object whose fields change representation (feature-group.ts).
  const legRanks: Array<{ hits: LegHits['hits']; indexOf: Map<number, number> }> = [];
  for (const leg of legs) legRanks.push({ hits: leg.hits, indexOf: new Map(leg.hits.map((h, i) => [h.row, i])) });
  const names = [...FEATURES, ...ROOT_FEATURES, ...PARAGRAPH_FEATURES, ...LOOSE_FEATURES, ...FEEDBACK_FEATURES, ...LENGTH_FEATURES, ...NGRAM_FEATURES, ...legs.flatMap((l) => [l.name, `${l.name}Rank`])];
  const groups = [
    rootFeatures(index, rows, search.groupTerms, search.termIdf, docOf),
    paragraphFeatures(index, search, rows),
    looseFeatures(index, rows, search.groupTerms, search.termIdf, docOf),
    feedbackFeatures(index, search, rows, docOf),
    lengthFeatures(index, rows),
    ngramFeatures(index, search, rows),
  ];
  const bitOf = (k: number) => (k >= 0 && k < 32 ? (1 << k) >>> 0 : 0);
  const rarestBit = bitOf(rarest);
  // One pass, no array of booleans read back (a `.map`'s array changes kind once this is optimized: feature-group.ts).
  let rarestKnown = -1;
  let unknownTerms = 0;
  search.groupTerms.forEach((terms, i) => {
    if (!terms.some((term) => index.lexical.documentFrequency(term) > 0)) unknownTerms++;
    else if (rarestKnown < 0 || search.termIdf[i]! > search.termIdf[rarestKnown]!) rarestKnown = i;
  });
  const rarestKnownBit = bitOf(rarestKnown);
  const termCount = Math.min(32, search.terms.length);
  /** The highest IDF among question terms whose bit `mask` lacks, over ln(passages): 0 when none is missing. */
  const missingIdf = (mask: number) => {
    let max = 0;
    for (let k = 0; k < termCount; k++) if (!(mask & bitOf(k))) max = Math.max(max, search.termIdf[k]!);
    return max / logDocuments;
  };

  // Each candidate's values copy this array of doubles (a 0-filled array holds small integers: a fraction recopied it).
  const zeros = Array.from({ length: names.length }, () => 0.5).fill(0);
  const candidates = perCandidate(rows, (row, position) => {
    const doc = docOf[row]!;
    const score = search.scoreOf(row);
    const matchedIdf = search.matchedIdfOf(row);
    const docIdf = search.groupIdfOf(doc);
    let mask = search.termMaskOf(row);
    let neighbour = 0;
    // Plain code, no small arrays or objects per candidate: a question builds 120 of these.
    if (row > 0 && docOf[row - 1] === doc) {
      neighbour = Math.max(neighbour, search.scoreOf(row - 1));
      mask |= search.termMaskOf(row - 1);
    }
    if (row + 1 < docOf.length && docOf[row + 1] === doc) {
      neighbour = Math.max(neighbour, search.scoreOf(row + 1));
      mask |= search.termMaskOf(row + 1);
    }
    const contextIdf = idfOfBits(search.termIdf, mask);
    const matchedTerms = bitCount(mask);
    // Word order is read for the first candidates only: analyzing a passage is the costly step, and bounded here.
    const words = position < ANALYZED_CANDIDATES ? passageWords(index, row) : null;
    const evidence =
      words && (answerType === 'number' || answerType === 'date')
        ? answerTypeEvidence(Array.from(words, (id) => lexical.termAt(id)), questionWords)
        : null;
    let rare = 0;
    if (words && (answerType === 'person' || answerType === 'place')) {
      for (let i = 0; i < words.length; i++) {
        const id = words[i]!;
        if (id >= 0 && lexical.documentFrequencyOf(id) > 2) continue; // the cheap test first: most words are common
        const w = lexical.termAt(id);
        if (!questionWords.has(w) && !/^\d/.test(w)) rare++;
      }
    }
    const rank = lexicalRank.get(row);
    const values = zeros.slice(); // filled in place: an array literal with spreads held each number boxed (~100 KB a question)
    let k = 0;
    values[k++] = score / lexicalTop;
    values[k++] = score / mass;
    values[k++] = matchedIdf / mass;
    values[k++] = matchedIdf / logDocuments;
    values[k++] = Math.min(6, matchedTerms) / 6;
    values[k++] = mask & rarestBit ? 1 : 0;
    values[k++] = contextIdf / mass;
    values[k++] = neighbour / lexicalTop;
    values[k++] = docIdf / mass;
    values[k++] = docIdf >= bestDoc - 1e-6 ? 1 : 0;
    values[k++] = words ? bestWindowIdf(words, idfOf) / mass : 0;
    values[k++] = rank ? 1 / Math.sqrt(rank) : 0;
    values[k++] = evidence && answerType === 'number' ? evidence.number : 0;
    values[k++] = evidence && answerType === 'date' ? evidence.date : 0;
    values[k++] = Math.min(1, rare / 3);
    values[k++] = Math.min(4, termCount - matchedTerms) / 4;
    values[k++] = missingIdf(mask);
    values[k++] = missingIdf(search.groupMaskOf(doc));
    values[k++] = mask & rarestKnownBit ? 1 : 0;
    values[k++] = row === 0 || docOf[row - 1] !== doc ? 1 : 0;
    for (const { width, values: own } of groups) for (let i = 0, at = position * width; i < width; i++) values[k++] = own[at + i]!;
    for (const { hits, indexOf } of legRanks) {
      const i = indexOf.get(row);
      const hit = i === undefined ? undefined : hits[i]!;
      values[k++] = hit === undefined ? 0 : hit.coverage === undefined ? hit.score : Math.max(0, hit.coverage - matchedIdf / mass);
      values[k++] = i === undefined ? 0 : 1 / Math.sqrt(i + 1);
    }
    return { row, doc, values };
  });

  const query: QueryEvidence = {
    knownShare: search.idfMass ? search.knownMass / search.idfMass : 0,
    terms: search.terms.length,
    unknownTerms,
  };
  return { names, candidates, query };
}
