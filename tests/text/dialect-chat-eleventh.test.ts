import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { readQuestion } from '../../src/retrieve/question.js';
import { analyzeQuestion } from '../../src/text/analyze.js';

/** What eval/dialect-blind10.jsonl's misses showed, as classes: a verb whose root begins with و, framing of chat, everyday words. */

const asked = (question: string) => analyzeQuestion(readQuestion(question).search).map((w) => w.stems[0]);

describe('a past verb whose root begins with و', () => {
  it('meets the text through its root letters, not the stem the light stemmer leaves (وقفت → قفت, وصلت → صلت)', () => {
    const stopped = ['استمر القصف على المدينة', 'طالبت المعارضة بوقف القصف'];
    expect(searched(stopped, 'ليش المعارضه وقفت؟ شو طلبت؟')).toEqual([1]);
    const arrived = ['غادرت الوفود الفندق مساء', 'ووصل إلى الفندق صباحا عدد من الوفود'];
    expect(searched(arrived, 'الوفود وصلت فين؟')[0]).toBe(1);
  });
});

describe('how a chat message frames a claim or a comparison', () => {
  it('drops "they say that" opening a claim and "this talk, right?" closing it', () => {
    expect(asked('بيقولو ان وفد النظام قابل الايرانيين.. الكلام ده مظبوط؟')).toEqual(asked('وفد النظام قابل الايرانيين؟'));
    expect(asked('قالوا انو الجعفري فل؟ هالحكي صح؟')).toEqual(asked('الجعفري فل؟'));
  });

  it('drops a saying asked with "anything about" or "about what", and the file it is asked of', () => {
    expect(asked('الفايل الروسي يقول شي عن اللاجئين؟')).toEqual(asked('الروسي اللاجئين؟'));
    expect(asked('الوثيقه كتقول شي حاجه على السكان؟')).toEqual(asked('السكان؟'));
    expect(asked('استانا وجنيف كل وحده عن شو بتحكي؟')).toEqual(asked('استانا وجنيف؟'));
  });

  it('drops "the difference between" after a colloquial "what", keeping the two compared', () => {
    expect(asked('شو الفرق بين استانا وجنيف؟')).toEqual(asked('استانا وجنيف؟'));
    expect(asked('ما هو الفرق بين المحادثات؟')).toContain('فرق');
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
