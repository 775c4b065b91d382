import { describe, expect, it } from 'vitest';
import { isIsnadError } from '../../src/errors.js';
import { cleanQuestion } from '../../src/retrieve/question.js';

describe('cleanQuestion', () => {
  const code = (q: string) => {
    try {
      cleanQuestion(q);
      return 'ok';
    } catch (error) {
      return isIsnadError(error) ? error.code : 'crash';
    }
  };

  it('refuses empty, wordless and over-long questions with QUESTION_INVALID', () => {
    expect(code('')).toBe('QUESTION_INVALID');
    expect(code('   \n\t')).toBe('QUESTION_INVALID');
    expect(code('؟!?...')).toBe('QUESTION_INVALID');
    expect(code('😀🔥')).toBe('QUESTION_INVALID');
    expect(code('س'.repeat(1001))).toBe('QUESTION_INVALID');
    expect(code('من يرأس الوفد؟')).toBe('ok');
  });

  it('removes control and bidi override characters before echoing', () => {
    expect(cleanQuestion('\u202eمن\u0000 يرأس\u200f  الوفد؟')).toBe('من يرأس الوفد؟');
  });
});
