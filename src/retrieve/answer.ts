import type { Embedder } from '../embed/embedder.js';
import { IsnadError } from '../errors.js';
import { analyze } from '../text/analyze.js';
import { hasArabicLetters, hasLatinLetters } from '../text/language.js';
import type { DictdDictionary } from '../translate/dictd.js';
import { englishQueryGroups, writtenWordsMatcher, type TranslationSettings } from '../translate/english.js';
import type { IndexSnapshot } from '../index/snapshot.js';
import type { Answer, RetrievalMode, ScoredPassage } from '../types.js';
import { collapseNearDuplicates, reciprocalRankFusion, type Ranked } from './fuse.js';
import { cleanQuestion } from './question.js';
import { questionTerms } from './query-terms.js';
import { searchVariants, variantMatcherFor } from './variant-leg.js';

export const DEFAULT_TOP = 3;
export const MAX_TOP = 10;

/**
 * When to say "the collection does not answer this". Calibrated on eval/dev.jsonl (see README):
 * lexical evidence is the share of the question's IDF mass found in one passage; dense evidence is
 * cosine similarity, which only a real model makes meaningful.
 */
export interface AbstentionRule {
  minLexicalCoverage: number;
  minDenseScore: number;
}

export const DEFAULT_ABSTENTION: AbstentionRule = { minLexicalCoverage: 0.3, minDenseScore: 0.82 };

export interface RetrieveOptions {
  top?: number;
  /** Restrict to one leg (evaluation); default: every leg available. */
  mode?: RetrievalMode;
  abstention?: AbstentionRule;
  /** How deep each leg looks before fusion. */
  candidates?: number;
  /** The English→Arabic dictionary, asked for only when a question has Latin words; null when not installed. */
  dictionary?: () => DictdDictionary | null;
  /** Overrides of the translation leg's weights (cross-validation). */
  translation?: Partial<TranslationSettings>;
}

/** Row of each passage id, built once per index snapshot (rebuilding it per query cost 30 ms at 100k). */
const rowsById = new WeakMap<IndexSnapshot, Map<string, number>>();

function rowOfId(index: IndexSnapshot): Map<string, number> {
  let rows = rowsById.get(index);
  if (!rows) rowsById.set(index, (rows = new Map(index.passages.map((p, row) => [p.id, row]))));
  return rows;
}

export function denseAvailable(index: IndexSnapshot, embedder: Embedder | null): embedder is Embedder {
  return embedder !== null && index.vectors !== null && index.manifest.model?.id === embedder.modelId;
}

export async function answerQuestion(
  index: IndexSnapshot,
  embedder: Embedder | null,
  rawQuestion: string,
  options: RetrieveOptions = {},
): Promise<Answer> {
  const query = cleanQuestion(rawQuestion);
  const top = Math.max(1, Math.min(MAX_TOP, Math.floor(options.top ?? DEFAULT_TOP)));
  const rule = options.abstention ?? DEFAULT_ABSTENTION;
  const depth = Math.max(options.candidates ?? 50, top * 3);
  const wantLexical = options.mode !== 'dense';
  const wantDense = options.mode !== 'lexical' && denseAvailable(index, embedder);
  if (options.mode === 'dense' && !wantDense) {
    throw new IsnadError('MODEL_UNAVAILABLE', 'Dense retrieval needs a loaded model and an index built with it. Run with --mode lexical, or make the model available.');
  }

  // Latin words with a dictionary at hand: the translation leg. An English-only question skips the
  // Arabic leg (the translation leg keeps the words as written too); a mixed one runs both.
  const dictionary = wantLexical && hasLatinLetters(query) ? (options.dictionary?.() ?? null) : null;
  const translatedHits = dictionary
    ? index.lexical.searchGroups(
        englishQueryGroups(query, { dictionary, variants: writtenWordsMatcher(index.passages),
          stems: variantMatcherFor(index.lexical),
          known: (term) => index.lexical.documentFrequency(term) > 0,
          settings: options.translation, unseenIdf: index.lexical.idf('') }),
        depth,
      )
    : [];
  const arabicLeg = wantLexical && (!dictionary || hasArabicLetters(query));
  const queryTerms = arabicLeg ? questionTerms(index.lexical, query) : [];
  const lexicalHits = arabicLeg ? index.lexical.search(queryTerms, depth) : [];
  // Spelling variants of words the collection lacks: fused as a leg of its own, never replacing the word leg.
  const variantHits = arabicLeg ? searchVariants(index.lexical, queryTerms, depth) : [];
  let denseHits: Array<Ranked & { score: number }> = [];
  if (wantDense && index.vectors) {
    const rowOf = rowOfId(index);
    const vector = await embedder!.embedQuery(query);
    denseHits = (await index.vectors.query(vector, depth)).flatMap((hit) => {
      const row = rowOf.get(hit.id);
      return row === undefined ? [] : [{ row, score: hit.score }];
    });
  }

  const fused = reciprocalRankFusion([lexicalHits, denseHits, variantHits, translatedHits]);
  // A word found only as a spelling variant still counts as found (weighted by how close the spelling is).
  const bestCoverage = [...lexicalHits, ...variantHits, ...translatedHits].reduce((max, h) => Math.max(max, h.coverage), 0);
  const bestDense = denseHits[0]?.score ?? 0;
  const answered =
    fused.length > 0 && (bestCoverage >= rule.minLexicalCoverage || (denseHits.length > 0 && bestDense >= rule.minDenseScore));

  const termsOf = (row: number) => new Set(analyze(index.passages[row]!.text));
  const distinct = collapseNearDuplicates(fused.slice(0, top * 4), (f) => termsOf(f.row)).slice(0, top);
  const results: ScoredPassage[] = distinct.map((f) => ({ ...index.passages[f.row]!, score: round(f.score) }));
  return {
    query,
    answered,
    results: answered ? results : [],
    closest: answered ? [] : results,
    mode: wantDense && wantLexical ? 'hybrid' : wantDense ? 'dense' : 'lexical',
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
