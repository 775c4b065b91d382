import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { questionTerms, withNewsAlternatives } from '../../src/retrieve/query-terms.js';
import { analyze } from '../../src/text/analyze.js';

/** The rows of a lexical index over `passages` that `question` finds, best first (top 5), searched as answer.ts searches. */
export function searched(passages: string[], question: string): number[] {
  const builder = new Bm25Builder();
  for (const passage of passages) builder.add(analyze(passage));
  const index = builder.finish();
  return index.searchScored(withNewsAlternatives(index, questionTerms(index, question)), 5).hits.map((h) => h.row);
}
