import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.js';
import { askedStems } from '../helpers/asked-stems.js';

/** What eval/dialect-plain.jsonl's misses showed, as a class: the colloquial "do" asked about with "what", or after its event noun. */

describe('colloquial "do" in a plain question', () => {
  it('drops "do" asked with "what" (= ماذا فعل): the doer and the rest are what is asked', () => {
    expect(askedStems('الجعفري عمل إيه بعد الاجتماعات؟')).toEqual(askedStems('الجعفري بعد الاجتماعات؟'));
    expect(askedStems('شو عملت روسيا بالمحادثات؟')).toEqual(askedStems('روسيا بالمحادثات؟'));
    expect(askedStems('وش سوت المعارضة في أستانا؟')).toEqual(askedStems('المعارضة في أستانا؟'));
    expect(askedStems('شنو دارو الضامنين؟')).toEqual(askedStems('الضامنين؟'));
  });

  it('drops "do" after the meeting or talks it held, a demonstrative between or not', () => {
    expect(askedStems('المحادثات دي اتعملت فين؟')).toEqual(askedStems('المحادثات دي فين؟'));
    expect(askedStems('الاجتماع اتعمل امتى؟')).toEqual(askedStems('الاجتماع امتى؟'));
  });

  it('keeps عمل where it is "work" or in an MSA question', () => {
    expect(askedStems('ما هو عمل آية الله في المحادثات؟')).toContain(analyze('عمل')[0]);
    expect(askedStems('شو عمل الفريق العامل المشترك؟')).toContain(analyze('العامل')[0]);
    expect(askedStems('متى يعمل الوفد على الوثيقة؟')).toContain(analyze('يعمل')[0]);
  });
});
