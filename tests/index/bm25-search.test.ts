import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bm25Index } from '../../src/index/bm25.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { TopK, topKIndices } from '../../src/index/top-k.js';
import type { TermGroup } from '../../src/types.js';

/**
 * The search touches only the rows that hold a query term and reuses its buffers between searches;
 * it must say exactly what scoring every row of the collection says. The reference below does that
 * the plain way: every row, every query word, sums rounded to single precision in query order, and the
 * top hits by a heap over every row. (Past 250 lines: every pass's property reads that one reference.)
 */
const VOCABULARY = ['وفد', 'نظام', 'جعفري', 'معارض', 'روسيا', 'تصعيد'];

interface Reference {
  hits: Array<{ row: number; score: number; coverage: number }>;
  scores: Float32Array;
  matchedIdf: Float32Array;
  termMask: Uint32Array;
  groupIdf: Float32Array;
  groupMask: Uint32Array;
  termIdf: number[];
  idfMass: number;
  knownMass: number;
}

function groupsOf(query: Array<string | TermGroup>): TermGroup[] {
  const seen = new Set<string>();
  return query
    .map((q) => (typeof q === 'string' ? { alternatives: [{ terms: [q], weight: 1 }] } : q))
    .filter((g) => {
      const key = JSON.stringify(g.alternatives);
      if (g.alternatives.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function reference(index: Bm25Index, docs: string[][], query: Array<string | TermGroup>, topK: number, groupOf: Int32Array, groups: number): Reference {
  const n = docs.length;
  const average = docs.reduce((sum, d) => sum + d.length, 0) / n || 1;
  const { k1, b } = index.params;
  const tf = (row: number, term: string) => docs[row]!.filter((t) => t === term).length;
  const out: Reference = {
    hits: [],
    scores: new Float32Array(n),
    matchedIdf: new Float32Array(n),
    termMask: new Uint32Array(n),
    groupIdf: new Float32Array(groups),
    groupMask: new Uint32Array(groups),
    termIdf: [],
    idfMass: 0,
    knownMass: 0,
  };
  groupsOf(query).forEach((group, k) => {
    const bit = k < 32 ? (1 << k) >>> 0 : 0;
    const bestScore = new Float32Array(n);
    const bestIdf = new Float32Array(n);
    const holds = new Array<boolean>(n).fill(false);
    let mass = 0;
    // Rows in the order the group first meets them: alternative by alternative, term by term, row by row.
    const order: number[] = [];
    const ordered = new Set<number>();
    for (const { terms, weight } of group.alternatives) {
      if (terms.length === 0) continue;
      let altMass = 0;
      let present = false;
      const altScore = new Float32Array(n);
      const altIdf = new Float32Array(n);
      for (const term of terms) {
        const idf = (weight * index.idf(term)) / terms.length;
        altMass += idf;
        if (index.documentFrequency(term) === 0) continue;
        present = true;
        for (let row = 0; row < n; row++) {
          const f = tf(row, term);
          if (f === 0) continue;
          if (!ordered.has(row)) (ordered.add(row), order.push(row));
          holds[row] = true;
          altScore[row]! += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * docs[row]!.length) / average));
          altIdf[row]! += idf;
        }
      }
      if (present) mass = Math.max(mass, altMass);
      for (let row = 0; row < n; row++) {
        bestScore[row] = Math.max(bestScore[row]!, altScore[row]!);
        bestIdf[row] = Math.max(bestIdf[row]!, altIdf[row]!);
      }
    }
    for (let row = 0; row < n; row++) {
      if (!holds[row]) continue;
      out.scores[row]! += bestScore[row]!;
      out.matchedIdf[row]! += bestIdf[row]!;
      out.termMask[row]! |= bit;
    }
    const counted = new Set<number>();
    for (const row of order) {
      const g = groupOf[row]!;
      if (counted.has(g)) continue;
      counted.add(g);
      out.groupIdf[g]! += bestIdf[row]!;
      out.groupMask[g]! |= bit;
    }
    const only = group.alternatives.length === 1 && group.alternatives[0]!.terms.length === 1 ? group.alternatives[0]! : null;
    const groupMass = group.mass ?? (mass > 0 ? mass : (group.absentMass ?? (only ? only.weight * index.idf(only.terms[0]!) : index.idf(''))));
    out.termIdf.push(groupMass);
    out.idfMass += groupMass;
    if (mass > 0) out.knownMass += groupMass;
  });
  out.hits = topKIndices(out.scores, topK)
    .filter((h) => h.score > 0)
    .map((h) => ({ row: h.index, score: h.score, coverage: out.idfMass > 0 ? Math.min(1, out.matchedIdf[h.index]! / out.idfMass) : 0 }));
  return out;
}

/** The index of `docs`, its documents of `perDoc` consecutive rows, prepared as the bot prepares a loaded index when `prepared`. */
async function documentIndex(docs: string[][], perDoc: number, prepared: boolean): Promise<{ index: Bm25Index; groupOf: Int32Array; groups: number }> {
  const builder = new Bm25Builder();
  for (const terms of docs) builder.add(terms);
  const index = builder.finish();
  const groupOf = Int32Array.from(docs, (_, r) => Math.floor(r / perDoc));
  if (prepared) await index.prepareSearch(groupOf);
  return { index, groupOf, groups: groupOf[docs.length - 1]! + 1 };
}

// Few words, short passages: many rows tie on score, which is where a top-k can differ from a full scan.
const word = fc.constantFrom(...VOCABULARY, 'برميل');
const collection = fc.array(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 40 });
const alternative = fc.record({ terms: fc.array(word, { minLength: 1, maxLength: 2 }), weight: fc.constantFrom(0, 0.35, 1) });
const queryPart = fc.oneof(word, fc.record({ alternatives: fc.array(alternative, { minLength: 1, maxLength: 3 }) }));
const query = fc.array(queryPart, { minLength: 0, maxLength: 5 });

