import type { IndexSnapshot } from '../index/snapshot.js';
import type { ScoredSearch } from '../index/bm25.js';
import { endLine } from '../text/lines.js';
import { idfOfBits } from './term-bits.js';
import { featureGroup, type FeatureGroup } from './feature-group.js';

/**
 * The passage's paragraph as context. Most held-out ranking misses on xquad-dev were another passage
 * of the right article; a question is written about one paragraph, and its words spread over the
 * passages that paragraph was cut into. The ±1 neighbours of `contextCoverage` cross paragraph breaks;
 * these stay inside the paragraph. Read from the BM25 search's per-row evidence (no passage text is analyzed).
 * (Tried and dropped, no held-out gain: the proximity lead over the neighbours, an answer-type word
 * near the question's words, the best BM25 of the passage and its neighbours.)
 */
export const PARAGRAPH_FEATURES = [
  'paragraphCoverage', // share of the query's IDF mass in the passage's paragraph (up to PARAGRAPH_REACH passages each side, first PARAGRAPH_CANDIDATES candidates: those the ranker learns from)
  'paragraphBm25', // the best BM25 in the paragraph, over the best passage's
] as const;

/** Passages read each side of a passage for its paragraph: bounds the work per candidate. */
export const PARAGRAPH_REACH = 2;
/** Candidates (in candidate order) whose paragraph is read; later ones count as their paragraph alone. */
const PARAGRAPH_CANDIDATES = 40;

/** Rows `row` and `row + 1` are one paragraph: same file, and the second starts on the line the first ends on. */
function sameParagraph(index: IndexSnapshot, row: number): boolean {
  const a = index.passages[row]!;
  const b = index.passages[row + 1]!;
  return a.source === b.source && a.page === b.page && b.line === endLine(a);
}

export function paragraphFeatures(index: IndexSnapshot, search: ScoredSearch, rows: readonly number[]): FeatureGroup {
  const mass = search.idfMass || 1;
  const top = search.hits[0]?.score || 1;
  return featureGroup(rows, PARAGRAPH_FEATURES.length, (values, at, row, position) => {
    let mask = search.termMaskOf(row);
    let best = search.scoreOf(row);
    for (let step = -1; step <= 1 && position < PARAGRAPH_CANDIDATES; step += 2) {
      for (let k = 1, at = row; k <= PARAGRAPH_REACH; k++, at += step) {
        const next = at + step;
        if (next < 0 || next >= index.passages.length || !sameParagraph(index, Math.min(at, next))) break;
        mask |= search.termMaskOf(next);
        best = Math.max(best, search.scoreOf(next));
      }
    }
    values[at] = idfOfBits(search.termIdf, mask) / mass;
    values[at + 1] = best / top;
  });
}
