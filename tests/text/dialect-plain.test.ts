import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/retrieve/question.js';
import { analyze, analyzeQuestion } from '../../src/text/analyze.js';

/** What eval/dialect-plain.jsonl's misses showed, as a class: the colloquial "do" asked about with "what", or after its event noun. */

const asked = (question: string) => analyzeQuestion(readQuestion(question).search).map((w) => w.stems[0]);

describe('colloquial "do" in a plain question', () => {
  it('drops "do" asked with "what" (= ماذا فعل): the doer and the rest are what is asked', () => {
    expect(asked('الجعفري عمل إيه بعد الاجتماعات؟')).toEqual(asked('الجعفري بعد الاجتماعات؟'));
    expect(asked('شو عملت روسيا بالمحادثات؟')).toEqual(asked('روسيا بالمحادثات؟'));
    expect(asked('وش سوت المعارضة في أستانا؟')).toEqual(asked('المعارضة في أستانا؟'));
    expect(asked('شنو دارو الضامنين؟')).toEqual(asked('الضامنين؟'));
  });

  it('drops "do" after the meeting or talks it held, a demonstrative between or not', () => {
    expect(asked('المحادثات دي اتعملت فين؟')).toEqual(asked('المحادثات دي فين؟'));
    expect(asked('الاجتماع اتعمل امتى؟')).toEqual(asked('الاجتماع امتى؟'));
  });

  it('keeps عمل where it is "work" or in an MSA question', () => {
    expect(asked('ما هو عمل آية الله في المحادثات؟')).toContain(analyze('عمل')[0]);
    expect(asked('شو عمل الفريق العامل المشترك؟')).toContain(analyze('العامل')[0]);
    expect(asked('متى يعمل الوفد على الوثيقة؟')).toContain(analyze('يعمل')[0]);
  });
});
