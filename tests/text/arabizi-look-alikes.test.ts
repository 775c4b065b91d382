import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/retrieve/question.js';
import { analyzeQuestion } from '../../src/text/analyze.js';
import { isArabizi, readLatinWords } from '../../src/text/arabizi.js';

/**
 * English keyword queries and Latin names carry digits and short words that Arabizi also writes (G20, 3rd, fin, Chu,
 * Wen): read as Arabizi, an English query loses its English leg and an Arabic question a name's word.
 */

const anything = () => 'كلمة';
const none = () => null;

describe('an English keyword query', () => {
  it('stays English with a code, a model or an ordinal in it (the digit is a number, not a letter)', () => {
    for (const query of ['MP3 players', 'G20 summit 2009', 'B52 bomber range', '3D printing', 'PS5 release date', 'a380 capacity', 'Super Bowl 50 3rd quarter', '5th amendment']) {
      expect(readLatinWords(query, anything)).toBe(query);
    }
  });

  it('stays English with one word Arabizi asks with (a name or an English word: fin, Fein, Chu, Wen)', () => {
    for (const query of ['fin whale', 'Sinn Fein leader', 'Steven Chu energy secretary', 'Wen Jiabao premier', 'Leh Ladakh']) {
      expect(readLatinWords(query, anything)).toBe(query);
    }
  });
});

describe('a question typed wholly in Arabizi', () => {
  it('is still read in Arabic letters with its words that English also writes (had, we)', () => {
    expect(isArabizi('shu had el 7aki?')).toBe(true);
    expect(analyzeQuestion(readLatinWords('shu had el 7aki?', none)).length).toBeGreaterThan(0);
    expect(readLatinWords('kam 3adad el wafd we el mo3arda?', none)).not.toMatch(/[a-z]/);
  });
});

describe('a Latin name in an Arabic question', () => {
  const asked = (question: string) => analyzeQuestion(readQuestion(question).search).map((w) => w.stems[0]);
  it('keeps a word of the name that Arabizi asks with (Steven Chu, Wen Jiabao, Sinn Fein)', () => {
    expect(asked('ماذا قال Steven Chu عن الطاقة؟')).toContain('chu');
    expect(asked('من هو Wen Jiabao؟')).toContain('wen');
    expect(asked('ما هو حزب Sinn Fein؟')).toContain('fein');
  });

  it('still drops an Arabizi question word asking in an Arabic question (shu, meen, fin)', () => {
    expect(asked('shu اسم رئيس الوفد؟')).toEqual(asked('اسم رئيس الوفد؟'));
    expect(asked('fin غادي يستضيف المباحثات؟')).toEqual(asked('غادي يستضيف المباحثات؟'));
  });
});
