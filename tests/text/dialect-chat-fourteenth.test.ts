import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { askedStems } from '../helpers/asked-stems.js';

/** What eval/dialect-blind13.jsonl's misses showed, as classes: Levantine frames around "do" and "made", and "their" on a noun. */

describe('a light verb asked "what" in the future or the progressive', () => {
  it('drops عمل / سوى / دار after "will / want to / keep" and a colloquial "what"', () => {
    expect(askedStems('شو بدهن يعملو على حدود المناطق؟')).toEqual(askedStems('على حدود المناطق؟'));
    expect(askedStems('شو رح يعمل الجعفري؟')).toEqual(askedStems('الجعفري؟'));
    expect(askedStems('وش راح يسوون الضامنين؟')).toEqual(askedStems('الضامنين؟'));
    expect(askedStems('شنو غادي يديرو الضامنين؟')).toEqual(askedStems('الضامنين؟'));
  });

  it('keeps عمل where it is not asked "what" (who works on the document)', () => {
    expect(askedStems('مين رح يعمل على الوثيقة؟')).toContain(askedStems('يعمل')[0]);
  });
});

describe('"made" spelled خلى, or with who was made before the verb', () => {
  it('drops it after "which / what" in a dialect question, keeping who and what', () => {
    expect(askedStems('شو السبب اللي خلا المعارضة توقف مشاركتها؟')).toEqual(askedStems('شو السبب اللي المعارضة توقف مشاركتها؟'));
    expect(askedStems('شو يلي خلى المعارضة تعلق مشاركتها؟')).toEqual(askedStems('شو المعارضة تعلق مشاركتها؟'));
  });
});

describe('"their / your / our" on a noun in a dialect question', () => {
  it('finds the document by وثيقتهن and the demands by مطالبهم', () => {
    const passages = ['قدمت روسيا مقترحا للأطراف', 'قدمت روسيا وثيقة تنص على إنشاء مناطق منخفضة التوتر'];
    expect(searched(passages, 'الروس شو بتقول وثيقتهن؟')[0]).toBe(1);
    expect(searched(['وصلت الفصائل إلى الفندق', 'وعرضت الفصائل مطالب برحيل النظام'], 'الفصائل شو مطالبهم؟')[0]).toBe(1);
  });

  it('keeps the plural of a noun with "their" (اجتماعاتهم → اجتماعات)', () => {
    expect(searched(['وصلت الوفود إلى الفندق', 'عقدت الوفود اجتماعات مغلقة'], 'الوفود وين كانت اجتماعاتهن؟')[0]).toBe(1);
  });
});

describe('a verb negated with ما written apart (Palestinian, Egyptian)', () => {
  it('reads the verb without its ش, the plural too', () => {
    const passages = ['الفصائل والجولة', 'شاركت الفصائل في الجولة الثالثة بعد تعليق طويل للمحادثات في العاصمة'];
    expect(searched(passages, 'الفصائل ما شاركتش بالجولة؟')[0]).toBe(1);
    expect(searched(passages, 'الفصائل ما شاركوش بالجولة؟')[0]).toBe(1);
  });

  it('drops a negated function word (ما كانش في اتفاق؟ asks about the agreement)', () => {
    expect(askedStems('ما كانش في اتفاق؟')).toEqual(askedStems('اتفاق؟'));
  });

  it('keeps a noun ending in ش after ما as written when the collection knows it', () => {
    expect(searched(['دعا الطرفين إلى الحوار', 'القتال ضد تنظيم داعش'], 'ما داعش؟')[0]).toBe(1);
  });
});
