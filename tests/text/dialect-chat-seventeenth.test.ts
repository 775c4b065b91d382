import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/** What eval/dialect-blind16.jsonl's misses showed, as classes. */

describe('a form V or VI participle read as the verbal noun a text writes (متوتر → التوتر)', () => {
  // The short passage says الاجتماعات alone: only the participle can put the one about the tension above it.
  const passages = ['عقدت الاجتماعات', 'وكان التوتر ساد الاجتماعات التي أعقبت الجلسة الافتتاحية'];

  it('finds the tension for ليه الجو كان متوتر, and with a feminine or plural ending', () => {
    expect(searched(passages, 'ليه الجو كان متوتر في الاجتماعات؟')[0]).toBe(1);
    expect(searched(passages, 'هي الاجتماعات كانت متوترة ليه؟')[0]).toBe(1);
  });

  it('finds the agreement for a form VI participle (متفاهمين → التفاهم)', () => {
    const texts = ['عقد الطرفان لقاء', 'أعلن الطرفان التفاهم على الهدنة بعد لقاء'];
    expect(searched(texts, 'هما الطرفين متفاهمين على ايه دلوقتي بعد اللقاء؟')[0]).toBe(1);
  });

  it('keeps a participle the collection has as written (المتحدة is not read as تحد)', () => {
    const texts = ['شاركت الولايات المتحدة بصفة مراقب', 'تحد كبير أمام الولايات'];
    expect(searched(texts, 'مين من الولايات المتحدة شارك؟')[0]).toBe(0);
  });
});

describe('Egyptian مشي "left" (الجعفري مشي من الاجتماعات)', () => {
  it('finds the passage that says ترك or غادر', () => {
    const passages = ['عقد الجعفري الاجتماعات', 'ترك الجعفري مقر الاجتماعات دون معرفة وجهته'];
    expect(searched(passages, 'الجعفري مشي من الاجتماعات وراح فين؟')[0]).toBe(1);
    const left = ['وصل الوفد إلى الفندق', 'غادر الوفد الفندق مساء'];
    expect(searched(left, 'الوفد مشي من الفندق امتى؟')[0]).toBe(1);
  });
});
