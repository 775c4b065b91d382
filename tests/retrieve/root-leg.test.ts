import { describe, expect, it } from 'vitest';
import { type Bm25Index } from '../../src/index/bm25.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { searchRoots } from '../../src/retrieve/root-leg.js';
import { analyze } from '../../src/text/analyze.js';

function buildIndex(passages: string[]): Bm25Index {
  const builder = new Bm25Builder();
  for (const text of passages) builder.add(analyze(text));
  return builder.finish();
}

describe('root leg', () => {
  const index = buildIndex(['أكملت وزارة الدفاع المناورات', 'تأجل سفر الوزير إلى الخارج', 'وصل الوفد إلى العاصمة']);

  it('returns nothing when every question word is in the collection', () => {
    expect(searchRoots(index, analyze('الوفد العاصمة'), 5)).toEqual([]);
  });

  it('finds the passages of a word the collection only holds in another pattern of its root', () => {
    expect(searchRoots(index, analyze('المدافعون'), 5).map((h) => h.row)).toEqual([0]);
    expect(searchRoots(index, analyze('يسافر الوفد'), 5).map((h) => h.row)).toContain(1);
  });

  it('returns nothing for an unknown word of no known root', () => {
    expect(searchRoots(index, analyze('كوكاكولا'), 5)).toEqual([]);
  });
});
