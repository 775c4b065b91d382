import type { ScoreAccumulator } from './score-accumulator.js';
import type { EvidenceReader, QueryMass, ScoredSearch } from './scored-search.js';
import { BLOCK, BLOCK_ROUNDING, BLOCK_SHIFT, seek, termWeight, type PostingLists, type TermFacts } from './term-facts.js';
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
 * A query word of several alternatives (a misspelt word's variants, an English word's translations), scored
 * beforehand the way the exhaustive pass scores it: the rows holding any of its terms, increasing, with the
 * word's single-precision weight on each, and what it adds to each document's sums, in the order the
 * exhaustive pass adds it. Such words are short lists (rare variants), so scoring them whole costs little;
 * the question's common words still take the pruned reading.
 */
export class ScoredRows {
  /** Largest weight of each block of BLOCK rows (block-max), a hair above, and of all. */
  readonly blocks: Float64Array;
  readonly max: number;

  constructor(
    readonly rows: Uint32Array,
    readonly weights: Float32Array,
    /** Rows in the order the exhaustive pass meets them, and the IDF each matches (documents count their first). */
    readonly touched: Uint32Array,
    readonly touchedIdf: Float32Array,
  ) {
    this.blocks = new Float64Array((rows.length + BLOCK - 1) >>> BLOCK_SHIFT);
    let max = 0;
    for (let b = 0; b < this.blocks.length; b++) {
      let block = 0;
      for (let p = b * BLOCK; p < Math.min(rows.length, (b + 1) * BLOCK); p++) if (weights[p]! > block) block = weights[p]!;
      this.blocks[b] = block * BLOCK_ROUNDING;
      if (block > max) max = block;
    }
    this.max = max;
  }
}

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
  terms: readonly PrunedWord[],
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
  /** At the current row: a term's frequency (0: absent), or 1 where a word scored beforehand holds it, its weight in `weightAt`. */
  const tfAt = new Uint16Array(n);
  const weightAt = new Float64Array(n);
  // Each word's list: a term's postings in the index, or the rows of a word scored beforehand.
  const rowsOf = terms.map((t) => t.scored?.rows ?? postingRows);
  terms.forEach((t, i) => {
    start[i] = pos[i] = t.scored ? 0 : offsets[t.id]!;
    end[i] = t.scored ? t.scored.rows.length : offsets[t.id + 1]!;
  });
  /** Reads list i at `row` into tfAt / weightAt (its position must be at or past the row's). */
  const readAt = (i: number, row: number) => {
    const p = pos[i]!;
    const holds = p < end[i]! && rowsOf[i]![p] === row;
    const scored = terms[i]!.scored;
    tfAt[i] = holds ? (scored ? 1 : postingTf[p]!) : 0;
    weightAt[i] = holds && scored ? scored.weights[p]! : 0;
  };
  /** The weight of list i at the row read last (unrounded for a term, as its bound is). */
  const weight = (i: number, row: number) => (terms[i]!.scored ? weightAt[i]! : termWeight(k1, terms[i]!.idf, tfAt[i]!, norms[row]!));
  /** The row's score from `tfAt`, in query order, as the exhaustive pass sums it. */
  const exact = (row: number): number => {
    let score = 0;
    for (let i = 0; i < n; i++) {
      if (tfAt[i]! === 0) continue;
      const w = Math.fround(weight(i, row));
      score = Math.fround(score + (w > 0 ? w : 0));
    }
    return score;
  };
  // The first rows enter as they are, whatever they score (as a heap over every row would take them).
  for (let row = 0; row < heap.limit; row++) {
    for (let i = 0; i < n; i++) {
      pos[i] = seek(rowsOf[i]!, pos[i]!, end[i]!, row);
      readAt(i, row);
    }
    heap.push(row, exact(row));
  }
  for (let i = 0; i < n; i++) pos[i] = seek(rowsOf[i]!, pos[i]!, end[i]!, heap.limit);

  // Terms by upper bound, weakest first; prefix[j]: the bounds of the j weakest together. A block's bound
  // is its factor times the term's IDF, or for a word scored beforehand its largest weight (times 1).
  const bound = terms.map((t) => (t.scored ? t.scored.max : t.idf * facts.maxFactor(t.id)) * SLACK);
  const blocks = terms.map((t) => t.scored?.blocks ?? facts.blockFactors(t.id));
  const scale = terms.map((t) => (t.scored ? 1 : t.idf));
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
      if (pos[i]! < end[i]! && rowsOf[i]![pos[i]!]! < row) row = rowsOf[i]![pos[i]!]!;
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
        blockUpper += scale[i]! * blocks[i]![block]!;
        const blockLast = rowsOf[i]![Math.min(end[i]!, start[i]! + (block + 1) * BLOCK) - 1]!;
        if (blockLast < last) last = blockLast;
      }
      if (!heap.admits(blockUpper * SLACK)) {
        for (let j = weak; j < n; j++) pos[order[j]!] = seek(rowsOf[order[j]!]!, pos[order[j]!]!, end[order[j]!]!, last + 1);
        continue;
      }
      windowEnd = last;
    }
    let upper = prefix[weak]!;
    for (let j = weak; j < n; j++) {
      const i = order[j]!;
      readAt(i, row);
      if (tfAt[i]) {
        upper += weight(i, row);
        pos[i]!++;
      }
    }
    if (!heap.admits(upper * SLACK)) continue;
    // The non-essential terms, strongest first, each bound replaced by the row's real weight: most rows
    // are ruled out before every term is looked up.
    let admitted = true;
    for (let j = weak - 1; j >= 0 && admitted; j--) {
      const i = order[j]!;
      pos[i] = seek(rowsOf[i]!, pos[i]!, end[i]!, row);
      readAt(i, row);
      upper += (tfAt[i] ? weight(i, row) : 0) - bound[i]!;
      admitted = heap.admits(upper * SLACK);
    }
    if (admitted) heap.push(row, exact(row));
  }
  return heap.sorted();
}

/**
 * A query word as the search resolved it: one term (id −1 when absent), or `scored` for a word of
 * alternatives; what it adds to a document's sums, and its bit.
 */
export interface PrunedWord extends PrunedTerm {
  matched: number;
  bit: number;
  scored?: ScoredRows;
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
      const scored = word.scored;
      if (scored) for (let i = 0; i < scored.touched.length; i++) sums.addGroup(groupOf[scored.touched[i]!]!, k, scored.touchedIdf[i]!, word.bit);
      else if (word.id >= 0) sums.addGroups(facts.documentsOf(word.id, groupOf), k, word.matched, word.bit);
    });
  }
  const known = words.filter((w) => (w.scored ? w.scored.rows.length > 0 : w.id >= 0));
  return sums.finishGroups(prunedTopRows(index, norms, known, facts, topK), mass, evidence);
}
