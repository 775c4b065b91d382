import type { IndexSnapshot } from '../index/snapshot.js';
import type { ScoredSearch } from '../index/bm25.js';
import { collectionCount, termCountIn, termCounts, wordsBefore } from '../index/term-counts.js';
import { perPart } from '../index/snapshot.js';
import { PARAGRAPH_CANDIDATES, paragraphSpan } from './paragraph-features.js';

/**
 * Lexical scorers besides the BM25 (k1 1.2, b 0.3) the search ranks by, each weighing term counts and
 * length its own way, computed for the candidates only from their postings (term-counts.ts). A
 * question's word group scores its best alternative.
 */
export const LIKELIHOOD_FEATURES = [
  'likelihood', // query likelihood, Dirichlet smoothing (μ = the mean passage length), rank-equivalent form, per question word
  'bm25Long', // BM25 with b 0.75 (full length normalization), over the query's IDF mass
  'paragraphLikelihood', // query likelihood of the passage's paragraph as one text (first PARAGRAPH_CANDIDATES candidates)
  'paragraphWholeBm25', // BM25 (b 0.3) of the paragraph as one text, over the query's IDF mass
  'documentLikelihood', // query likelihood of the passage smoothed by its document's words, then the collection's, per question word
] as const;

/** Per row→document map: each row's document's first and last rows. */
const documentRows = perPart((docOf: Int32Array) => {
  const first = new Int32Array(docOf.length);
  const last = new Int32Array(docOf.length);
  for (let row = 0; row < docOf.length; row++) first[row] = row > 0 && docOf[row - 1] === docOf[row] ? first[row - 1]! : row;
  for (let row = docOf.length - 1; row >= 0; row--) last[row] = row + 1 < docOf.length && docOf[row + 1] === docOf[row] ? last[row + 1]! : row;
  return { first, last };
});

const K1 = 1.2;
const LONG_B = 0.75;
const SHORT_B = 0.3;

export function likelihoodFeatures(index: IndexSnapshot, search: ScoredSearch, rows: readonly number[], docOf: Int32Array): number[][] {
  const lexical = index.lexical;
  const groups = search.groupTerms.map((terms) => terms.map((t) => lexical.termId(t)).filter((id) => id >= 0));
  const zero = LIKELIHOOD_FEATURES.map(() => 0);
  if (groups.length === 0 || rows.length === 0) return rows.map(() => zero);

  const spans = rows.map((row, position) => (position < PARAGRAPH_CANDIDATES ? paragraphSpan(index, row) : { from: row, to: row }));
  const wanted = new Set<number>();
  for (const { from, to } of spans) for (let r = from; r <= to; r++) wanted.add(r);
  const read = Uint32Array.from(wanted).sort();
  const slotOf = (row: number) => {
    let lo = 0;
    let hi = read.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (read[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Counts of each distinct question term in each row read: counts[t * read.length + slot].
  const ids = [...new Set(groups.flat())];
  const termSlot = new Map(ids.map((id, t) => [id, t]));
  const counts = new Uint32Array(ids.length * read.length);
  const column = new Uint32Array(read.length);
  ids.forEach((id, t) => {
    termCounts(lexical, id, read, column);
    counts.set(column, t * read.length);
  });
  const mu = lexical.averageLength || 1;
  const tokens = lexical.averageLength * lexical.documents || 1;
  const smoothing = ids.map((id) => mu * (collectionCount(lexical, id) / tokens));
  const idf = ids.map((id) => lexical.idf(lexical.termAt(id)));
  const mass = search.idfMass || 1;
  const lengths = lexical.documentLengths;
  const g = groups.length;

  /** The four scores of a text made of rows from … to. */
  const score = (from: number, to: number, out: number[], at: number, withBm25Long: boolean) => {
    let length = 0;
    for (let r = from; r <= to; r++) length += lengths[r]!;
    let likelihood = g * Math.log(mu / (length + mu));
    let long = 0;
    let short = 0;
    const longNorm = K1 * (1 - LONG_B + (LONG_B * length) / mu);
    const shortNorm = K1 * (1 - SHORT_B + (SHORT_B * length) / mu);
    for (const group of groups) {
      let bestLikelihood = 0;
      let bestLong = 0;
      let bestShort = 0;
      for (const id of group) {
        const t = termSlot.get(id)!;
        let tf = 0;
        for (let r = from; r <= to; r++) tf += counts[t * read.length + slotOf(r)]!;
        if (tf === 0) continue;
        bestLikelihood = Math.max(bestLikelihood, Math.log(1 + tf / smoothing[t]!));
        bestLong = Math.max(bestLong, (idf[t]! * tf * (K1 + 1)) / (tf + longNorm));
        bestShort = Math.max(bestShort, (idf[t]! * tf * (K1 + 1)) / (tf + shortNorm));
      }
      likelihood += bestLikelihood;
      long += bestLong;
      short += bestShort;
    }
    out[at] = likelihood / g;
    if (withBm25Long) out[at + 1] = long / mass;
    else out[at + 1] = short / mass;
  };

  // The document model: its counts of each term (kept per document: candidates share documents), smoothed by the collection's.
  const { first, last } = documentRows(docOf);
  const before = wordsBefore(lexical);
  const documentMu = tokens / (docOf.length ? docOf[docOf.length - 1]! + 1 : 1);
  const documentModels = new Map<number, Float64Array>();
  const documentModel = (row: number) => {
    const doc = docOf[row]!;
    let model = documentModels.get(doc);
    if (!model) {
      const from = first[row]!;
      const to = last[row]!;
      const length = before[to + 1]! - before[from]!;
      model = Float64Array.from(ids, (id, t) => (termCountIn(lexical, id, from, to) + documentMu * Math.max(smoothing[t]! / mu, 0.5 / tokens)) / (length + documentMu));
      documentModels.set(doc, model);
    }
    return model;
  };
  /** A word the collection lacks: as if it occurred half a time (the same for every candidate, but for their lengths). */
  const unknown = 0.5 / tokens;

  return rows.map((row, i) => {
    const values = [0, 0, 0, 0, 0];
    score(row, row, values, 0, true);
    score(spans[i]!.from, spans[i]!.to, values, 2, false);
    const model = documentModel(row);
    const length = lengths[row]!;
    const slot = slotOf(row);
    let documentLikelihood = 0;
    for (const group of groups) {
      let best = group.length ? -Infinity : Math.log((mu * unknown) / (length + mu));
      for (const id of group) {
        const t = termSlot.get(id)!;
        best = Math.max(best, Math.log((counts[t * read.length + slot]! + mu * model[t]!) / (length + mu)));
      }
      documentLikelihood += best;
    }
    values[4] = documentLikelihood / g;
    return values;
  });
}
