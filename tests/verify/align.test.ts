import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { align, alignInSlices, bandFor } from '../../src/verify/align.js';
import { normalize, tokenize } from '../../src/text/normalize.js';

const terms = (text: string) => tokenize(normalize(text)).map((t) => t.term);
const kinds = (quote: string, doc: string) => align(terms(quote), terms(doc)).steps.map((s) => s.kind);

describe('align', () => {
  test('a changed word is a substitution, an extra one an insertion, a skipped one a deletion', () => {
    expect(kinds('a b x d', 'z a b c d z')).toEqual(['match', 'match', 'sub', 'match']);
    expect(kinds('a b new c d', 'z a b c d z')).toEqual(['match', 'match', 'ins', 'match', 'match']);
    expect(kinds('a b d e', 'z a b c d e z')).toEqual(['match', 'match', 'del', 'match', 'match']);
  });

  test('a missing or added space is the same words', () => {
    expect(kinds('ستيفان دي ميستورا عن تفاؤله', 'ستيفان دي ميستوراعن تفاؤله')).toEqual(['match', 'match', 'join', 'match']);
    expect(kinds('ميستوراعن تفاؤله', 'ميستورا عن تفاؤله')).toEqual(['join', 'match']);
  });

  test('a quote that skips a clause still lines up with its whole sentence', () => {
    const doc = 'وأعرب دي ميستورا الذي من المتوقع أن يستضيف مزيدا من المباحثات حول سوريا في جنيف الشهر المقبل عن تفاؤله بشأن تحقيق تقدم';
    const steps = align(terms('وأعرب دي ميستورا عن تفاؤله بشأن تحقيق تقدم'), terms(doc)).steps;
    expect(steps.filter((s) => s.kind === 'match')).toHaveLength(8);
    expect(steps.filter((s) => s.kind === 'del')).toHaveLength(14);
  });

  test('sliced, the alignment is the same; a slice is at most about the slice size', () => {
    const q = terms(fs.readFileSync('seeds/002_5b42712cb21a55ef.txt', 'utf8')).slice(0, 120);
    const d = terms(fs.readFileSync('seeds/002_5b42712cb21a55ef.txt', 'utf8'));
    const run = alignInSlices(q, d, [], 1000);
    let slices = 0;
    let r = run.next();
    while (!r.done) (slices += 1), (r = run.next());
    expect(r.value.steps).toEqual(align(q, d).steps);
    expect(slices).toBeGreaterThanOrEqual(Math.floor((q.length * d.length) / (1000 + d.length)));
  });
});

const seeds = fs.readdirSync('seeds').map((f) => terms(fs.readFileSync(`seeds/${f}`, 'utf8')));

test('property: the band around the voted diagonal finds the same alignment as the full table, with fewer cells', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: seeds.length - 1 }),
      fc.integer({ min: 90, max: 250 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('sub', 'ins', 'del')), { maxLength: 12 }),
      (f, length, at, edits) => {
        const doc = seeds[f]!;
        const first = Math.floor(at * Math.max(1, doc.length - length));
        const quote = doc.slice(first, first + length);
        for (const [where, edit] of edits) {
          const k = Math.floor(where * quote.length);
          if (edit === 'sub') quote[k] = 'كلمة';
          else if (edit === 'ins') quote.splice(k, 0, 'زيادة');
          else quote.splice(k, 1);
        }
        const band = bandFor(quote, doc);
        const full = align(quote, doc);
        const run = alignInSlices(quote, doc, [], Infinity, band);
        let r = run.next();
        while (!r.done) r = run.next();
        expect(r.value.score).toBe(full.score);
        if (band) expect(r.value.cells).toBeLessThan(full.cells);
      },
    ),
    { numRuns: 60, seed: 11 },
  );
});
