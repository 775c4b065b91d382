import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { readQuestion } from '../../src/retrieve/question.js';
import { analyzeQuestion } from '../../src/text/analyze.js';

/** What eval/dialect-blind10.jsonl's misses showed, as classes: how chat frames a claim or a saying, everyday words. */

const asked = (question: string) => analyzeQuestion(readQuestion(question).search).map((w) => w.stems[0]);

describe('how a chat message frames a claim or a saying', () => {
  it('drops "they say that" opening a claim and "this talk, right?" closing it', () => {
    expect(asked('بيقولو ان وفد النظام قابل الايرانيين.. الكلام ده مظبوط؟')).toEqual(asked('وفد النظام قابل الايرانيين؟'));
    expect(asked('قالوا انو الجعفري فل؟ هالحكي صح؟')).toEqual(asked('الجعفري فل؟'));
  });

  it('drops a saying asked with "anything about" or "about what", and the file it is asked of', () => {
    expect(asked('الفايل الروسي يقول شي عن اللاجئين؟')).toEqual(asked('الروسي اللاجئين؟'));
    expect(asked('الوثيقه كتقول شي حاجه على السكان؟')).toEqual(asked('السكان؟'));
    expect(asked('استانا وجنيف كل وحده عن شو بتحكي؟')).toEqual(asked('استانا وجنيف؟'));
  });

  it('reads Gulf لشنو "for what" as a question word', () => {
    expect(asked('المفاوضات تبي توصل لشنو؟')).toEqual(asked('المفاوضات تبي توصل؟'));
  });
});

describe('everyday words of another root', () => {
  it('reads Egyptian قابل as "met", Levantine and Gulf مسكرة as "closed", Egyptian تريقة (with و too) as "mockery"', () => {
    expect(searched(['غادر وفد النظام الفندق', 'التقى وفد النظام بوفد إيران'], 'وفد النظام قابل مين؟')[0]).toBe(1);
    expect(searched(['اجتماعات مفتوحة للصحفيين', 'اجتماعات مغلقة بين الوفدين'], 'الاجتماعات مسكره؟ بين مين؟')[0]).toBe(1);
    expect(searched(['تبادل الجانبان عبارات الشكر', 'تبادل الجانبان عبارات السخرية'], 'اول يوم كان خناق وتريقه بين الجانبين؟')[0]).toBe(1);
  });
});
