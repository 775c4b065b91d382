/*
 * A BM25 search over the index's postings: the query resolved into groups, the pass chosen (the pruned
 * pass for questions whose words and groups of alternatives hold many postings, the re-scoring of an earlier search for
 * the spelling-variant legs, else the exhaustive pass, exhaustive-pass.ts), and each row's evidence read
 * on demand with the same rounding (row-sum.ts). Every pass returns what the exhaustive one returns
 * (property-tested); they share `termWeight` (term-facts.ts).
 */
import type { TermGroup } from '../types.js';
import { prunedSearch } from './pruned-query.js';
import { sumRow, type ResolvedGroup, type ScoredTerm } from './row-sum.js';
import { ScoreAccumulator } from './score-accumulator.js';
import { rescoredTopRows } from './rescored-search.js';
import { NO_GROUPS, ScoredSearch, type HeapTrace, type QueryMass, type RowEvidence } from './scored-search.js';
import { seek, TermFacts, TIER_MIN_POSTINGS } from './term-facts.js';
import { AlternativeScratch, scoreAlternatives, scoreSingle } from './exhaustive-pass.js';

export interface Bm25Params {
  k1: number;
  b: number;
}

/** The read side of a Bm25Index: its posting lists and how it weighs a term. */
export interface Postings {
  readonly documentLengths: Uint32Array;
  /** Postings of term t are p in offsets[t]..offsets[t+1], each a row (increasing) and a term frequency. */
  readonly offsets: Uint32Array;
  readonly postingRows: Uint32Array;
  readonly postingTf: Uint16Array;
  readonly averageLength: number;
  readonly params: Bm25Params;
  termId(term: string): number;
  idf(term: string): number;
}

/** Per-index scratch, made on first search and reused: a search allocates only what it returns. */
export interface SearchScratch {
  sums?: ScoreAccumulator;
  alternatives?: AlternativeScratch;
  /** Each row's length normalization, k1·(1 − b + b·length/average): computed once, not per posting. */
  norms?: Float64Array;
  /** What the pruned pass knows of each term a query has used. */
  facts?: TermFacts;
  /** Per row, the variant legs' upper bounds (summed-rescore.ts): all NONE between searches. */
  rowBounds?: Float64Array;
}

/**
 * Below this many postings a query is scored by the plain pass (fast enough, no per-term facts to
 * compute); above, a query takes the pruned pass: the same results, reading a
 * fraction of its common words' postings (at 100k passages a question's words hold ~40k postings).
 */
const PRUNE_MIN_POSTINGS = 4096;

function lengthNorms(index: Postings): Float64Array {
  const { k1, b } = index.params;
  const average = index.averageLength || 1;
  return Float64Array.from(index.documentLengths, (length) => k1 * (1 - b + (b * length) / average));
}

/**
 * Score, matched IDF and term bits of each row of `rows` (increasing, distinct), computed from the
 * postings the way the search pass sums them (same order, same single-precision rounding): features
 * read a few hundred rows, so they are looked up when asked for instead of kept for every row the
 * search touched. Each term's postings are walked once for all the rows (galloping from one row to the
 * next), not binary-searched from scratch for each row.
 */
function rowsEvidence(index: Postings, norms: Float64Array, groups: readonly ResolvedGroup[], rows: Uint32Array, into: RowEvidence, at: number): void {
  const { k1 } = index.params;
  const { offsets, postingRows, postingTf } = index;
  const count = rows.length;
  // tf[t·count + r]: term frequency of the t-th term (groups, alternatives, terms in order) in rows[r].
  let terms = 0;
  for (const group of groups) for (const alternative of group.alternatives) terms += alternative.length;
  const tf = new Uint16Array(terms * count);
  let t = 0;
  for (const group of groups) {
    for (const alternative of group.alternatives) {
      for (const term of alternative) {
        if (term.id >= 0) {
          const end = offsets[term.id + 1]!;
          let p = offsets[term.id]!;
          for (let r = 0; r < count && p < end; r++) {
            p = seek(postingRows, p, end, rows[r]!);
            if (p < end && postingRows[p] === rows[r]) tf[t * count + r] = postingTf[p]!;
          }
        }
        t++;
      }
    }
  }
  for (let r = 0; r < count; r++) sumRow(k1, groups, tf, r, count, norms[rows[r]!]!, into, at + r);
}

/** Terms of at least this many postings get their pruning facts when an index is prepared (the rest cost little on first use). */
const PREPARED_FACTS_MIN_POSTINGS = TIER_MIN_POSTINGS;
/** Terms whose facts are computed per slice of `prepareTermFacts` before it yields. */
const FACTS_SLICE = 32;

/**
 * Computes what the pruned pass knows of every common term (largest weight, impact tiers, the documents
 * it falls in) before any question needs it: on first use these cost an unseen question up to a few ms
 * at 100k passages (a pass and a sort over the term's postings each). In slices that yield to the event loop.
 */
