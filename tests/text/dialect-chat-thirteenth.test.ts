import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.js';
import { readLatinWords } from '../../src/text/arabizi.js';
import { questionType } from '../../src/text/question-type.js';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/** What eval/dialect-blind12.jsonl's misses showed, as classes: Iraqi and Gulf chat, and English chat words in Arabic questions. */

describe('Iraqi and Gulf chat', () => {
  it('reads Iraqi شوكت as "when": a date is asked, and the word is not searched', () => {
    expect(questionType('شوكت بدت المحادثات؟')).toBe('date');
    expect(questionType('الاجتماع الثاني شوكت چان؟')).toBe('date');
    expect(askedStems('شوكت بدت المحادثات؟')).toEqual(askedStems('بدت المحادثات؟'));
  });

  it('keeps شوكت in documents, where it is a name (آصف شوكت)', () => {
    expect(analyze('قتل آصف شوكت')).toContain('شوكت');
  });

  it('reads كان written with چ (چان, چانت) as the function word it is', () => {
    expect(askedStems('الاجتماع الثاني شوكت چان؟')).toEqual(askedStems('الاجتماع الثاني؟'));
    expect(askedStems('وين چانت المحادثات؟')).toEqual(askedStems('وين المحادثات؟'));
  });

  it('reads چ as ك and گ as ق in a word the collection knows so', () => {
    expect(searched(['الجلسة الختامية للمحادثات', 'الكلمة الختامية للمحادثات'], 'شنو صار بالچلمة الختامية؟')[0]).toBe(1);
    expect(searched(['وصل دي ميستورا إلى الفندق', 'قال دي ميستورا للصحفيين إن العمل مستمر'], 'شنو گال دي ميستورا؟')[0]).toBe(1);
  });

  it('drops a remark that many people are asking, written as its own sentence', () => {
    const asked = askedStems('شنو الشروط اللي طلبتها الفصائل؟');
    expect(askedStems('شنو الشروط اللي طلبتها الفصائل؟ هواية ناس يسألون')).toEqual(asked);
    expect(askedStems('الكل يسأل عنها.. شنو الشروط اللي طلبتها الفصائل؟')).toEqual(asked);
    // Asked alone, it is the question (who is asking about it?).
    expect(askedStems('الناس يسألون عن الشروط؟').length).toBeGreaterThan(1);
  });
});

describe('English chat words around an Arabic or Arabizi question', () => {
  const none = () => null;
  it('drops them, as اوكي is dropped', () => {
    expect(readLatinWords('ok bro شو صار بالاجتماع؟ lol', none).trim()).toBe('شو صار بالاجتماع؟');
    expect(readLatinWords('btw مين رئيس الوفد pls', none).trim()).toBe('مين رئيس الوفد');
    expect(readLatinWords('ok bro shu sar fel ejtima3?', () => 'اجتماع')).not.toMatch(/[a-z]/);
  });

  it('leaves an English question as it is', () => {
    expect(readLatinWords('is the ceasefire ok?', none)).toBe('is the ceasefire ok?');
  });
});
