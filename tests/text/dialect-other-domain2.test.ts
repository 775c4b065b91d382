import { describe, expect, it } from 'vitest';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/**
 * What eval/xquad-dialect/blind2.jsonl (a second writer's dialect questions over encyclopedia articles) showed, as
 * classes: a Maghrebi question word under a preposition, and a letter said alike written the other way on a word under a
 * dialect clitic.
 */

describe('Maghrebi "with / in which" (بشمن, فشمن)', () => {
  it('is a question word, not a word the documents are searched for', () => {
    expect(askedStems('اخر حاجة كتبها الكاتب كانت بشمن لغة؟')).not.toContain('بشمن');
    expect(askedStems('فشمن مدينة تولد؟')).not.toContain('فشمن');
    expect(askedStems('فشمن مدينة تولد؟')).toContain('مدين');
  });
});

describe('a letter said alike written the other way, on a word under a dialect clitic', () => {
  it('finds ث written ت after عالـ (عالتوار → الثوار)', () => {
    const passages = ['دخل الجيش المدينة صباحا', 'انسحب الثوار من المدينة مساء'];
    expect(searched(passages, 'شو صار عالتوار بالمدينة؟')[0]).toBe(1);
  });
});