describe('Bm25Index.searchScored', () => {
  it('says about every row and document what scoring every row says, search after search on one index', () => {
    fc.assert(
      fc.property(collection, fc.array(fc.tuple(query, fc.integer({ min: 0, max: 12 }), fc.boolean()), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), (docs, searches, perDoc) => {
        const builder = new Bm25Builder();
        for (const terms of docs) builder.add(terms);
        const index = builder.finish();
        // Documents of `perDoc` consecutive rows, as the passages of one file are.
        const groupOf = Int32Array.from(docs, (_, row) => Math.floor(row / perDoc));
        const groups = groupOf[docs.length - 1]! + 1;
        // Searches with and without documents share the index's buffers.
        for (const [q, topK, withGroups] of searches) {
          const got = withGroups ? index.searchScored(q, topK, groupOf, groups) : index.searchScored(q, topK);
          const want = reference(index, docs, q, topK, groupOf, withGroups ? groups : 0);
          expect(got.hits).toEqual(want.hits);
          expect([got.termIdf, got.idfMass, got.knownMass]).toEqual([want.termIdf, want.idfMass, want.knownMass]);
          docs.forEach((_, row) => {
            expect([got.scoreOf(row), got.matchedIdfOf(row), got.termMaskOf(row)]).toEqual([want.scores[row], want.matchedIdf[row], want.termMask[row]]);
          });
          for (let g = 0; g < groups; g++) expect([got.groupIdfOf(g), got.groupMaskOf(g)]).toEqual([want.groupIdf[g] ?? 0, want.groupMask[g] ?? 0]);
          expect(got.bestGroupIdf).toBe(Math.max(0, ...want.groupIdf));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ranks a large collection exactly as scoring every row does, where common words let the search skip most postings (prepared or not)', async () => {
    // Thousands of rows of a few words, the first words far more common: each question word holds
    // hundreds of postings, so searches take the pruned pass, and many rows tie at the cut.
    const skewed = ['وفد', 'وفد', 'وفد', 'وفد', 'نظام', 'نظام', 'نظام', 'جعفري', 'جعفري', 'معارض', 'روسيا', 'تصعيد'];
    const row = fc.array(fc.integer({ min: 0, max: skewed.length - 1 }).map((i) => skewed[i]!), { minLength: 1, maxLength: 6 });
    const large = fc.array(row, { minLength: 1500, maxLength: 3000 });
    const words = fc.uniqueArray(fc.constantFrom(...VOCABULARY, 'برميل'), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(large, fc.array(fc.tuple(words, fc.integer({ min: 1, max: 80 })), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), async (docs, searches, perDoc, prepared) => {
        // Prepared as the bot prepares a loaded index: the common terms' facts made before any search.
        const { index, groupOf, groups } = await documentIndex(docs, perDoc, prepared);
        for (const [q, topK] of searches) {
          const got = index.searchScored(q, topK, groupOf, groups);
          const want = reference(index, docs, q, topK, groupOf, groups);
          expect(got.hits).toEqual(want.hits);
          for (let g = 0; g < groups; g++) expect([got.groupIdfOf(g), got.groupMaskOf(g)]).toEqual([want.groupIdf[g] ?? 0, want.groupMask[g] ?? 0]);
          expect(got.bestGroupIdf).toBe(Math.max(0, ...want.groupIdf));
        }
      }),
      // Shrinking thousands of rows takes minutes: a failure is reported as found.
      { numRuns: 40, endOnFailure: true },
    );
  });

  it("ranks exactly as scoring every row does when passages vary in length, so a common word's weights spread and only its strongest postings are read", async () => {
    // Passages of 1 to 12 words, words repeated: a common word's weight factors take many values, so
    // its impact tiers (term-facts.ts) cut between close weights and a loose bound would show (a tier
    // bound 10 % too low fails it).
    const skewed = ['وفد', 'وفد', 'نظام', 'نظام', 'جعفري', 'معارض', 'روسيا', 'تصعيد'];
    const row = fc.array(fc.integer({ min: 0, max: skewed.length - 1 }).map((i) => skewed[i]!), { minLength: 1, maxLength: 12 });
    const large = fc.array(row, { minLength: 2000, maxLength: 3000 });
    const words = fc.uniqueArray(fc.constantFrom(...VOCABULARY, 'برميل'), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(large, fc.array(fc.tuple(words, fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 6 }), fc.boolean(), async (docs, searches, prepared) => {
        const { index, groupOf, groups } = await documentIndex(docs, 1, prepared);
        for (const [q, topK] of searches) {
          expect(index.searchScored(q, topK, groupOf, groups).hits).toEqual(reference(index, docs, q, topK, groupOf, groups).hits);
        }
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('ranks exactly as scoring every row does when every word is common and weighs alike, so pruning stops part-way and the rest of the rows are scored in full', async () => {
    // Every word in about half the passages, passages of one length: no bound rules a row out, so the
    // pruned pass hands the rows it has not reached to the exhaustive pass. The heap must also fill as
    // a heap fed every row in order does (the spelling-variant legs start from that record).
    const row = fc.uniqueArray(fc.constantFrom(...VOCABULARY), { minLength: 3, maxLength: 3 });
    const large = fc.array(row, { minLength: 1500, maxLength: 3000 });
    const words = fc.uniqueArray(fc.constantFrom(...VOCABULARY), { minLength: 2, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(large, fc.array(fc.tuple(words, fc.integer({ min: 1, max: 80 })), { minLength: 1, maxLength: 3 }), fc.boolean(), async (docs, searches, prepared) => {
        const { index, groupOf, groups } = await documentIndex(docs, 4, prepared);
        for (const [q, topK] of searches) {
          const got = index.searchScored(q, topK, groupOf, groups);
          const want = reference(index, docs, q, topK, groupOf, groups);
          expect(got.hits).toEqual(want.hits);
          const heap = new TopK(Math.min(topK, docs.length), true);
          want.scores.forEach((score, r) => heap.push(r, score));
          const { rows, floor } = heap.trace();
          expect([got.trace?.rows, got.trace?.floor]).toEqual([rows, floor]);
        }
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('ranks and sums documents exactly as scoring every row does when a question holds groups of alternatives and the search skips postings', async () => {
    // A news word with its other words (one of them several words), a typed slip's spellings: their terms are common
    // too, so the pruned pass takes them, bounding a group's score by its terms' weights summed. Passages of one
    // length with every word common make pruning stop part-way (the rest scored in full), varied ones let it skip.
    const skewed = ['وفد', 'وفد', 'وفد', 'نظام', 'نظام', 'جعفري', 'جعفري', 'معارض', 'روسيا', 'تصعيد'];
    const varied = fc.array(fc.array(fc.integer({ min: 0, max: skewed.length - 1 }).map((i) => skewed[i]!), { minLength: 1, maxLength: 10 }), { minLength: 1500, maxLength: 2500 });
    const flat = fc.array(fc.uniqueArray(fc.constantFrom(...VOCABULARY), { minLength: 3, maxLength: 3 }), { minLength: 1500, maxLength: 2500 });
    const groupAlternative = fc.record({ terms: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }), weight: fc.constantFrom(0.35, 0.85, 1) });
    const part = fc.oneof(word, fc.record({ alternatives: fc.array(groupAlternative, { minLength: 2, maxLength: 3 }) }));
    const queries = fc.array(fc.tuple(fc.array(part, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(varied, flat), queries, fc.integer({ min: 1, max: 8 }), fc.boolean(), async (docs, searches, perDoc, prepared) => {
        const { index, groupOf, groups } = await documentIndex(docs, perDoc, prepared);
        // Each query twice: the second meets the group's document sums kept from the first.
        for (const [q, topK] of [...searches, ...searches]) {
          const got = index.searchScored(q, topK, groupOf, groups);
          const want = reference(index, docs, q, topK, groupOf, groups);
          expect(got.hits).toEqual(want.hits);
          for (let g = 0; g < groups; g++) expect([got.groupIdfOf(g), got.groupMaskOf(g)]).toEqual([want.groupIdf[g] ?? 0, want.groupMask[g] ?? 0]);
          expect(got.bestGroupIdf).toBe(Math.max(0, ...want.groupIdf));
          const heap = new TopK(Math.min(topK, docs.length), true);
          want.scores.forEach((score, r) => heap.push(r, score));
          const { rows, floor } = heap.trace();
          expect([got.trace?.rows, got.trace?.floor]).toEqual([rows, floor]);
        }
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('keeps what an earlier search returned when the index is searched again', () => {
    const builder = new Bm25Builder();
    for (const terms of [['وفد', 'نظام'], ['روسيا'], ['وفد', 'روسيا', 'روسيا']]) builder.add(terms);
    const index = builder.finish();
    const first = index.searchScored(['وفد'], 3);
    const before = [first.hits, [0, 1, 2].map((row) => first.scoreOf(row))];
    index.searchScored(['روسيا', 'نظام'], 3);
    expect([first.hits, [0, 1, 2].map((row) => first.scoreOf(row))]).toEqual(before);
    expect(first.scoreOf(1)).toBe(0);
  });
});
