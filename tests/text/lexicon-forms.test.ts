import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { lexiconForms } from '../../src/text/lexicon-forms.js';
import { normalize } from '../../src/text/normalize.js';

/**
 * A careful reader writes a lexicon word inflected (eval/JOURNAL.md, "Lexicon words in their inflected forms"): لقائها,
 * يقودهم, بإمضائه, where the tables list لقاء, يقود, إمضاء. The answer says it with the table's other word.
 */
describe('lexicon words under clitics and endings', () => {
  const cases: Array<[passages: string[], question: string]> = [
    // a hamza's seat before a pronoun (لقاؤهم → لقاء → اجتماع, a news alternative of a word the collection knows)
    [['انتهى اليوم الأول في الفندق', 'اللقاء في الفندق', 'الاجتماع الأول انتهى بتشكيل آلية رصد'], 'بماذا انتهى لقاؤهم الأول؟'],
    // a pronoun Light10 leaves on (يقودهم → يقود → يرأس)
    [['يقود المبعوث الجلسة', 'الوفد الإيراني في أستانا', 'يرأس الوفد الإيراني نائب وزير الخارجية'], 'من يقودهم في الوفد الإيراني؟'],
    // with بـ, a pronoun and the hamza's seat (بإمضائه → إمضاء → توقيع, a word the collection lacks)
    [['الاتفاق في أستانا', 'الاتفاق من المستهدف أن يتم توقيعه في نهاية اليوم'], 'متى يقومون بإمضائه الاتفاق؟'],
  ];

  it.each(cases)('finds the passage that says it with the other word (%#)', (passages, question) => {
    expect(searched(passages, question)[0]).toBe(passages.length - 1);
  });

  it('takes clitics off in the order Arabic puts them on, and puts back what the pronoun changed', () => {
    expect(lexiconForms(normalize('لقائها'))).toContain('لقاء');
    expect(lexiconForms(normalize('وبقيادته'))).toContain('قياده');
    expect(lexiconForms(normalize('للرجوع'))).toContain('الرجوع');
    // a proclitic leaves four letters: لحال is a word, not لـ + حال
    expect(lexiconForms('لحال')).toEqual([]);
  });
});
