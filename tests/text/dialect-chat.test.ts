import { describe, expect, it } from 'vitest';
import { type Bm25Index } from '../../src/index/bm25.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { questionTerms } from '../../src/retrieve/query-terms.js';
import { readQuestion } from '../../src/retrieve/question.js';
import { analyze, analyzeQuestion } from '../../src/text/analyze.js';
import { dialectReadingsOf } from '../../src/text/dialect-readings.js';
import { normalize } from '../../src/text/normalize.js';
import { questionType } from '../../src/text/question-type.js';
import { askedStems } from '../helpers/asked-stems.js';

/** How people write a question in a chat, beyond its dialect words: the classes eval/dialect-blind3.jsonl's misses showed. */

function buildIndex(passages: string[]): Bm25Index {
  const builder = new Bm25Builder();
  for (const text of passages) builder.add(analyze(text));
  return builder.finish();
}

const readings = (word: string) => dialectReadingsOf(normalize(word)).readings;

describe('a chat question', () => {
  it('reads a stretched letter once, so the stretched question word is a question word', () => {
    expect(readQuestion('مييين اللي مثّل تركيا؟؟').search).toBe('مين اللي مثّل تركيا؟؟');
    expect(askedStems('وييين صارت المحادثات بالضبط؟')).toEqual(analyze('المحادثات'));
    expect(questionType(readQuestion('وييين صارت المحادثات؟').search)).toBe('place');
    // A letter written twice is a word's own (ممكن, الليل); the echo keeps what was typed.
    expect(readQuestion('ممكن كتييير؟').search).toBe('ممكن كتير؟');
    expect(readQuestion('مييين؟').echo).toBe('مييين؟');
  });

  it('drops the function words of the dialects it did not know: "it has been", راه + pronoun, بلي "that", كانو, بالزبط, "want it"', () => {
    expect(analyzeQuestion('صرلها صرلهم راهم راهي بلي كانو بالزبط عايزاه حابين بايه بشو')).toEqual([]);
  });

  it('reads a question word with لـ "until" attached (لإيمتى) as a question word', () => {
    expect(questionType('لإيمتى لازم يخلصو الخرايط؟')).toBe('date');
    expect(askedStems('لإيمتى لازم يخلصو الخرايط؟')).not.toContain('لايمت');
  });

  it('drops the words that only frame it: yes/no openings and closings, replies, remarks, "anything", "how is", "or not"', () => {
    expect(askedStems('واش صحيح بلي الأردن كانت مراقبة؟')).toEqual(analyze('الأردن مراقبة'));
    expect(askedStems('سمعت ان صار ميتنغ بين الوفدين، صدق؟')).toEqual(analyze('ميتنغ الوفدين'));
    expect(askedStems('الجعفري ترك المقر واش صحيح؟')).toEqual(analyze('الجعفري ترك المقر'));
    expect(askedStems('طب ومين رئيس الوفد؟')).toEqual(analyze('رئيس الوفد'));
    expect(askedStems('يا جماعة حد عارف مين رايس الوفد؟')).toEqual(analyze('رايس الوفد'));
    expect(askedStems('انا مش فاهم حاجه.. المبادرة جت من مين؟')).toEqual(analyze('المبادرة جت'));
    expect(askedStems('هو فيه حاجه عن اللاجئين؟')).toEqual(analyze('اللاجئين'));
    expect(askedStems('الجو في استانا عامل ايه؟')).toEqual(analyze('الجو استانا'));
    expect(askedStems('هسه المعارضة راح ترجع لو لا؟')).toEqual(analyze('المعارضة ترجع'));
    expect(askedStems('الاتفاق امتى المفروض ينوقع؟')).toEqual(analyze('الاتفاق ينوقع'));
  });

  it('keeps those words where they mean what they mean in MSA', () => {
    expect(askedStems('طب الأعشاب في الصين')).toEqual(analyze('طب الأعشاب الصين'));
    expect(askedStems('هل الدول في حاجة إلى المساعدات؟')).toEqual(analyze('الدول حاجة المساعدات'));
    expect(askedStems('ما دور العامل في المصنع؟')).toEqual(analyze('دور العامل المصنع'));
    expect(askedStems('متى رفع الحظر المفروض على العراق؟')).toEqual(analyze('رفع الحظر المفروض العراق'));
    expect(askedStems('من صدق الرواية؟')).toEqual(analyze('صدق الرواية'));
  });
});

describe('everyday chat words read as the MSA a text uses', () => {
  it('reads a word of the lexicon as itself, not as a prefix and a shape', () => {
    expect(readings('باجر')).toEqual(['غدا']); // Gulf "tomorrow", not ب + اجر (أجرى)
    expect(readings('كتير')).toEqual(['كثير']);
  });

  it('reads loanwords, Maghrebi "the first" and "water", month names, and رايس', () => {
    expect(readings('الميتنغ')).toEqual(['الاجتماع']);
    expect(readings('الفايل')).toEqual(['الملف']);
    expect(readings('الديل')).toEqual(['الاتفاق']);
    expect(readings('ديل')).toEqual([]); // Sudanese "these"
    expect(readings('اللول')).toEqual(['الاول']);
    expect(readings('الما')).toEqual(['المياه']);
    expect(readings('دجنبر')).toEqual(['ديسمبر']);
    expect(readings('شباط')).toEqual(['فبراير']);
    expect(readings('رايس')).toEqual(['رييس']);
  });

  it('reads a lexicon word with the Maghrebi فـ "in" on its article', () => {
    expect(readings('فالنهار')).toContain('اليوم');
    expect(readings('فالميتنغ')).toContain('الاجتماع');
  });
});

describe('letters said alike', () => {
  const index = buildIndex(['تنتهي جولة المباحثات نحو الساعة الثانية بعد الظهر', 'ضرب الوفد موعدا', 'تدابير لزيادة الثقة']);

  it('searches a word unknown as written with ظ/ض, ذ/ز/د or ث/ت written the other way when the collection knows that', () => {
    expect(questionTerms(index, 'بأي ساعه رح يخلصو المباحثات؟ ع ٢ الضهر؟')).toContain('ظهر');
    expect(questionTerms(index, 'شو عملو لزيادة التقه؟')).toContain('ثق');
  });

  it('keeps a word the collection knows as written, and an unknown word as its own stem rather than a made-up spelling', () => {
    expect(questionTerms(index, 'ضرب الوفد')).toEqual(analyze('ضرب الوفد'));
    expect(questionTerms(index, 'طلبت الفصايل')).toEqual(analyze('طلبت الفصايل'));
  });

  it('leaves an MSA question as spelled: a word the collection lacks is not a misspelling there', () => {
    expect(questionTerms(index, 'متى تنتهي الجولة بعد الضهر؟')).not.toContain('ظهر');
    expect(questionTerms(index, 'شو بعد الضهر؟')).toContain('ظهر');
  });
});
