import type { TermGroup } from '../types.js';
import { ScoreAccumulator, ScoredSearch, type QueryMass } from './scored-search.js';

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

/**
 * Scratch for groups of alternatives (an English word's translations, a name's spellings): the best
 * alternative's score and IDF per row, and the rows each alternative and group touched, in the order
 * they were first touched. Kept per index and left at zero after each group.
 */
class AlternativeScratch {
  readonly altScore: Float32Array;
  readonly altIdf: Float32Array;
  readonly bestScore: Float32Array;
  readonly bestIdf: Float32Array;
  readonly altRows: Uint32Array;
  readonly groupRows: Uint32Array;
  /** Which alternative / group last listed each row (stamps instead of clearing N entries per group). */
  private readonly altSeen: Uint32Array;
  private readonly groupSeen: Uint32Array;
  private altStamp = 0;
  private groupStamp = 0;

  constructor(rows: number) {
    [this.altScore, this.altIdf, this.bestScore, this.bestIdf] = [0, 0, 0, 0].map(() => new Float32Array(rows)) as [Float32Array, Float32Array, Float32Array, Float32Array];
    [this.altRows, this.groupRows, this.altSeen, this.groupSeen] = [0, 0, 0, 0].map(() => new Uint32Array(rows)) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  }

  nextAlternative(): void {
    if (++this.altStamp === 0xffffffff) (this.altSeen.fill(0), (this.altStamp = 1));
  }

  nextGroup(): void {
    if (++this.groupStamp === 0xffffffff) (this.groupSeen.fill(0), (this.groupStamp = 1));
  }

  /** Lists `row` for the current alternative unless it already is; returns the new count. */
  listForAlternative(row: number, count: number): number {
    if (this.altSeen[row] === this.altStamp) return count;
    this.altSeen[row] = this.altStamp;
    this.altRows[count] = row;
    return count + 1;
  }

  listForGroup(row: number, count: number): number {
    if (this.groupSeen[row] === this.groupStamp) return count;
    this.groupSeen[row] = this.groupStamp;
    this.groupRows[count] = row;
    return count + 1;
  }
}

/** Per-index scratch, made on first search and reused: a search allocates only what it returns. */
export interface SearchScratch {
  sums?: ScoreAccumulator;
  alternatives?: AlternativeScratch;
}

/** A term's BM25 weight on one posting (double precision; sums are kept in single precision). */
function termWeight(index: Postings, idf: number, row: number, tf: number, average: number): number {
  const { k1, b } = index.params;
  const norm = k1 * (1 - b + (b * index.documentLengths[row]!) / average);
  return (idf * tf * (k1 + 1)) / (tf + norm);
}

/**
 * A group of one term (a plain Arabic question word): its postings straight into the sums, one pass.
 * Adds what the general path adds: each sum rounded to single precision as it goes.
 * Returns the group's mass when the term is in the collection, else 0.
 */
function scoreTerm(index: Postings, term: string, weight: number, k: number, bit: number, sums: ScoreAccumulator, groupOf?: Int32Array): number {
  const idf = weight * index.idf(term);
  const t = index.termId(term);
  if (t < 0) return 0;
  const average = index.averageLength || 1;
  const rounded = Math.fround(idf);
  const matched = rounded > 0 ? rounded : 0;
  const { offsets, postingRows, postingTf } = index;
  for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
    const row = postingRows[p]!;
    const score = Math.fround(termWeight(index, idf, row, postingTf[p]!, average));
    sums.addRow(row, score > 0 ? score : 0, matched, bit);
    if (groupOf) sums.addGroup(groupOf[row]!, k, matched, bit);
  }
  return Math.max(0, idf);
}

/**
 * A group of alternatives: a row scores the best alternative it contains; an alternative of several
 * terms scores the mean of its terms. Returns the mass of the best alternative present (0 if none).
 */
function scoreAlternatives(index: Postings, group: TermGroup, k: number, bit: number, sums: ScoreAccumulator, scratch: SearchScratch, groupOf?: Int32Array): number {
  const s = (scratch.alternatives ??= new AlternativeScratch(index.documentLengths.length));
  const average = index.averageLength || 1;
  const { offsets, postingRows, postingTf } = index;
  let mass = 0;
  let groupCount = 0;
  s.nextGroup();
  for (const { terms: altTerms, weight } of group.alternatives) {
    if (altTerms.length === 0) continue;
    s.nextAlternative();
    let altCount = 0;
    let present = false;
    let altMass = 0;
    for (const term of altTerms) {
      const idf = (weight * index.idf(term)) / altTerms.length;
      altMass += idf;
      const t = index.termId(term);
      if (t < 0) continue;
      present = true;
      for (let p = offsets[t]!; p < offsets[t + 1]!; p++) {
        const row = postingRows[p]!;
        altCount = s.listForAlternative(row, altCount);
        s.altScore[row]! += termWeight(index, idf, row, postingTf[p]!, average);
        s.altIdf[row]! += idf;
      }
    }
    if (present) mass = Math.max(mass, altMass);
    for (let i = 0; i < altCount; i++) {
      const row = s.altRows[i]!;
      groupCount = s.listForGroup(row, groupCount);
      if (s.altScore[row]! > s.bestScore[row]!) s.bestScore[row] = s.altScore[row]!;
      if (s.altIdf[row]! > s.bestIdf[row]!) s.bestIdf[row] = s.altIdf[row]!;
      s.altScore[row] = 0;
      s.altIdf[row] = 0;
    }
  }
  for (let i = 0; i < groupCount; i++) {
    const row = s.groupRows[i]!;
    sums.addRow(row, s.bestScore[row]!, s.bestIdf[row]!, bit);
    if (groupOf) sums.addGroup(groupOf[row]!, k, s.bestIdf[row]!, bit);
    s.bestScore[row] = 0;
    s.bestIdf[row] = 0;
  }
  return mass;
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
  queryGroups.forEach((group, k) => {
    const bit = k < 32 ? (1 << k) >>> 0 : 0;
    const only = group.alternatives.length === 1 && group.alternatives[0]!.terms.length === 1 ? group.alternatives[0]! : null;
    const found = only ? scoreTerm(index, only.terms[0]!, only.weight, k, bit, sums, groupOf) : scoreAlternatives(index, group, k, bit, sums, scratch, groupOf);
    const groupMass = group.mass ?? (found > 0 ? found : (group.absentMass ?? (only ? only.weight * index.idf(only.terms[0]!) : index.idf(''))));
    mass.termIdf.push(groupMass);
    mass.idfMass += groupMass;
    if (found > 0) mass.knownMass += groupMass;
  });
  return sums.finish(topK, mass);
}
