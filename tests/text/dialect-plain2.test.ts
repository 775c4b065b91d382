import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { dialectReadingsOf } from '../../src/text/dialect-readings.js';
import { normalize } from '../../src/text/normalize.js';

/** What eval/dialect-plain2.jsonl's misses showed, as a class: the colloquial "stay, go on" asked of how long something lasts. */

const readings = (word: string) => dialectReadingsOf(normalize(word)).readings;

describe('colloquial "stay, go on" (Egyptian فضل, Levantine ضل)', () => {
  it('reads it, with a future or progressive prefix, as "continue"', () => {
    expect(readings('هتفضل')).toContain(normalize('تستمر'));
    expect(readings('بيضل')).toContain(normalize('يستمر'));
    expect(readings('فضلت')).toContain(normalize('استمرت'));
  });

  it('finds the passage through the MSA verb', () => {
    expect(searched(['تحدث الوفد عن المحادثات', 'تستمر المحادثات لمدة يومين'], 'المحادثات هتفضل قد ايه؟')[0]).toBe(1);
    expect(searched(['انتهت الهدنة في الشمال', 'استمرت الهدنة في الشمال'], 'الهدنة ضلت بالشمال؟')[0]).toBe(1);
  });
});
