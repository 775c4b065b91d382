import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { countryNamed } from '../../src/text/country-names.js';
import { dialectReadingsOf } from '../../src/text/dialect-readings.js';
import { normalize } from '../../src/text/normalize.js';
import { askedStems } from '../helpers/asked-stems.js';

/** What eval/dialect-blind9.jsonl's misses showed, as classes: a country named by its people or capital, و on a function word, verb forms. */

const readings = (word: string) => dialectReadingsOf(normalize(word)).readings;

describe('a country named by its people or its capital', () => {
  it('finds the passage that names the country', () => {
    const observers = ['شارك ممثلو الأردن كمراقبين', 'شارك ممثلو الولايات المتحدة كمراقبين'];
    expect(searched(observers, 'صح إنو الأمريكان كانو مراقبين؟')[0]).toBe(1);
    expect(searched(observers, 'واش الميريكان كانو غير مراقبين؟')[0]).toBe(1);
    const heads = ['يرأس وفد إيران نائب وزير الخارجية', 'يرأس وفد روسيا المبعوث الخاص'];
    expect(searched(heads, 'موسكو مين بعتت يمثلها؟')[0]).toBe(1);
    expect(searched(heads, 'منو راس وفد طهران؟')[0]).toBe(0);
  });

  it('reads the people, the capital, with and, a preposition or the article on them, but not the adjective', () => {
    expect(countryNamed(normalize('بموسكو'))).toEqual(['روسيا']);
    expect(countryNamed(normalize('للروس'))).toEqual(['روسيا']);
    expect(countryNamed(normalize('والأتراك'))).toEqual(['تركيا']);
    expect(countryNamed(normalize('الأمريكان'))).toEqual(['الولايات', normalize('المتحدة')]);
    expect(countryNamed(normalize('التركي'))).toEqual([]);
    expect(countryNamed(normalize('ترك'))).toEqual([]);
  });

  it('in an MSA question, only when the collection lacks the word as written', () => {
    const observers = ['شارك ممثلو الأردن كمراقبين', 'شارك ممثلو الولايات المتحدة كمراقبين'];
    expect(searched(observers, 'هل كان الأمريكيون مراقبين؟')[0]).toBe(1);
    const said = ['قال الأتراك إن الاجتماع مفيد', 'قالت تركيا إن الاجتماع مفيد'];
    expect(searched(said, 'ماذا قال الأتراك؟')).toEqual([0]);
    expect(searched(said, 'شو قال الأتراك؟')).toEqual(expect.arrayContaining([0, 1]));
  });
});

describe('a dialect function word with و on it', () => {
  it('drops ومحد, وكمان, واللي, وبس and the Sudanese ديل like the bare word', () => {
    expect(askedStems('منو طلع من الاجتماع ومحد عرف وين راح؟')).toEqual(askedStems('منو طلع من الاجتماع عرف وين راح؟'));
    expect(askedStems('وكمان شو قال المتحدث؟')).toEqual(askedStems('شو قال المتحدث؟'));
    expect(askedStems('واللي انسحب مين؟ وبس؟')).toEqual(askedStems('انسحب مين؟'));
    expect(askedStems('الجماعة ديل اتلاقوا وين؟')).toEqual(askedStems('الجماعة اتلاقوا وين؟'));
  });

  it('keeps وراه, MSA "behind him"', () => {
    expect(askedStems('مين وراه؟')).toHaveLength(1);
  });
});

describe('verb forms and words of another root', () => {
  it('reads the Maghrebi plural تلاقاو and the Egyptian اتلاقوا as "met"', () => {
    expect(readings('تلاقاو')).toContain(normalize('التقى'));
    expect(readings('اتلاقوا')).toContain(normalize('التقى'));
    const passages = ['التقى وفد المعارضة بوفد النظام', 'غادر وفد المعارضة الفندق'];
    expect(searched(passages, 'واش وفد المعارضة تلاقاو مع النظام؟')[0]).toBe(0);
  });

  it('reads لحالهم as "separately" and مسخرة as السخرية', () => {
    expect(searched(['عقد الوفد اجتماعات مع الجميع', 'عقد الوفد اجتماعات منفصلة'], 'الوفد اجتمع لحاله؟')[0]).toBe(1);
    expect(searched(['تبادل الجانبان عبارات الشكر', 'تبادل الجانبان عبارات السخرية'], 'شو صار؟ في مسخرة بين الجانبين؟')[0]).toBe(1);
  });
});
