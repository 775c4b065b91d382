import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/**
 * What eval/xquad-dialect/blind1.jsonl (dialect questions over encyclopedia articles, not the news seeds) showed, as
 * classes: a colloquial participle where a text writes the verb, and everyday words no news seed needed.
 */

describe('a colloquial active participle, where a text writes the verb', () => {
  it('finds "they lived" by ساكنين, not a future سـ on اكنين', () => {
    const passages = ['لم أكن في المنطقة يومها', 'كان يسكن المنطقة صيادون قبل المستوطنين'];
    expect(searched(passages, 'مين كانوا ساكنين بالمنطقة بالأول؟')[0]).toBe(1);
  });

  it('reads a hollow root both ways (عايشين → يعيش)', () => {
    const passages = ['زار الباحثون الغابة في الصيف', 'يعيش في الغابة نوع نادر من الطيور'];
    expect(searched(passages, 'شو الحيوانات اللي عايشين بالغابة؟')[0]).toBe(1);
  });

  it('keeps a participle as written when the collection knows it, and in an MSA question', () => {
    const passages = ['يكتب الصحفيون عن المدينة', 'الكاتب ولد في المدينة'];
    expect(searched(passages, 'مين الكاتب اللي من المدينة؟')[0]).toBe(1);
    expect(searched(['يسكن الناس في المنطقة', 'المنطقة ساكنة في الليل'], 'متى كانت المنطقة ساكنة؟')[0]).toBe(1);
  });
});

describe('everyday words no news seed needed', () => {
  it('reads a ball as a text writes it (طابة، كورة → كرة)', () => {
    // Without the reading only المرمى is searched, and the short passage that says it twice comes first.
    const passages = ['المرمى وحارس المرمى', 'ارتدت الكرة عن القائم إلى المرمى بعد تسديدة من خارج المنطقة'];
    expect(searched(passages, 'الطابة كيف فاتت عالمرمى؟')[0]).toBe(1);
    expect(searched(passages, 'الكورة دخلت المرمى ازاي؟')[0]).toBe(1);
  });
});
