import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/**
 * MSA questions over news written blind (eval/JOURNAL.md, "MSA questions over the seeds, first blind round"): a reader
 * asks with the register's other word for what the paper wrote (أخفقت for فشلت, مندوب for ممثل, بثّت for أذاعت, يُنتظر for من المتوقع).
 */
describe('news-register near-synonyms', () => {
  // The asked word's passage is not the answer; the answer says it with the other word.
  const cases: Array<[passages: string[], question: string]> = [
    [['ستجري المفاوضات بين الفصائل غدا', 'وأكدت الفصائل أنها ستستأنف القتال إذا فشلت المفاوضات'], 'ماذا ستفعل الفصائل إن أخفقت المفاوضات؟'],
    [['وفد النظام حضر الاجتماعات في الفندق', 'وقال ممثل النظام إنه ترك مقر الاجتماعات'], 'ماذا قال مندوب النظام عن الاجتماعات؟'],
    [['تصريحات المبعوث نقلتها الوكالة الروسية', 'تصريحات المبعوث التي أذاعتها الوكالة الروسية الرسمية'], 'ما الوكالة الروسية التي بثت تصريحات المبعوث؟'],
    [['تقدم روسيا مقترحها في كل جولة', 'من المتوقع أن تقدم روسيا مقترحها غدا'], 'ماذا يُنتظر أن تقدم روسيا؟'],
    [['المعارضة وصلت إلى الفندق وأعلنت مشاركتها', 'علقت المعارضة مشاركتها بسبب القصف'], 'لماذا أوقفت المعارضة مشاركتها؟'],
    [['عقدت اللقاءات الثنائية في الفندق', 'في اللقاءات الثنائية تمت مناقشة تعزيز الهدنة'], 'ما القضايا التي بحثت في اللقاءات الثنائية؟'],
    [['المعارضة وصلت إلى المحادثات في أستانا', 'لم تشارك المعارضة في المحادثات التقنية'], 'هل المعارضة في المحادثات الفنية؟'],
    [['المحادثات في أستانا مهمة', 'تستمر المحادثات لمدة يومين'], 'كم تستغرق المحادثات؟'],
    // Second blind round ("… second blind round"): both words are in the collection (يقود and يرأس, لقاءات and
    // اجتماعات), so the asked word is searched with the other beside it, and the other's passage wins on the rest.
    [['يقود وفد المعارضة محمد علوش', 'ويرأس الوفد الإيراني نائب وزير الخارجية'], 'من يقود الوفد الإيراني؟'],
    [['اللقاءات الثنائية', 'اجتماعات مغلقة بين وفدي المعارضة والنظام'], 'بين من تعقد اللقاءات المغلقة؟'],
    [['المعارضة المسلحة في المحادثات', 'لم تشارك المعارضة العسكرية في المحادثات التقنية'], 'هل شاركت المعارضة المسلحة في المحادثات التقنية؟'],
    [['الهدنة هشة في سوريا', 'وقف إطلاق النار أعلن في 30 ديسمبر في سوريا'], 'متى أعلن عن الهدنة في سوريا؟'],
  ];

  it.each(cases)('finds the passage that says it with the other word (%#)', (passages, question) => {
    expect(searched(passages, question)[0]).toBe(1);
  });

  it('keeps the word as written when the collection uses it', () => {
    // فشل is in the text: أخفق is not searched as فشل, and the passage with the asked word stays first.
    expect(searched(['أخفقت المفاوضات في الجولة الأولى', 'فشلت المفاوضات في الجولة الثانية'], 'متى أخفقت المفاوضات؟')[0]).toBe(0);
  });

  it('ranks the asked word above its other word when the rest is the same', () => {
    expect(searched(['يرأس الوفد الروسي لافرينتيف', 'يقود الوفد الروسي لافرينتيف'], 'من يقود الوفد الروسي؟')[0]).toBe(1);
  });
});
