import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.js';
import { hollowRootKey, rootKey } from '../../src/text/root-key.js';

/** The root key of a written word, as the ranker sees it (normalized, light-stemmed, then folded). */
const keyOf = (word: string) => analyze(word).map(rootKey)[0];

describe('root key', () => {
  it.each([
    ['يسافر', 'بالسفر', 'مسافر'], // verb, noun with article and preposition, participle
    ['مدافعي', 'الدفاع', 'يدافع'],
    ['تصنف', 'تصنيف', 'يصنف'],
    ['الاعتراضات', 'اعترض', 'اعتراضاً'],
    ['المستعادة', 'استعادة', 'استعادت'],
    ['كتب', 'كاتب', 'المكتبة'],
    ['المطرية', 'المطيرة', 'المطر'],
  ])('folds %s, %s and %s to one key', (a, b, c) => {
    expect(keyOf(a)).toBe(keyOf(b));
    expect(keyOf(b)).toBe(keyOf(c));
  });

  it('keeps words of different roots apart', () => {
    expect(keyOf('الكتاب')).not.toBe(keyOf('التاب'));
    expect(keyOf('السفر')).not.toBe(keyOf('الصفر'));
    expect(keyOf('الطاقم')).not.toBe(keyOf('التقييم'));
    expect(keyOf('المعارضة')).not.toBe(keyOf('الاعتراض'));
  });

  it('keys a hollow verb after its prefix to the root its nouns key to (تعود, يعودون / العودة)', () => {
    const hollowOf = (word: string) => analyze(word).map(hollowRootKey)[0];
    expect(hollowOf('تعود')).toBe(keyOf('العودة'));
    expect(hollowOf('يعودون')).toBe(keyOf('العودة'));
    expect(hollowOf('يقولوا')).toBe(keyOf('القول'));
    expect(hollowOf('يمين')).toBeUndefined(); // ي in the middle is the root's
    expect(hollowOf('العودة')).toBeUndefined();
  });

  it('leaves Latin words and digits as they are', () => {
    expect(rootKey('apollo')).toBe('apollo');
    expect(rootKey('1969')).toBe('1969');
  });
});
