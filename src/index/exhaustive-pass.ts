/**
 * The exhaustive BM25 pass: every posting of every query word added into the row sums (and each
 * document's sums), one word after another in query order, each weight and sum rounded to single
 * precision. The pruned passes (pruned-search.ts, rescored-search.ts) must end with the heap this pass
 * leaves; the pruned pass hands the rows it has not reached over to `scoreSingle` when pruning stops paying.
 */
import type { ResolvedGroup, ScoredTerm } from './row-sum.js';
import type { ScoreAccumulator } from './score-accumulator.js';
import { termWeight, type GroupDocuments, type PostingLists } from './term-facts.js';

/**
 * Scratch for groups of alternatives (an English word's translations, a name's spellings): the best
 * alternative's score and IDF per row, and the rows each alternative and group touched, in the order
 * they were first touched. Kept per index and left at zero after each group.
 */
export class AlternativeScratch {
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

/** A single-term group's IDF as it is summed (single precision, never negative). */
export function matchedIdf(term: ScoredTerm): number {
  const rounded = Math.fround(term.idf);
  return rounded > 0 ? rounded : 0;
}

/**
 * One term's postings straight into the sums: one pass, each sum rounded to single precision as the general
 * path rounds it. `from`: the first posting to read (the pruned pass hands its rest of the rows over here).
 */
export function scoreSingle(index: PostingLists, norms: Float64Array, term: ScoredTerm, k: number, bit: number, sums: ScoreAccumulator, groupOf?: Int32Array, from = term.id < 0 ? 0 : index.offsets[term.id]!): void {
  const { id, idf } = term; // read once: terms of several shapes reach here
  if (id < 0) return;
  const matched = matchedIdf(term);
  const { offsets, postingRows, postingTf } = index;
  const { k1 } = index.params;
  const end = offsets[id + 1]!;
  let lastGroup = -1; // postings run in row order, so a document's rows come one after another
  for (let p = from; p < end; p++) {
    const row = postingRows[p]!;
    const score = Math.fround(termWeight(k1, idf, postingTf[p]!, norms[row]!));
    sums.addRow(row, score > 0 ? score : 0);
    if (groupOf && groupOf[row] !== lastGroup) sums.addGroup((lastGroup = groupOf[row]!), k, matched, bit);
  }
}

/**
 * A group's rows in the order it first meets them (alternative by alternative, term by term, row by row), each
 * with its best alternative's score (unless `scores` is false) and IDF in `s.bestScore` / `s.bestIdf`; returns
 * how many are listed in `s.groupRows`. `from`: each term's first posting to read (terms numbered alternative
 * by alternative), else its whole list.
 */
function walkAlternatives(index: PostingLists, norms: Float64Array, group: ResolvedGroup, s: AlternativeScratch, scores: boolean, from?: Uint32Array): number {
  const { offsets, postingRows, postingTf } = index;
  const { k1 } = index.params;
  let groupCount = 0;
  let t = 0;
  s.nextGroup();
  for (const terms of group.alternatives) {
    s.nextAlternative();
    let altCount = 0;
    for (const { id, idf } of terms) {
      const start = from ? from[t] : undefined;
      t++;
      if (id < 0) continue;
      for (let p = start ?? offsets[id]!; p < offsets[id + 1]!; p++) {
        const row = postingRows[p]!;
        altCount = s.listForAlternative(row, altCount);
        if (scores) s.altScore[row]! += termWeight(k1, idf, postingTf[p]!, norms[row]!);
        s.altIdf[row]! += idf;
      }
    }
    for (let i = 0; i < altCount; i++) {
      const row = s.altRows[i]!;
      groupCount = s.listForGroup(row, groupCount);
      if (s.altScore[row]! > s.bestScore[row]!) s.bestScore[row] = s.altScore[row]!;
      if (s.altIdf[row]! > s.bestIdf[row]!) s.bestIdf[row] = s.altIdf[row]!;
      s.altScore[row] = 0;
      s.altIdf[row] = 0;
    }
  }
  return groupCount;
}

/**
 * A row scores the best alternative it contains; an alternative of several terms scores the mean of its terms.
 * `from`: see walkAlternatives (the pruned pass hands its rest of the rows over here).
 */
export function scoreAlternatives(index: PostingLists, norms: Float64Array, group: ResolvedGroup, k: number, sums: ScoreAccumulator, scratch: { alternatives?: AlternativeScratch }, groupOf?: Int32Array, from?: Uint32Array): void {
  const s = (scratch.alternatives ??= new AlternativeScratch(index.documentLengths.length));
  const groupCount = walkAlternatives(index, norms, group, s, true, from);
  for (let i = 0; i < groupCount; i++) {
    const row = s.groupRows[i]!;
    sums.addRow(row, s.bestScore[row]!);
    if (groupOf) sums.addGroup(groupOf[row]!, k, s.bestIdf[row]!, group.bit);
    s.bestScore[row] = 0;
    s.bestIdf[row] = 0;
  }
}

/** What a group adds to each document's sums (each document once, at the IDF of its first row in the group's order, as scoreAlternatives adds it), from a walk of its postings that computes no score. */
export function alternativeDocuments(index: PostingLists, norms: Float64Array, group: ResolvedGroup, scratch: { alternatives?: AlternativeScratch }, groupOf: Int32Array): GroupDocuments {
  const s = (scratch.alternatives ??= new AlternativeScratch(index.documentLengths.length));
  const groupCount = walkAlternatives(index, norms, group, s, false);
  const first = new Map<number, number>();
  for (let i = 0; i < groupCount; i++) {
    const row = s.groupRows[i]!;
    const document = groupOf[row]!;
    if (!first.has(document)) first.set(document, s.bestIdf[row]!);
    s.bestScore[row] = 0;
    s.bestIdf[row] = 0;
  }
  return { documents: Uint32Array.from(first.keys()), idf: Float32Array.from(first.values()) };
}
