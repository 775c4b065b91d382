import { describe, expect, it } from 'vitest';
import { Bm25Builder, type Bm25Index } from '../../src/index/bm25.js';
import { questionTerms } from '../../src/retrieve/query-terms.js';
import { analyze, analyzeQuestion } from '../../src/text/analyze.js';
import { dialectReadings } from '../../src/text/dialect.js';
import { normalize } from '../../src/text/normalize.js';

function buildIndex(passages: string[][]): Bm25Index {
  const builder = new Bm25Builder();
  for (const terms of passages) builder.add(terms);
  return builder.finish();
}

const readings = (word: string) => dialectReadings(normalize(word));

describe('dialect function words', () => {
  it('drop the question words, particles and demonstratives of all four dialects', () => {
    const noise = 'شو ايش وش إيه ليش ليه علاش وين فين قديش كام امتى إمتى مين منو شكون اللي يلي هاد هيدا ده دي بدي بدك عم رح عشان ديال وقتيش شكد دلوقتي هسه لسه برضو بعدين';
    expect(analyzeQuestion(noise)).toEqual([]);
  });

  it('keep the words that carry the question', () => {
    expect(analyzeQuestion('شو قال دي ميستورا للصحفيين؟').map((w) => w.stems[0])).toEqual(analyze('قال ميستورا الصحفيين'));
  });
});

describe('dialectReadings', () => {
  it('read a colloquial verb prefix off before the imperfect', () => {
    expect(readings('بيرأس')).toEqual([normalize('يرأس')]); // Levantine/Egyptian habitual بـ
    expect(readings('حيعقد')).toEqual(['يعقد']); // future حـ
    expect(readings('هيعقدوا')).toContain('يعقدوا'); // Egyptian future هـ
    expect(readings('كيقول')).toEqual(['يقول']); // Maghrebi كـ
    expect(readings('تيقول')).toEqual(['يقول']); // Maghrebi تـ
    expect(readings('بتعقد')).toEqual(['تعقد']);
  });

  it('read هالـ/عالـ as the article, ما…ش as plain negation and the colloquial plural ـو', () => {
    expect(readings('هالمحادثات')).toEqual(['المحادثات']);
    expect(readings('عالطاولة')).toEqual([normalize('الطاولة')]);
    expect(readings('ماشاركوش')).toEqual(['شاركو']);
    expect(readings('بيراقبو')).toEqual(['يراقبو', 'يراقب']);
    expect(readings('انعقدت')).toEqual(['عقدت']);
    expect(readings('اتعقدت')).toEqual(['عقدت']);
  });

  it('read a common colloquial word as the MSA word, after its prefixes', () => {
    expect(readings('هيحصل')).toEqual(['يحصل', 'يحدث']); // Egyptian "will happen"
    expect(readings('بتخلص')).toEqual(['تخلص', normalize('تنتهي')]);
    expect(readings('تدوم')).toEqual(['تستمر']);
    expect(readings('نهار')).toEqual(['يوم']); // Maghrebi "day"
    expect(readings('خلصت')).toEqual(['انتهت']);
    expect(readings('الفلوس')).toEqual(['الاموال']); // with the article too
    expect(readings('النهارده')).toEqual(['اليوم']); // Egyptian "today"
  });

  it('offer nothing for short words or non-Arabic words', () => {
    expect(readings('بين')).toEqual([]);
    expect(readings('bitcoin')).toEqual([]);
  });
});

describe('questionTerms', () => {
  const index = buildIndex([analyze('يرأس وفد النظام بشار الجعفري'), analyze('بيروت كتاب')]);

  it('searches a dialect verb by the MSA form the collection contains', () => {
    expect(questionTerms(index, 'مين بيرأس وفد النظام؟')).toEqual(analyze('يرأس وفد النظام'));
    expect(questionTerms(index, 'شكون كيرأس الوفد؟')).toEqual(analyze('يرأس وفد'));
  });

  it('searches a colloquial word by its MSA word, unless the collection uses the word itself', () => {
    const news = buildIndex([analyze('ستستمر المحادثات يومين وماذا يحدث بعد ذلك'), analyze('حصل الوفد على ضمانات')]);
    expect(questionTerms(news, 'ايه اللي هيحصل بعد ما تدوم المحادثات؟')).toEqual(analyze('يحدث تستمر المحادثات'));
    expect(questionTerms(news, 'على ماذا حصل الوفد؟')).toEqual(analyze('حصل الوفد'));
  });

  it('keeps an MSA word that merely starts like a dialect verb when the collection knows it', () => {
    expect(questionTerms(index, 'بيروت')).toEqual(analyze('بيروت'));
    expect(questionTerms(index, 'كتاب')).toEqual(analyze('كتاب'));
  });
});
