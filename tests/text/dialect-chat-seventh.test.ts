import { describe, expect, it } from 'vitest';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { questionTerms } from '../../src/retrieve/query-terms.js';
import { analyze } from '../../src/text/analyze.js';
import { arabiziSpellings, readLatinWords } from '../../src/text/arabizi.js';
import { dialectReadingsOf } from '../../src/text/dialect-readings.js';
import { normalize } from '../../src/text/normalize.js';
import { askedStems } from '../helpers/asked-stems.js';

/** What eval/dialect-blind6.jsonl's misses showed, as classes: Arabizi and French, greetings and remarks, messages of several sentences. */

const readings = (word: string) => dialectReadingsOf(normalize(word)).readings;
/** A collection that writes only the words given: the nearest of a spelling is itself when written, else none. */
const writing = (...words: string[]) => (spellings: readonly string[]) => spellings.find((s) => words.includes(s)) ?? null;

describe('a question typed in Arabizi', () => {
  it('spells a word as Arabic writes it: digits for letters, short vowels unwritten, a final a as ة', () => {
    expect(arabiziSpellings('3askareya')).toContain('عسكريه');
    expect(arabiziSpellings('wafd')).toContain('وفد');
    expect(arabiziSpellings('mo7adasat')).toContain('محادثات'.replace('ث', 'س'));
    expect(arabiziSpellings('2alet')).toContain('قالت');
    expect(arabiziSpellings('9addmetha')).toContain('قدمتها');
  });

  it('is read in Arabic letters, function words by their list and others as the collection writes them', () => {
    const read = readLatinWords('meen elly by2ood wafd el 3askareya?', writing('يقود', 'وفد', 'عسكريه'));
    expect(askedStems(read)).toEqual(askedStems('مين اللي بيقود وفد العسكرية؟'));
  });

  it('leaves an English question, and an Arabic one with English words, as written', () => {
    const anything = () => 'كلمة';
    expect(readLatinWords('Who is the head of the delegation?', anything)).toBe('Who is the head of the delegation?');
    expect(readLatinWords('What did Kam say?', anything)).toBe('What did Kam say?');
    expect(readLatinWords('الـ delegations وصلت فين؟', anything)).toBe('الـ delegations وصلت فين؟');
  });
});

describe('French words in a Maghrebi question', () => {
  const none = () => null;
  it('reads the French words of talks in Arabic and drops the French articles with them', () => {
    expect(askedStems(readLatinWords('شكون les observateurs ف استانا؟', none))).toEqual(askedStems('شكون المراقبين ف استانا؟'));
    expect(askedStems(readLatinWords('le cessez-le-feu تعلن امتى؟', none))).toEqual(askedStems('وقف اطلاق النار تعلن امتى؟'));
    expect(askedStems(readLatinWords("c'est quoi المناطق الأمنية؟", none))).toEqual(analyze('المناطق الأمنية'));
  });

  it('reads a word English writes alike only with its French accents (délégation, not delegation)', () => {
    expect(readLatinWords('شكون راس la délégation؟', none)).toContain('وفد');
  });
});

describe('greetings and remarks before the question', () => {
  it('drops a greeting said as a pair of words, and keeps السلام and الخير alone', () => {
    expect(askedStems('السلام عليكم يا جماعة، مين بيرأس الوفد؟')).toEqual(askedStems('مين بيرأس الوفد؟'));
    expect(askedStems('هلا والله شباب، عساكم بخير، وش تبي المعارضة؟')).toEqual(askedStems('وش تبي المعارضة؟'));
    expect(askedStems('سلام خوتي، كيداير الأحوال؟ بغيت نسول واحد السؤال: شنو دار الوفد؟')).toEqual(askedStems('شنو دار الوفد؟'));
    expect(askedStems('ما هو دور السلام في المنطقة؟')).toContain(analyze('السلام')[0]);
  });

  it('drops a remark on what the asker read or cannot remember, in a dialect question', () => {
    expect(askedStems('صباح الخير، انا كنت بقرا عن استانا ومش فاكر حاجة خالص، مين الدول اللي بتراقب؟')).toEqual(askedStems('استانا، مين الدول اللي بتراقب؟'));
  });

  it('keeps what a lone "how are you" message says, since nothing else is asked', () => {
    expect(askedStems('شلونك اليوم؟')).toContain(analyze('اليوم')[0]);
    expect(askedStems('شلونكم؟ وين صارت المحادثات؟')).toEqual(askedStems('وين صارت المحادثات؟'));
  });
});

