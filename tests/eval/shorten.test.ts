/** Short copies of gold questions (src/eval/shorten.ts): what the refusal learns short questions from. */
import { describe, expect, it } from 'vitest';
import { shortenedQuestion } from '../../src/eval/shorten.js';

const LONG = 'كم عدد الاستحواذات التي قام بها جاريد ألين في مسيرته؟';

describe('shortenedQuestion', () => {
  it('keeps the opening question word and one to three of the question\'s own content words, in order', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const short = shortenedQuestion(id, LONG)!;
      expect(short.endsWith('؟')).toBe(true);
      const words = short.slice(0, -1).split(' ');
      expect(words[0]).toBe('كم');
      expect(words.length - 1).toBeGreaterThanOrEqual(1);
      expect(words.length - 1).toBeLessThanOrEqual(3);
      const original = LONG.slice(0, -1).split(' ');
      const at = words.map((w) => original.indexOf(w));
      expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!)), short).toBe(true);
      expect(words.slice(1).some((w) => ['التي', 'بها', 'في'].includes(w)), short).toBe(false);
    }
  });

  it('is a function of the id: the same id draws the same words, other ids draw others', () => {
    expect(shortenedQuestion('q1', LONG)).toBe(shortenedQuestion('q1', LONG));
    const drawn = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => shortenedQuestion(id, LONG)));
    expect(drawn.size).toBeGreaterThan(2);
  });

  it('English questions keep their question words (how many) and end with a Latin question mark', () => {
    const short = shortenedQuestion('x', 'How many tackles did Luke Kuechly register?')!;
    expect(short).toMatch(/^How many \S.*\?$/);
  });

  it('has nothing to drop from a question with one content word', () => {
    expect(shortenedQuestion('a', 'من هو بوتين؟')).toBeNull();
  });
});
