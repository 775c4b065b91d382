import type { ScoreAccumulator } from './score-accumulator.js';
import type { EvidenceReader, QueryMass, ScoredSearch } from './scored-search.js';
import { BLOCK, BLOCK_SHIFT, seek, termWeight, type PostingLists, type TermFacts } from './term-facts.js';
import { TopK } from './top-k.js';

/** A query word of one term: its number in the index (−1 when absent) and its (query-weighted) IDF. */
export interface PrunedTerm {
  id: number;
  idf: number;
}

/**
 * Rounding slack on an upper bound: scores are sums of up to 32 single-precision weights, each step
 * off by at most 2⁻²⁴ of the sum; 10⁻⁵ of it covers that many times over.
 */
const SLACK = 1 + 1e-5;

/**
 * The top `topK` rows of a query of single-term words, exactly as the exhaustive pass ranks them (a
 * heap fed rows 0…topK−1, then every row holding a term, in row order), but reading only what can
 * change that heap (MaxScore, Turtle & Flood 1995). Rows are visited in row order through the postings
 * of the "essential" terms; a term becomes non-essential once the upper bounds of it and every
 * weaker term together cannot beat the heap's worst kept score, and is then only looked up for rows the
 * essential terms bring. A row is skipped only when its score's upper bound is at most that worst
 * score: its push would have changed nothing, so the heap, ties included, ends exactly as it does
 * after the full pass. Windows of rows whose essential blocks' maxima together cannot beat that worst
 * score are skipped whole (block-max MaxScore, Ding & Suel 2011). Scores are summed in query order
 * with single-precision rounding, as there.
 */
function prunedTopRows(
  index: PostingLists,
  norms: Float64Array,
  terms: readonly PrunedTerm[],
  facts: TermFacts,
  topK: number,
): Array<{ index: number; score: number }> {
  const { k1 } = index.params;
  const heap = new TopK(Math.min(topK, index.documentLengths.length));
  if (heap.limit === 0) return [];
  const { offsets, postingRows, postingTf } = index;
  const n = terms.length;
  const pos = new Uint32Array(n);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const tfAt = new Uint16Array(n);
  terms.forEach((t, i) => {
    start[i] = pos[i] = offsets[t.id]!;
    end[i] = offsets[t.id + 1]!;
  });
  /** The row's score from `tfAt`, in query order, as the exhaustive pass sums it. */
  const exact = (row: number): number => {
    let score = 0;
    for (let i = 0; i < n; i++) {
      const tf = tfAt[i]!;
      if (tf === 0) continue;
      const w = Math.fround(termWeight(k1, terms[i]!.idf, tf, norms[row]!));
      score = Math.fround(score + (w > 0 ? w : 0));
    }
    return score;
  };
  // The first rows enter as they are, whatever they score (as a heap over every row would take them).
  for (let row = 0; row < heap.limit; row++) {
    for (let i = 0; i < n; i++) {
      pos[i] = seek(postingRows, pos[i]!, end[i]!, row);
      tfAt[i] = pos[i]! < end[i]! && postingRows[pos[i]!] === row ? postingTf[pos[i]!]! : 0;
    }
    heap.push(row, exact(row));
  }
  for (let i = 0; i < n; i++) pos[i] = seek(postingRows, pos[i]!, end[i]!, heap.limit);

  // Terms by upper bound, weakest first; prefix[j]: the bounds of the j weakest together.
  const bound = terms.map((t) => t.idf * facts.maxFactor(t.id) * SLACK);
  const blocks = terms.map((t) => facts.blockFactors(t.id));
  const order = terms.map((_, i) => i).sort((a, b) => bound[a]! - bound[b]! || a - b);
  const prefix = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) prefix[j + 1] = prefix[j]! + bound[order[j]!]!;
  let weak = 0; // order[0 … weak−1] are non-essential
  let windowEnd = -1; // rows up to here lie in blocks whose bound was checked
  for (;;) {
    while (weak < n && !heap.admits(prefix[weak + 1]!)) weak++;
    if (weak === n) break;
    let row = 0xffffffff;
    for (let j = weak; j < n; j++) {
      const i = order[j]!;
      if (pos[i]! < end[i]! && postingRows[pos[i]!]! < row) row = postingRows[pos[i]!]!;
    }
    if (row === 0xffffffff) break;
    // Block-max, once per window of rows: the essential terms' current blocks bound every row up to
    // the end of the first of them to end; when that bound cannot enter the heap, no row of the window
    // can, and the window is skipped (the heap's worst score only rises, so a bound that failed stays failed).
    if (row > windowEnd) {
      let blockUpper = prefix[weak]!;
      let last = 0xffffffff;
      for (let j = weak; j < n; j++) {
        const i = order[j]!;
        if (pos[i]! >= end[i]!) continue;
        const block = (pos[i]! - start[i]!) >>> BLOCK_SHIFT;
        blockUpper += terms[i]!.idf * blocks[i]![block]!;
        const blockLast = postingRows[Math.min(end[i]!, start[i]! + (block + 1) * BLOCK) - 1]!;
        if (blockLast < last) last = blockLast;
      }
      if (!heap.admits(blockUpper * SLACK)) {
        for (let j = weak; j < n; j++) pos[order[j]!] = seek(postingRows, pos[order[j]!]!, end[order[j]!]!, last + 1);
        continue;
      }
      windowEnd = last;
    }
    let upper = prefix[weak]!;
    for (let j = weak; j < n; j++) {
      const i = order[j]!;
      if (pos[i]! < end[i]! && postingRows[pos[i]!] === row) {
        tfAt[i] = postingTf[pos[i]!]!;
        upper += termWeight(k1, terms[i]!.idf, tfAt[i]!, norms[row]!);
        pos[i]!++;
      } else tfAt[i] = 0;
    }
    if (!heap.admits(upper * SLACK)) continue;
    // The non-essential terms, strongest first, each bound replaced by the row's real weight: most rows
    // are ruled out before every term is looked up.
    let admitted = true;
    for (let j = weak - 1; j >= 0 && admitted; j--) {
      const i = order[j]!;
      pos[i] = seek(postingRows, pos[i]!, end[i]!, row);
      tfAt[i] = pos[i]! < end[i]! && postingRows[pos[i]!] === row ? postingTf[pos[i]!]! : 0;
      upper += (tfAt[i] ? termWeight(k1, terms[i]!.idf, tfAt[i]!, norms[row]!) : 0) - bound[i]!;
      admitted = heap.admits(upper * SLACK);
    }
    if (admitted) heap.push(row, exact(row));
  }
  return heap.sorted();
}

/** A query word of one term as the search resolved it: what it adds to a document's sums, and its bit. */
export interface PrunedWord extends PrunedTerm {
  matched: number;
  bit: number;
}

/**
 * A query of single-term words (in query order; id −1 for words the index lacks): hits from the pruned
 * pass, each document's sums from its terms' document lists (what the full pass adds, in the same order).
 */
export function prunedSearch(
  index: PostingLists,
  norms: Float64Array,
  facts: TermFacts,
  words: readonly PrunedWord[],
  sums: ScoreAccumulator,
  topK: number,
  mass: QueryMass,
  evidence: EvidenceReader,
  groupOf?: Int32Array,
): ScoredSearch {
  if (groupOf) {
    words.forEach((word, k) => {
      if (word.id >= 0) sums.addGroups(facts.documentsOf(word.id, groupOf), k, word.matched, word.bit);
    });
  }
  const known = words.filter((w) => w.id >= 0);
  return sums.finishGroups(prunedTopRows(index, norms, known, facts, topK), mass, evidence);
}
