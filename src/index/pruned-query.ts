/*
 * A query's words and groups of alternatives as the pruned pass (pruned-search.ts) takes them: the known terms as its
 * cursors, each group as its alternatives' cursor numbers, and each document's sums added as the exhaustive pass adds them.
 */
import { alternativeDocuments, matchedIdf, type AlternativeScratch } from './exhaustive-pass.js';
import { prunedTopRows, type PrunedTerm } from './pruned-search.js';
import type { PrunedUnit, ResolvedGroup } from './row-sum.js';
import type { ScoreAccumulator } from './score-accumulator.js';
import { heapTrace, type EvidenceReader, type HeapTrace, type QueryMass, type ScoredSearch } from './scored-search.js';
import type { PostingLists, TermFacts } from './term-facts.js';

/** A group's key for TermFacts.groupDocuments: its terms and their IDF shares, alternative by alternative. */
function groupKey(group: ResolvedGroup): string {
  return group.alternatives.map((terms) => terms.map((t) => `${t.id}:${t.idf}`).join(',')).join('|');
}

/**
 * A query of words and groups of alternatives (in query order; id −1 for terms the index lacks): hits from the
 * pruned pass, each document's sums from its words' document lists and its groups' kept document sums (what
 * the full pass adds, in the same order). A group's terms are pruned as words are: a row's group score is at most
 * the sum of its terms' weights, so the words' bounds, summed over every term, still bound the row.
 */
export function prunedSearch(
  index: PostingLists,
  norms: Float64Array,
  facts: TermFacts,
  resolved: readonly ResolvedGroup[],
  sums: ScoreAccumulator,
  topK: number,
  mass: QueryMass,
  evidence: EvidenceReader,
  trace: Omit<HeapTrace, 'rows' | 'floor'>,
  scratch: { alternatives?: AlternativeScratch },
  groupOf?: Int32Array,
): ScoredSearch {
  const terms: PrunedTerm[] = [];
  const units: PrunedUnit[] = [];
  resolved.forEach((group, k) => {
    if (group.single) {
      const term = group.alternatives[0]![0]!;
      if (term.id < 0) return;
      if (groupOf) sums.addGroups(facts.documentsOf(term.id, groupOf), k, matchedIdf(term), group.bit);
      units.push(terms.length);
      terms.push(term);
      return;
    }
    if (groupOf) {
      const found = facts.groupDocuments(groupKey(group), groupOf, () => alternativeDocuments(index, norms, group, scratch, groupOf));
      sums.addGroupsAt(found.documents, found.idf, k, group.bit);
    }
    const alternatives: number[][] = [];
    for (const alternative of group.alternatives) {
      const known: number[] = [];
      for (const term of alternative) if (term.id >= 0) (known.push(terms.length), terms.push(term));
      if (known.length > 0) alternatives.push(known);
    }
    if (alternatives.length > 0) units.push(alternatives);
  });
  const grouped = units.some((unit) => typeof unit !== 'number');
  const heap = prunedTopRows(index, norms, terms, facts, topK, sums, grouped ? units : null, scratch);
  return sums.finishGroups(heap.sorted(), mass, evidence, heapTrace(trace, heap.trace()));
}
