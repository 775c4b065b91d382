import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/**
 * Dialect verb shapes of any verb read as the words a text writes (eval/xquad-dialect, both blind rounds): the
 * passive-reflexive تـ / نـ on an imperfect and the Maghrebi past plural ـاو without alif.
 */

describe('the passive-reflexive تـ / نـ on an imperfect', () => {
  it('finds "spread" by Maghrebi يتنشرو (→ انتشرت)', () => {
    const passages = ['كتب الكاتب رسائل في فرنسا', 'انتشرت رسائل الكاتب في فرنسا'];
    expect(searched(passages, 'فوقاش رسائل الكاتب يتنشرو ففرنسا؟')[0]).toBe(1);
  });

  it('finds "is solved" by تنحل (→ تحل)', () => {
    const passages = ['المشكلة صعبة على الحاسوب', 'الحاسوب تحل المشكلة في زمن قصير'];
    expect(searched(passages, 'شنو المشاكل اللي تنحل بالحاسوب؟')[0]).toBe(1);
  });

  it('leaves an MSA question as written', () => {
    const passages = ['المشكلة صعبة على الحاسوب', 'الحاسوب تحل المشكلة في زمن قصير'];
    expect(searched(passages, 'ما المشاكل التي تنحل بالحاسوب؟')[0]).toBe(0);
  });
});

describe('the Maghrebi past plural ـاو', () => {
  it('finds "began" by بداو (→ بدأت)', () => {
    const passages = ['انتهت الحرب في الشتاء', 'بدأت الحرب في الصيف'];
    expect(searched(passages, 'فوقاش بداو الحرب؟')[0]).toBe(1);
  });
});
