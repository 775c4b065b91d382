/**
 * A hybrid question searches its dense leg before the lexical ones (for the caches: bench/README.md, round 28):
 * the evidence is what the lexical legs and then the dense leg, searched in that order, give.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/open-collection.js';
import { gatherEvidence, searchDepth } from '../../src/retrieve/answer.js';
import { buildCandidates, snapshotContext, type LegHits } from '../../src/retrieve/features.js';
import { questionTerms, withNewsAlternatives } from '../../src/retrieve/query-terms.js';
import { searchVariantLegs } from '../../src/retrieve/variant-leg.js';
import { questionType } from '../../src/text/question-type.js';
import type { IndexSnapshot } from '../../src/index/snapshot.js';
import { CountingEmbedder } from '../fakes/counting-embedder.js';
import { setup, withModel } from '../helpers/collection-setup.js';

let index: IndexSnapshot;
const embedder = new CountingEmbedder();

beforeAll(async () => {
  const { config, log } = setup();
  index = (await openIndex(config, { log, loadModel: withModel(embedder) })).snapshot;
}, 60_000);

/** The evidence as the legs searched lexical first, dense last give it (the order before round 28). */
async function lexicalFirst(question: string) {
  const depth = searchDepth();
  const { docOf, docs } = snapshotContext(index);
  const terms = questionTerms(index.lexical, question);
  const search = index.lexical.searchScored(withNewsAlternatives(index.lexical, terms), depth, docOf, docs);
  const variants = searchVariantLegs(index.lexical, terms, depth, search);
  const rowOf = new Map(index.passages.map((p, row) => [p.id, row]));
  const dense = (await index.vectors!.query(await embedder.embedQuery(question), depth)).map((hit) => ({ row: rowOf.get(hit.id)!, score: hit.score }));
  const legs: LegHits[] = [{ name: 'variants', hits: variants.spelling }, { name: 'derived', hits: variants.derived }, { name: 'dense', hits: dense }];
  return { dense, set: buildCandidates(index, search, legs, questionType(question), depth * 2) };
}

describe('the dense leg searched first', () => {
  it.each(['من يرأس وفد النظام السوري؟', 'متى بدأت الجولة الرابعة من المحادثات في أستانا؟', 'ما موقف الوفد التركي من الهدنة؟'])(
    'gives the candidates and features the lexical-first order gives: %s',
    async (question) => {
      const { set, mode } = await gatherEvidence(index, embedder, question);
      const expected = await lexicalFirst(question);
      expect(mode).toBe('hybrid');
      expect(expected.dense.length).toBeGreaterThan(0);
      // The dense leg's hits are candidates, and its features come last, as before.
      expect(set.names.slice(-2)).toEqual(['dense', 'denseRank']);
      expect(set.candidates.map((c) => c.row)).toEqual(expect.arrayContaining([expected.dense[0]!.row]));
      expect(set).toEqual(expected.set);
    },
  );
});
