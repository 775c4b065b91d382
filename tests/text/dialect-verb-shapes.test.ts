import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/**
 * Dialect verb shapes of any verb read as the words a text writes (eval/xquad-dialect, both blind rounds): the
 * passive تـ on an imperfect and the Maghrebi past plural ـاو without alif.
 */

describe('the passive تـ on an imperfect', () => {
  it('finds "spread" by Maghrebi يتنشرو (→ انتشرت)', () => {
    const passages = ['كتب الكاتب رسائل في فرنسا', 'انتشرت رسائل الكاتب في فرنسا'];
    expect(searched(passages, 'فوقاش رسائل الكاتب يتنشرو ففرنسا؟')[0]).toBe(1);
  });

  it('does not read it as the bare past, a word most texts have (بتتعمل is not عمل "work")', () => {
    const passages = ['عمل الوفد على المحادثات طوال الليل', 'المحادثات في جنيف'];
    expect(searched(passages, 'هي المحادثات دي بتتعمل فين؟')[0]).toBe(1);
  });

  it('leaves an MSA question as written (يتـ is MSA form V)', () => {
    const passages = ['كتب الكاتب رسائل في فرنسا', 'انتشرت رسائل الكاتب في فرنسا'];
    expect(searched(passages, 'متى رسائل الكاتب يتنشر في فرنسا؟')[0]).toBe(0);
  });
});

describe('the Maghrebi past plural ـاو', () => {
  it('finds "began" by بداو (→ بدأت)', () => {
    const passages = ['انتهت الحرب في الشتاء', 'بدأت الحرب في الصيف'];
    expect(searched(passages, 'فوقاش بداو الحرب؟')[0]).toBe(1);
  });
});
