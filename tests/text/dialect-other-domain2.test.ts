import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/retrieve/question.js';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/**
 * What eval/xquad-dialect/blind2.jsonl (a second writer's dialect questions over encyclopedia articles) showed, as
 * classes: a Maghrebi question word under a preposition, a Latin word under an Arabic clitic, and a letter said alike
 * written the other way on a word under a dialect clitic.
 */

describe('Maghrebi "with / in which" (بشمن, فشمن)', () => {
  it('is a question word, not a word the documents are searched for', () => {
    expect(askedStems('اخر حاجة كتبها الكاتب كانت بشمن لغة؟')).not.toContain('بشمن');
    expect(askedStems('فشمن مدينة تولد؟')).not.toContain('فشمن');
    expect(askedStems('فشمن مدينة تولد؟')).toContain('مدين');
  });
});

describe('an Arabic clitic typed onto a Latin word (الgraph, بالHD, لـPSPACE)', () => {
  it('reads the Latin word alone', () => {
    expect(readQuestion('ازاي بيكتبو الgraph؟').search).toBe('ازاي بيكتبو graph؟');
    expect(readQuestion('القناة بتبث بالHD ولا لأ').search).toBe('القناة بتبث HD ولا لأ');
    expect(readQuestion('شو علاقة P لـPSPACE').search).toBe('شو علاقة P PSPACE');
  });

  it('leaves an Arabic word that ends in the same letters, and a Latin word written apart', () => {
    expect(readQuestion('مال HD').search).toBe('مال HD');
    expect(readQuestion('شو الفرق بين P و NP').search).toBe('شو الفرق بين P و NP');
  });
});

describe('a letter said alike written the other way, on a word under a dialect clitic', () => {
  it('finds ث written ت after عالـ (عالتوار → الثوار)', () => {
    const passages = ['دخل الجيش المدينة صباحا', 'انسحب الثوار من المدينة مساء'];
    expect(searched(passages, 'شو صار عالتوار بالمدينة؟')[0]).toBe(1);
  });
});
