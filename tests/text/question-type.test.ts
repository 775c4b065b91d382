import { describe, expect, it } from 'vitest';
import { answerTypeEvidence, questionType } from '../../src/text/question-type.js';

describe('questionType', () => {
  it('reads the answer type from standard and dialect question words', () => {
    expect(questionType('كم عدد القتلى؟')).toBe('number');
    expect(questionType('قديش صار عدد الوفود؟')).toBe('number');
    expect(questionType('كام واحد حضر؟')).toBe('number');
    expect(questionType('متى بدأت المحادثات؟')).toBe('date');
    expect(questionType('إمتى بدأت المحادثات؟')).toBe('date');
    expect(questionType('امتى خلصت الجولة؟')).toBe('date');
    expect(questionType('مين بيرأس وفد النظام؟')).toBe('person');
    expect(questionType('منو رئيس الوفد؟')).toBe('person');
    expect(questionType('شكون اللي حضر؟')).toBe('person');
    expect(questionType('وين انعقدت المحادثات؟')).toBe('place');
    expect(questionType('فين اتعملت المفاوضات؟')).toBe('place');
    expect(questionType('في أي عام تأسست الجامعة؟')).toBe('date');
    expect(questionType('How many people attended?')).toBe('number');
    expect(questionType('Where were the talks held?')).toBe('place');
  });

  it('knows every colloquial question word the dialect analysis drops, with و attached too', () => {
    // The words dialect.ts drops from a question must still say what the question asks for.
    expect(questionType('شكد صرفوا على الجولة؟')).toBe('number');
    expect(questionType('اديش طولت المحادثات؟')).toBe('number');
    expect(questionType('وقتيش بلشت المحادثات؟')).toBe('date');
    expect(questionType('فوقاش بدات المفاوضات؟')).toBe('date');
    expect(questionType('ومنهو اللي حضر؟')).toBe('person');
    expect(questionType('وينو الاجتماع؟')).toBe('place');
    expect(questionType('ووين انعقد الاجتماع؟')).toBe('place');
  });

  it('reads a colloquial question word asked in place, where the answer goes', () => {
    // Egyptian asks in place: the MSA twins (مع من التقى…، متى أعلن…، أين تعقد…) put it first.
    expect(questionType('الوفد التركي اتقابل مع مين؟')).toBe('person');
    expect(questionType('هو وقف اطلاق النار اتعلن امتى؟')).toBe('date');
    expect(questionType('هي المحادثات دي بتتعمل فين؟')).toBe('place');
    expect(questionType('المحادثات طولت قديش؟')).toBe('number');
    expect(questionType('الوثيقه الروسيه بتقول ايه عن اللاجئين')).toBe('other');
    // and the noun after a colloquial "what", as after ما
    expect(questionType('شو عدد الوفود المشاركة؟')).toBe('number');
    expect(questionType('ايش السنة اللي بدأت فيها المحادثات؟')).toBe('date');
  });

  it('does not take the preposition من deep in a sentence for "who"', () => {
    expect(questionType('ماذا قال المتحدث باسم الوفد من المعارضة؟')).toBe('other');
  });
});

describe('answerTypeEvidence', () => {
  it('finds numbers and years the question does not already contain', () => {
    expect(answerTypeEvidence(['وصل', '308', 'نقط'], new Set(['نقط']))).toEqual({ number: 1, date: 0 });
    expect(answerTypeEvidence(['عام', '1954', 'دمج'], new Set())).toEqual({ number: 1, date: 1 });
    expect(answerTypeEvidence(['2015', 'موسم'], new Set(['2015']))).toEqual({ number: 0, date: 0 });
    expect(answerTypeEvidence(['في', 'يناير'], new Set())).toEqual({ number: 0, date: 1 });
  });
});
