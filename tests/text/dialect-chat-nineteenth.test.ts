import { describe, expect, it } from 'vitest';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/** What eval/dialect-blind18.jsonl's misses showed (Levantine and Iraqi), as classes. */

describe('a word typed with the Iraqi and Gulf چ / گ is read as the lexicon reads its letters (باچر → باجر → غدا)', () => {
  it('finds "tomorrow" for باچر and "said" for حچى', () => {
    const tomorrow = ['تواصل الدول الراعية المحادثات اليوم', 'تواصل الدول الراعية المحادثات غدا'];
    expect(searched(tomorrow, 'شنو تسوي الدول الراعية باچر؟')[0]).toBe(1);
    const said = ['التقى المتحدث باسم الوفد الصحفيين', 'قال المتحدث باسم الوفد إن العمل مستمر'];
    expect(searched(said, 'شنو حچى المتحدث باسم الوفد؟')[0]).toBe(1);
  });

  it('does not read گ as ك before a tense prefix shape (گالوه is no كـ + الوه)', () => {
    expect(askedStems('شنو گالوه عن السلام؟')).not.toContain('وه');
  });
});

describe('the Iraqi and Gulf ش "what" written on a function word (شراح، شصار) frames the question', () => {
  it('drops شراح and شصار and reads the rest as a dialect question', () => {
    expect(askedStems('شراح يسوون الدول الراعية باچر؟')).not.toContain('شراح');
    expect(askedStems('شصار بالاجتماع الثاني؟')).toEqual(['اجتماع', 'ثان']);
    // a dialect question, so باچر is read as غدا
    const tomorrow = ['تواصل الدول الراعية المحادثات اليوم', 'تواصل الدول الراعية المحادثات غدا'];
    expect(searched(tomorrow, 'شراح يسوون الدول الراعية باچر؟')[0]).toBe(1);
  });

  it('keeps MSA words of the same letters (شرح "explain", شيلي "Chile")', () => {
    expect(askedStems('ما شرح الاتفاق؟')).toContain('شرح');
    expect(askedStems('ما عاصمة شيلي؟')).toContain('شيل');
  });
});