describe('a message of several sentences', () => {
  it('reads what closes or opens each sentence (…ولا؟ وش…، …؟ ومتى…؟)', () => {
    // The second sentence is all frame: "what does the document say about them" (seed-limits.test.ts).
    expect(askedStems('اللاجئين بيرجعون ولا؟ وش تقول الوثيقة عنهم')).toEqual(askedStems('اللاجئين بيرجعون؟'));
    expect(askedStems('متى بدأت الاجتماعات؟ ومتى تنتهي؟')).toEqual(analyze('بدأت الاجتماعات تنتهي'));
    expect(askedStems('شن دار دي ميستورا؟ دعاهم لشن؟')).toEqual(analyze('دار دي ميستورا دعاهم'));
  });
});

describe('function words and everyday words of the seventh round', () => {
  it('drops و on a pronoun opening a follow-up and Maghrebi "want" (وهوما شنو بغاو؟), in documents too', () => {
    expect(analyze('وهوما بغاو وهني ومش بغات')).toEqual([]);
    // بغاو with no verb after it is searched as the party's demands since the twentieth dialect round (dialect-chat-eighteenth).
    expect(askedStems('وهوما الميليشيات، شنو بغاو منهم؟')).toEqual([...analyze('الميليشيات'), 'بغاو']);
    expect(askedStems('وهوما الميليشيات، شنو بغاو يديرو؟')).toEqual([...analyze('الميليشيات'), ...analyze('يديرو')]);
    // An MSA question keeps عنهم; the saying asked with "what … about" frames it (seed-limits.test.ts).
    expect(askedStems('ماذا قالوا عنهم؟')).toEqual(analyze('عنهم'));
  });

  it('drops "what has X to do (with the matter)" and "number what", keeping X', () => {
    expect(askedStems('شو دخل نزارباييف بالموضوع؟')).toEqual(analyze('نزارباييف'));
    expect(askedStems('ما دخل الفرد في مصر؟')).toContain(analyze('دخل')[0]);
    expect(askedStems('الجولة دي رقم كام؟')).toEqual(analyze('الجولة'));
  });

  it('reads "head" (راس الوفد) and "began" without its hamza (بدت) as the MSA words', () => {
    expect(readings('راس')).toEqual([normalize('رئيس')]);
    expect(readings('بدت')).toEqual([normalize('بدأت')]);
  });
});

describe('a colloquial verb asked in another person than the text writes it', () => {
  const builder = new Bm25Builder();
  builder.add(analyze('من المتوقع أن تنتهي جولة المباحثات بعد الظهر'));
  const index = builder.finish();

  it('is searched as the MSA verb in the person the collection knows (ومتى يخلصون؟ of تنتهي)', () => {
    expect(questionTerms(index, 'متى يخلصون؟')).toEqual(analyze('تنتهي'));
    expect(readings('يخلص')[0]).toBe(normalize('ينتهي'));
  });
});

describe('a word split by a stray space', () => {
  const builder = new Bm25Builder();
  for (const text of ['تشارك في المحادثات الدول الضامنة', 'منة الله']) builder.add(analyze(text));
  const index = builder.finish();

  it('is searched joined when the collection knows it so and not its first part', () => {
    expect(questionTerms(index, 'مين الدول الضا منة؟')).toEqual([...analyze('الدول'), ...analyze('الضامنة')]);
    expect(questionTerms(index, 'مين الدول الضامنة؟')).toEqual([...analyze('الدول'), ...analyze('الضامنة')]);
  });
});
