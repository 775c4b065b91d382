import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/retrieve/bm25.js';
import { collapseNearDuplicates } from '../../src/retrieve/fuse.js';
import { cleanQuestion } from '../../src/retrieve/question.js';
import { searchVariants } from '../../src/retrieve/variant-leg.js';
import { isIsnadError } from '../../src/errors.js';

const docs = [
  ['وفد', 'نظام', 'جعفري'],
  ['وفد', 'معارض', 'علوش'],
  ['مناطق', 'امن', 'تصعيد', 'تصعيد'],
  ['وفد', 'وفد', 'وفد', 'روسيا'],
];

describe('Bm25Index', () => {
  const index = Bm25Index.build(docs);

  it('ranks the passage that has the rare terms first', () => {
    expect(index.search(['وفد', 'جعفري'], 3)[0]!.row).toBe(0);
    expect(index.search(['تصعيد'], 3).map((h) => h.row)).toEqual([2]);
  });

  it('reports the share of the question it covers, counting unknown words against it', () => {
    const [hit] = index.search(['جعفري', 'برميل'], 1);
    expect(hit!.row).toBe(0);
    expect(hit!.coverage).toBeGreaterThan(0.3);
    expect(hit!.coverage).toBeLessThan(0.7);
    expect(index.search(['جعفري'], 1)[0]!.coverage).toBeCloseTo(1);
    expect(index.search(['برميل'], 3)).toEqual([]);
  });

  it('returns the same results after a save/load round trip', () => {
    const copy = Bm25Index.deserialize(index.serialize());
    expect(copy.search(['وفد', 'علوش'], 4)).toEqual(index.search(['وفد', 'علوش'], 4));
  });

  it('refuses a truncated file with INDEX_CORRUPT', () => {
    const { header, binary } = index.serialize();
    expect(() => Bm25Index.deserialize({ header, binary: binary.subarray(0, binary.length - 3) }, 'lexical.bin')).toThrow(/lexical\.bin/);
  });
});

describe('collapseNearDuplicates', () => {
  it('keeps the first of near-identical passages', () => {
    const items = ['a b c d e', 'a b c d e f', 'x y z'];
    const kept = collapseNearDuplicates(items, (s) => new Set(s.split(' ')));
    expect(kept).toEqual(['a b c d e', 'x y z']);
  });
});

describe('cleanQuestion', () => {
  const code = (q: string) => {
    try {
      cleanQuestion(q);
      return 'ok';
    } catch (error) {
      return isIsnadError(error) ? error.code : 'crash';
    }
  };

  it('refuses empty, wordless and over-long questions with QUESTION_INVALID', () => {
    expect(code('')).toBe('QUESTION_INVALID');
    expect(code('   \n\t')).toBe('QUESTION_INVALID');
    expect(code('؟!?...')).toBe('QUESTION_INVALID');
    expect(code('😀🔥')).toBe('QUESTION_INVALID');
    expect(code('س'.repeat(1001))).toBe('QUESTION_INVALID');
    expect(code('من يرأس الوفد؟')).toBe('ok');
  });

  it('removes control and bidi override characters before echoing', () => {
    expect(cleanQuestion('\u202eمن\u0000 يرأس\u200f  الوفد؟')).toBe('من يرأس الوفد؟');
  });
});

describe('spelling-variant leg', () => {
  const index = Bm25Index.build([
    ['رئيس', 'كازاخستان', 'نزارباييف'],
    ['وفد', 'روسي', 'لافرينتييف'],
    ['وفد', 'نظام', 'جعفري'],
  ]);

  it('returns nothing when every question word is in the collection', () => {
    expect(searchVariants(index, ['وفد', 'جعفري'], 5)).toEqual([]);
  });

  it('finds the passage of a name spelled another way, with the coverage of the word it stands for', () => {
    const hits = searchVariants(index, ['نزاربايف'], 5);
    expect(hits.map((h) => h.row)).toEqual([0]);
    expect(hits[0]!.coverage).toBeGreaterThan(0.8);
    expect(searchVariants(index, ['لافرنتييف', 'وفد'], 5)[0]!.row).toBe(1);
  });

  it('counts a question word once however many spellings of it a passage holds', () => {
    const doubled = Bm25Index.build([['لافرينتييف', 'لافرينتيف'], ['وفد']]);
    const [hit] = doubled.searchAlternatives([[{ term: 'لافرينتييف', weight: 1 }, { term: 'لافرينتيف', weight: 0.9 }]], 1);
    expect(hit!.coverage).toBeCloseTo(1);
    expect(hit!.score).toBeCloseTo(doubled.searchAlternatives([[{ term: 'لافرينتييف', weight: 1 }]], 1)[0]!.score);
  });
});
