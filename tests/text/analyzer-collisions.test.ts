import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { analyze } from '../../src/text/analyze.js';

/** Words the matching-only normalization merges with function words (issue 9): a hamza carrier read as ي/و. */

describe('a word written with a hamza carrier', () => {
  it('is a content word even when its normalized spelling is a function word\'s (فئة is not فيه "in it")', () => {
    expect(analyze('الفئة')).not.toEqual([]);
    expect(analyze('فئة')).toEqual(analyze('الفئة'));
    expect(analyze('الفئات')).toEqual(analyze('الفئة'));
    // The function word written as such is still dropped, in the same text too.
    expect(analyze('الكتاب فيه صور')).toEqual(analyze('الكتاب صور'));
    expect(analyze('فئة الكتاب فيه صور')).toEqual([...analyze('فئة'), ...analyze('الكتاب صور')]);
  });

  it('lets a question about a class find the passage that names it', () => {
    const passages = ['صنفت السيارة في الفئة الفاخرة من السوق.', 'السيارة سريعة.'];
    expect(searched(passages, 'ما فئة السيارة؟')[0]).toBe(0);
  });
});

describe('a hamza carrier as a PDF extracts it', () => {
  it('reads the presentation form and the hamza mark after its seat as the carrier', () => {
    expect(analyze('\uFED3\uFE8C\uFE94')).not.toEqual([]); // ﻓﺌﺔ
    expect(analyze('\uFED3\uFE8C\uFE94')).toEqual(analyze('فئة'));
    expect(analyze('في\u0654ة')).toEqual(analyze('فئة'));
    // Not the hamza over an alef: أن written with a combining hamza is still "that".
    expect(analyze('ا\u0654ن الكتاب')).toEqual(analyze('الكتاب'));
  });
});
