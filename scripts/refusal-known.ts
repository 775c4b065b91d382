/**
 * Round 17's candidates for scripts/refusal-variants.ts (eval/JOURNAL.md, "Ranking and refusal, round 17"): the
 * evidence of #1 over the known words only, the roots of unknown words, and the refusal without its legs' squares.
 */
import type { IndexSnapshot } from '../src/index/snapshot.js';
import { withSquares } from '../src/retrieve/ranker.js';
import { rootKey } from '../src/text/root-key.js';

/** The root keys of every word the collection (this fold's index) uses. */
const rootsOf = new WeakMap<IndexSnapshot, Set<string>>();
export function knownRoots(index: IndexSnapshot): Set<string> {
  let roots = rootsOf.get(index);
  if (!roots) rootsOf.set(index, (roots = new Set(index.lexical.vocabulary().map((t) => rootKey(t)))));
  return roots;
}

/**
 * #1's evidence over the mass of the question words the collection KNOWS rather than over every word (an
 * unknown word weighs the most of all, whether a name of a missing article or a common word a small collection
 * lacks: وين راح الجعفري؟ over the seeds): the share of the known mass #1 holds, with its neighbours, and in its
 * document. Ratios the logistic (with squares) cannot form from `coverage` and `knownShare` itself.
 */
export function knownRatios(names: readonly string[], values: readonly number[]): Record<string, number> {
  const at = (n: string) => values[names.indexOf(n)] ?? 0;
  const known = Math.max(1e-6, at('knownShare'));
  return {
    knownCoverage: Math.min(1, at('coverage') / known),
    knownContextCoverage: Math.min(1, at('contextCoverage') / known),
    knownDocCoverage: Math.min(1, at('docCoverage') / known),
  };
}

/** The legs' features (a leg fires on few questions: its square extrapolates), read without their squares. */
const LEG_FEATURE = /^(variants|derived|roots|translation|dense)(Rank)?$/;
export function squaresBut(names: readonly string[], values: readonly number[]): { names: string[]; values: number[] } {
  const sq = withSquares(names, values);
  const keep = sq.names.flatMap((n, j) => (n.endsWith('^2') && LEG_FEATURE.test(n.slice(0, -2)) ? [] : [j]));
  return { names: keep.map((j) => sq.names[j]!), values: keep.map((j) => sq.values[j]!) };
}

