import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/**
 * A date's day said as an ordinal (في السادس من شباط), asked of a text that dates it in digits (6 فبراير): eval/JOURNAL.md,
 * "MSA questions over the seeds, sixth blind round".
 */
describe('a day of the month said as an ordinal', () => {
  it.each([
    [['في اجتماع 16 فبراير نوقشت الهدنة', 'في اجتماع 6 فبراير نوقشت التفاصيل التقنية'], 'ماذا نوقش في اجتماع السادس من شباط؟'],
    [['في 5 فبراير اجتمعت الوفود', 'في 15 فبراير اجتمعت الوفود كلها في أستانا'], 'من اجتمع في الخامس عشر من فبراير؟'],
    [['عقدت الاجتماعات في 3 يناير', 'عقدت الاجتماعات في 23-24 يناير'], 'ماذا عقد في الثالث والعشرين والرابع والعشرين من كانون الثاني؟'],
  ])('finds the passage with its digits (%#)', (passages, question) => {
    expect(searched(passages, question)[0]).toBe(1);
  });

  it('reads an ordinal as a number only before a month', () => {
    expect(searched(['الفصل 6 من الوثيقة الروسية', 'الفصل السادس من الوثيقة الروسية'], 'ما الفصل السادس من الوثيقة الروسية؟')[0]).toBe(1);
  });
});
