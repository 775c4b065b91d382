import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/text/analyze.js';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/**
 * What eval/xquad-dialect/blind4.jsonl (a fourth writer's dialect questions over encyclopedia articles) showed, as a class:
 * a year said by its last two digits (سنة 98), which a text writes whole (عام 1998).
 */

describe('a year said short after "year"', () => {
  it('finds the passage that writes the year whole', () => {
    const passages = ['في عام 1975 بدأت الشبكة باستخدام هوية جديدة', 'في عام 1998 بدأت الشبكة باستخدام هوية جديدة'];
    expect(searched(passages, 'مين اللي عمل الهويه بتاعة الشبكه سنة 98؟')[0]).toBe(1);
  });
  it('is read in either century, with the article or a clitic on it, and in Eastern digits', () => {
    expect(askedStems('مين حطو نوبل رئيس سنة ال50؟')).toContain('1950');
    expect(analyzeQuestion('شو صار بعام ١٦؟').flatMap((w) => w.stems)).toEqual(expect.arrayContaining(['1916', '2016']));
  });
  it('leaves an age alone, and an MSA question', () => {
    expect(askedStems('قديش عمره 98 سنة؟')).not.toContain('1998');
    expect(askedStems('ماذا حدث عام 98؟')).not.toContain('1998');
  });
});
