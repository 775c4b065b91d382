import { describe, expect, it } from 'vitest';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { questionTerms } from '../../src/retrieve/query-terms.js';
import { analyze } from '../../src/text/analyze.js';

describe('number words', () => {
  it('are analyzed as the digits of the same number, with their article and prepositions', () => {
    expect(analyze('خمسة استحواذات في تسع مباريات')).toEqual(analyze('5 استحواذات في 9 مباريات'));
    expect(analyze('والعشرين بثلاثة الستة')).toEqual(['20', '3', '6']);
    expect(analyze('٥ ۵ 5')).toEqual(['5', '5', '5']);
  });

  it('leave words that only look like numbers alone', () => {
    expect(analyze('لست متأكدا')).not.toContain('6'); // "I am not"
    expect(analyze('ألف الموسيقى')).not.toContain('1000'); // ألف is also "composed"
  });

  it('let a question in words find a passage in digits, and the other way round', () => {
    const builder = new Bm25Builder();
    builder.add(analyze('سجل 5 استحواذات'));
    builder.add(analyze('استمرت سبع سنوات'));
    const index = builder.finish();
    expect(index.search(questionTerms(index, 'خمسة؟'), 5).map((h) => h.row)).toEqual([0]);
    expect(index.search(questionTerms(index, '٧'), 5).map((h) => h.row)).toEqual([1]);
  });
});
