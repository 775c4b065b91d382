import { describe, expect, it } from 'vitest';
import { readLatinWords } from '../../src/text/arabizi.js';
import { questionType } from '../../src/text/question-type.js';
import { askedStems } from '../helpers/asked-stems.js';
import { searched } from '../helpers/lexical-search.js';

/** What eval/dialect-blind14.jsonl's Egyptian and Maghrebi misses showed, as classes. */

/** A stand-in for the collection's nearest written word: none is near, so only the analysis's own words are kept. */
const none = () => null;

describe('an Arabizi verb with the progressive or future letter on it', () => {
  it('is written as the dialect verb the analysis reads (byeshta8al → بيشتغل, 7atrga3 → حترجع)', () => {
    expect(readLatinWords('howa lavrentiev da byeshta8al eh?', none)).toContain('بيشتغل');
    expect(readLatinWords('el fasa2el 7atrga3 wala la2?', none)).toContain('حترجع');
  });

  it('finds the passage the verb asks about through its MSA word', () => {
    const passages = ['قالت الوفود إن المحادثات انتهت', 'قال المتحدث إن الوفود تعود غدا'];
    expect(searched(passages, readLatinWords('el wofod 7atrga3 wala la2?', none))[0]).toBe(1);
  });
});

describe('Maghrebi chat in Latin letters with French words in it', () => {
  it('is read as Arabizi when a French word of talks stands beside an Arabizi question word', () => {
    expect(readLatinWords('wach les zones de sécurité fihom nqat?', none)).not.toMatch(/[a-z]/);
  });

  it('reads French phrases of talks in an Arabic question (conférence de presse, à huis clos)', () => {
    expect(readLatinWords('بعد الجولة شنو كاين؟ conférence de presse؟', none).replace(/\s+/g, ' ')).toContain('موتمر صحفي');
    expect(readLatinWords('الاجتماعات à huis clos ولا لا؟', none).replace(/\s+/g, ' ')).toBe('الاجتماعات مغلقة ولا لا؟');
  });

  it('leaves an English question with "conference" or "a" as it is', () => {
    expect(readLatinWords('when is the press conference?', none)).toBe('when is the press conference?');
  });
});

describe('Egyptian and Maghrebi function words', () => {
  it('asks "when" with Upper Egyptian ميتى', () => {
    expect(questionType('الاجتماع التاني كان ميتى؟')).toBe(questionType('الاجتماع التاني كان امتى؟'));
    expect(askedStems('الاجتماع كان ميتى؟')).toEqual(askedStems('الاجتماع كان؟'));
  });

  it('drops Tunisian فما ("there is") and ناوية ("intending to")', () => {
    expect(askedStems('بعد الجولة شنو فما؟')).toEqual(askedStems('بعد الجولة شنو؟'));
    expect(askedStems('روسيا ناوية تقدم ايه؟')).toEqual(askedStems('روسيا تقدم ايه؟'));
  });
});

describe('everyday Egyptian words for the talks', () => {
  it('reads القعدات as sessions and ما نفعتش as not working out', () => {
    expect(searched(['عقدت اجتماعات ثنائية', 'في جلسات المحادثات الثنائية تمت مناقشة الثقة'], 'اتكلموا في ايه في القعدات الثنائية؟')[0]).toBe(1);
    const talks = ['قالت الفصائل إن المفاوضات مستمرة', 'قالت الفصائل إذا نجحت المفاوضات نحن معها'];
    expect(searched(talks, 'الفصايل قالت ايه لو المفاوضات مانفعتش؟')[0]).toBe(1);
  });

  it('reads a colloquial "will last" as the news future with سـ when no other form is known (ستستمر)', () => {
    expect(searched(['المشاورات ما زالت مستمرة مع المحادثات', 'ستستمر المحادثات لمدة يومين'], 'شحال يدومو المحادثات؟')[0]).toBe(1);
  });

  it('keeps to a plain reading the collection knows (يكملو → تواصل, not ستستمر)', () => {
    expect(searched(['ستستمر المحادثات لمدة يومين', 'تواصل الدول المحادثات لمدة يومين'], 'شحال يكملو المحادثات؟')[0]).toBe(1);
  });
});
