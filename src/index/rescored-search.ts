import { BOUND_SLACK, sumRow, type ResolvedGroup } from './row-sum.js';
import type { HeapTrace, RowEvidence } from './scored-search.js';
import { seek, termWeight, type PostingLists, type TermFacts } from './term-facts.js';
import { TopK } from './top-k.js';
import { summedTopRows } from './summed-rescore.js';

/** Past the last posting of a list. */
const DONE = 0xffffffff;
/**
 * Rows are bounded by look-ups only when what that reads (the respelled words' postings, and a look-up per
 * kept word for each row that entered the base heap) is at most this share of all the query's postings: a
 * row read that way (a merge step, bounds, look-ups) costs several postings of the full pass. Above it the
 * kept words' postings are summed in one pass instead (summedTopRows). Over the 100k bench's 40 questions
 * that search the variant legs, sum of minima 18.1 / 17.2 / 17.5 ms at 0.02 / 0.05 / 0.15 (bench/README.md, round 13).
 */
const MAX_RESPELLED_SHARE = 0.05;

/**
 * The top `topK` rows of a query that repeats an earlier search's words except that some words are
 * searched by other spellings too (the spelling-variant legs: a group of alternatives where the earlier
 * search had the word alone, or nothing it held), exactly as the exhaustive pass ranks them, from what
 * that search's heap recorded (`base`). Each row scores at least what it scored there (a word's group
 * holds the word itself, or the word was absent), so the new heap's worst kept score never falls below
 * the old one's; a row that holds no term of a respelled word scores what it scored there, and so could
 * enter only if it entered there. What is left to read: the rows that entered there, and the rows of the
 * respelled words' postings, each bounded by the old floor plus its respelled words' weights (and by its
 * other words' largest weights, looked up strongest first) before its score is summed. Rows are pushed in
 * row order and a row is skipped only when its bound is at most the heap's worst kept score, so the heap,
 * ties included, ends as the full pass leaves it. Null when the query does not extend `base` that way.
 * When the respelled words are common (MAX_RESPELLED_SHARE), the rows are bounded by summedTopRows instead.
 */