export async function prepareTermFacts(index: Postings, scratch: SearchScratch, groupOf: Int32Array, stopped: () => boolean): Promise<void> {
  const norms = (scratch.norms ??= lengthNorms(index));
  const facts = (scratch.facts ??= new TermFacts(index, norms));
  const { offsets } = index;
  let done = 0;
  for (let term = 0; term + 1 < offsets.length && !stopped(); term++) {
    if (offsets[term + 1]! - offsets[term]! < PREPARED_FACTS_MIN_POSTINGS) continue;
    facts.tiers(term); // records the term's largest factor too
    facts.maxFactor(term);
    facts.documentsOf(term, groupOf);
    if (++done % FACTS_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  facts.releaseWorkspace();
}

/**
 * Scores a query (plain terms or groups of alternatives) over the index's postings: see
 * Bm25Index.searchScored. Touches only the rows that hold a query term.
 */
export function searchPostings(
  index: Postings,
  scratch: SearchScratch,
  query: ReadonlyArray<string | TermGroup>,
  topK: number,
  groupOf?: Int32Array,
  groups = 0,
  after?: HeapTrace | null,
): ScoredSearch {
  const seen = new Set<string>();
  const queryGroups: TermGroup[] = [];
  for (const q of query) {
    const group = typeof q === 'string' ? { alternatives: [{ terms: [q], weight: 1 }] } : q;
    const key = JSON.stringify(group.alternatives);
    if (group.alternatives.length === 0 || seen.has(key)) continue;
    seen.add(key);
    queryGroups.push(group);
  }
  const documents = index.documentLengths.length;
  const mass: QueryMass = {
    terms: queryGroups.map((g) => g.alternatives[0]!.terms.join(' ')),
    termIdf: [],
    groupTerms: queryGroups.map((g) => [...new Set(g.alternatives.flatMap((a) => a.terms))]),
    idfMass: 0,
    knownMass: 0,
  };
  if (queryGroups.length === 0 || documents === 0) return ScoredSearch.empty(mass);
  const sums = (scratch.sums ??= new ScoreAccumulator(documents));
  sums.useGroups(groupOf ? groups : 0);
  const resolved = queryGroups.map((group, k): ResolvedGroup => {
    const bit = k < 32 ? (1 << k) >>> 0 : 0;
    const alternatives: ScoredTerm[][] = [];
    // Each group counts once in the coverage, at the mass of its best alternative present in the collection.
    let found = 0;
    for (const { terms, weight } of group.alternatives) {
      if (terms.length === 0) continue;
      // Pushed, not mapped: an inlined `.map` makes holey arrays where the builtin makes packed ones, and the
      // searches reading these lists had their optimized code thrown away ('wrong map') once this was optimized.
      const scored: Array<{ id: number; idf: number }> = [];
      for (const term of terms) scored.push({ id: index.termId(term), idf: (weight * index.idf(term)) / terms.length });
      if (scored.some((t) => t.id >= 0)) found = Math.max(found, scored.reduce((sum, t) => sum + t.idf, 0));
      alternatives.push(scored);
    }
    const only = group.alternatives.length === 1 && group.alternatives[0]!.terms.length === 1 ? group.alternatives[0]! : null;
    const groupMass = group.mass ?? (found > 0 ? found : (group.absentMass ?? (only ? only.weight * index.idf(only.terms[0]!) : index.idf(''))));
    mass.termIdf.push(groupMass);
    mass.idfMass += groupMass;
    if (found > 0) mass.knownMass += groupMass;
    return { bit, alternatives, single: only !== null };
  });
  const norms = (scratch.norms ??= lengthNorms(index));
  const evidence = (rows: Uint32Array, into: RowEvidence, at: number) => rowsEvidence(index, norms, resolved, rows, into, at);
  if (after && !groupOf) {
    const ranked = rescoredTopRows(index, norms, (scratch.facts ??= new TermFacts(index, norms)), resolved, after, topK, scratch);
    if (ranked) return new ScoredSearch(ranked, mass, evidence, NO_GROUPS, 0);
  }
  const trace = { source: index, limit: Math.min(topK, documents), words: resolved.map((g) => (g.single ? g.alternatives[0]![0]! : null)) };
  let postings = 0;
  for (const group of resolved) for (const terms of group.alternatives) for (const t of terms) if (t.id >= 0) postings += index.offsets[t.id + 1]! - index.offsets[t.id]!;
  try {
    if (postings >= PRUNE_MIN_POSTINGS) {
      const facts = (scratch.facts ??= new TermFacts(index, norms));
      return prunedSearch(index, norms, facts, resolved, sums, topK, mass, evidence, trace, scratch, groupOf);
    }
    resolved.forEach((group, k) => {
      if (group.single) scoreSingle(index, norms, group.alternatives[0]![0]!, k, group.bit, sums, groupOf);
      else scoreAlternatives(index, norms, group, k, sums, scratch, groupOf);
    });
  } catch (error) {
    // Whatever stopped this search must not leave its sums in the next one.
    scratch.sums = undefined;
    scratch.alternatives = undefined;
    throw error;
  }
  return sums.finish(topK, mass, evidence, trace);
}
