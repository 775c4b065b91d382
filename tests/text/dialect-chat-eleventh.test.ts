import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { askedStems } from '../helpers/asked-stems.js';

/** What eval/dialect-blind10.jsonl's misses showed, as classes: how chat frames a claim or a saying, everyday words. */

describe('how a chat message frames a claim or a saying', () => {
  it('drops "they say that" opening a claim and "this talk, right?" closing it', () => {
    expect(askedStems('بيقولو ان وفد النظام قابل الايرانيين.. الكلام ده مظبوط؟')).toEqual(askedStems('وفد النظام قابل الايرانيين؟'));
    expect(askedStems('قالوا انو الجعفري فل؟ هالحكي صح؟')).toEqual(askedStems('الجعفري فل؟'));
  });

  it('drops a saying asked with "anything about" or "about what", and the file it is asked of', () => {
    expect(askedStems('الفايل الروسي يقول شي عن اللاجئين؟')).toEqual(askedStems('الروسي اللاجئين؟'));
    expect(askedStems('الوثيقه كتقول شي حاجه على السكان؟')).toEqual(askedStems('السكان؟'));
    expect(askedStems('استانا وجنيف كل وحده عن شو بتحكي؟')).toEqual(askedStems('استانا وجنيف؟'));
  });

  it('reads Gulf لشنو "for what" as a question word', () => {
    expect(askedStems('المفاوضات تبي توصل لشنو؟')).toEqual(askedStems('المفاوضات تبي توصل؟'));
  });
});

describe('everyday words of another root', () => {
  it('reads Egyptian قابل as "met", Levantine and Gulf مسكرة as "closed", Egyptian تريقة (with و too) as "mockery"', () => {
    expect(searched(['غادر وفد النظام الفندق', 'التقى وفد النظام بوفد إيران'], 'وفد النظام قابل مين؟')[0]).toBe(1);
    expect(searched(['اجتماعات مفتوحة للصحفيين', 'اجتماعات مغلقة بين الوفدين'], 'الاجتماعات مسكره؟ بين مين؟')[0]).toBe(1);
    expect(searched(['تبادل الجانبان عبارات الشكر', 'تبادل الجانبان عبارات السخرية'], 'اول يوم كان خناق وتريقه بين الجانبين؟')[0]).toBe(1);
  });
});