export function rescoredTopRows(
  index: PostingLists,
  norms: Float64Array,
  facts: TermFacts,
  groups: readonly ResolvedGroup[],
  base: HeapTrace,
  topK: number,
  scratch: { rowBounds?: Float64Array },
): Array<{ index: number; score: number }> | null {
  const limit = Math.min(topK, index.documentLengths.length);
  if (base.source !== index || base.limit !== limit || limit === 0 || base.words.length !== groups.length) return null;
  // Every term of the query in order (groups, alternatives, terms), and which of them are respelled words'.
  const terms = groups.flatMap((g) => g.alternatives.flat());
  const kept: number[] = []; // positions of words searched as before (one term each)
  const respelled: number[] = []; // positions of the terms of words searched by other spellings too
  const respelledGroups: ResolvedGroup[] = [];
  let t = 0;
  for (let k = 0; k < groups.length; k++) {
    const group = groups[k]!;
    const was = base.words[k];
    const size = group.alternatives.reduce((sum, a) => sum + a.length, 0);
    if (!was) return null;
    const same = (term: { id: number; idf: number }) => term.id === was.id && term.idf === was.idf;
    if (group.single && same(group.alternatives[0]![0]!)) kept.push(t);
    else if (was.id < 0 || group.alternatives.some((a) => a.length === 1 && same(a[0]!))) {
      for (let i = 0; i < size; i++) respelled.push(t + i);
      respelledGroups.push(group);
    } else return null;
    t += size;
  }
  const { k1 } = index.params;
  const { offsets, postingRows, postingTf } = index;
  const postings = (i: number) => (terms[i]!.id < 0 ? 0 : offsets[terms[i]!.id + 1]! - offsets[terms[i]!.id]!);
  let all = 0;
  let read = base.rows.length * kept.length; // the rows that entered there are looked up in every kept word
  terms.forEach((_, i) => (all += postings(i)));
  for (const i of respelled) read += postings(i);
  if (read > MAX_RESPELLED_SHARE * all) return summedTopRows(index, norms, groups, terms, respelled, base, limit, scratch);
  const n = terms.length;
  const pos = new Uint32Array(n);
  const end = new Uint32Array(n);
  terms.forEach((term, i) => {
    if (term.id < 0) return;
    pos[i] = offsets[term.id]!;
    end[i] = offsets[term.id + 1]!;
  });
  const tf = new Uint16Array(n);
  // The respelled words' lists are walked whole (their rows are the candidates); the kept words' are looked up.
  const rowAt = Uint32Array.from(respelled, (i) => (pos[i]! < end[i]! ? postingRows[pos[i]!]! : DONE));
  const rest = Float64Array.from(kept, (i) => (terms[i]!.id < 0 ? 0 : terms[i]!.idf * facts.maxFactor(terms[i]!.id)));
  // Pushed, not mapped: sorting a `.map` result threw this function's optimized code away ('wrong map') the first
  // time it ran optimized (an inlined `.map` makes a holey array where the builtin made a packed one; feature-group.ts).
  const order: number[] = [];
  for (let j = 0; j < kept.length; j++) order.push(j);
  order.sort((a, b) => rest[b]! - rest[a]! || a - b);
  let restSum = 0;
  for (const r of rest) restSum += r;
  const lookUp = (j: number, row: number): number => {
    const i = kept[j]!;
    pos[i] = seek(postingRows, pos[i]!, end[i]!, row);
    tf[i] = pos[i]! < end[i]! && postingRows[pos[i]!] === row ? postingTf[pos[i]!]! : 0;
    return tf[i] ? termWeight(k1, terms[i]!.idf, tf[i]!, norms[row]!) : 0;
  };
  const heap = new TopK(limit);
  const sum: RowEvidence = { score: new Float32Array(1), matchedIdf: new Float32Array(1), termMask: new Uint32Array(1) };
  const entered = base.rows;
  let e = 0;
  let floor = 0;
  for (;;) {
    let row = e < entered.length ? entered[e]! : DONE;
    for (let j = 0; j < respelled.length; j++) if (rowAt[j]! < row) row = rowAt[j]!;
    if (row === DONE) break;
    const wasIn = e < entered.length && entered[e] === row;
    if (wasIn) floor = base.floor[e++]!;
    for (let j = 0; j < respelled.length; j++) {
      const i = respelled[j]!;
      if (rowAt[j] !== row) {
        tf[i] = 0;
        continue;
      }
      tf[i] = postingTf[pos[i]!++]!;
      rowAt[j] = pos[i]! < end[i]! ? postingRows[pos[i]!]! : DONE;
    }
    if (wasIn) {
      for (let j = 0; j < kept.length; j++) lookUp(j, row);
    } else {
      // What the respelled words add here; the rest of the row scored at most `floor` in the base search.
      let added = 0;
      let at = 0;
      for (const group of respelledGroups) {
        let best = 0;
        for (const alternative of group.alternatives) {
          let w = 0;
          for (const term of alternative) {
            const f = tf[respelled[at++]!]!;
            if (f) w += termWeight(k1, term.idf, f, norms[row]!);
          }
          if (w > best) best = w;
        }
        added += best;
      }
      let known = 0;
      let unknown = restSum;
      let admitted = heap.admits((added + Math.min(floor, unknown)) * BOUND_SLACK);
      for (let o = 0; o < order.length && admitted; o++) {
        const j = order[o]!;
        known += lookUp(j, row);
        unknown -= rest[j]!;
        admitted = heap.admits((added + Math.min(floor, known + unknown)) * BOUND_SLACK);
      }
      if (!admitted) continue;
    }
    sumRow(k1, groups, tf, 0, 1, norms[row]!, sum, 0);
    heap.push(row, sum.score[0]!);
  }
  return heap.sorted();
}
