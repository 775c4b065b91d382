import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.js';
import { hasWords, normalize, normalizeWithMap, tokenize } from '../../src/text/normalize.js';
import { lightStem, lightStems } from '../../src/text/stem.js';

describe('normalize', () => {
  it('strips tashkeel and tatweel', () => {
    expect(normalize('مَا هِيَ مَرَاكِزُ المُرَاقَبَةِ')).toBe(normalize('ما هي مراكز المراقبة'));
    expect(normalize('الـــسلام')).toBe('السلام');
  });

  it('unifies alef, taa marbuta, alef maqsura, hamza carriers and Persian letters', () => {
    expect(normalize('أإآٱ')).toBe('اااا');
    expect(normalize('مدينة')).toBe('مدينه');
    expect(normalize('على')).toBe('علي');
    expect(normalize('مؤتمر')).toBe('موتمر');
    expect(normalize('بيئة')).toBe('بييه');
    expect(normalize('یک')).toBe('يك');
  });

  it('maps Arabic-Indic digits, lower-cases Latin and splits hashtags', () => {
    expect(normalize('٢٣-٢٤ ۱۲')).toBe('23-24 12');
    expect(normalize('UN Geneva')).toBe('un geneva');
    expect(tokenize(normalize('#النظام_السوري')).map((t) => t.term)).toEqual(['النظام', 'السوري']);
  });

  it('drops zero-width and bidi control characters', () => {
    expect(normalize('سو\u200dريا\u202e')).toBe('سوريا');
  });

  it('maps every normalized character back to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const { text: normalized, map } = normalizeWithMap(text);
        expect(map).toHaveLength(normalized.length + 1);
        for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
        expect(map[normalized.length]).toBe(text.length);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('knows a question with no words', () => {
    expect(hasWords('؟؟ !!! 😀')).toBe(false);
    expect(hasWords('سوريا؟')).toBe(true);
  });
});

describe('light stemming and analysis', () => {
  it('strips the article, conjunction and common suffixes (Light10)', () => {
    expect(lightStem('والمفاوضات')).toBe('مفاوض');
    expect(lightStem('المحادثات')).toBe('محادث');
    expect(lightStems('للاجيين')).toContain(lightStem('اللاجيين'));
    expect(lightStems('للكتاب')).toContain(lightStem('الكتاب'));
    expect(lightStem('مقترحها')).toBe('مقترح');
    expect(lightStem('وفد')).toBe('وفد');
  });

  it('makes variant spellings of a question produce the same terms', () => {
    expect(analyze('مَا هِيَ مَرَاكِزُ المُرَاقَبَةِ؟')).toEqual(analyze('ما هي مراكز المراقبة'));
    expect(analyze('العودة الطوعية للاجئين')).toEqual(analyze('العوده الطوعيه للاجئين'));
  });

  it('drops question words and function words', () => {
    expect(analyze('ما هو؟')).toEqual([]);
    expect(analyze('من يرأس الوفد؟')).toEqual(analyze('يرأس الوفد'));
  });
});

describe('normalize (fast path)', () => {
  it('equals the text of normalizeWithMap for any string, Arabic, Latin or binary', () => {
    const arabic = fc.constantFrom(...'أإآٱاةهىيؤئوبتثجحخۀہھەپژڤڨ ًٌٍَُِّْـABCz_#٣۴𐌰 \u200f\ufeffİ'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(arabic, { maxLength: 40 }).map((a) => a.join(''))), (text) => {
        expect(normalize(text)).toBe(normalizeWithMap(text).text);
      }),
    );
  });
});
