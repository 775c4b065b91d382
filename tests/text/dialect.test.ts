import { describe, expect, it } from 'vitest';
import { type Bm25Index } from '../../src/index/bm25.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { questionTerms } from '../../src/retrieve/query-terms.js';
import { analyze, analyzeQuestion } from '../../src/text/analyze.js';
import { dialectReadingsOf } from '../../src/text/dialect-readings.js';
import { normalize } from '../../src/text/normalize.js';

function buildIndex(passages: string[][]): Bm25Index {
  const builder = new Bm25Builder();
  for (const terms of passages) builder.add(terms);
  return builder.finish();
}

const readings = (word: string) => dialectReadingsOf(normalize(word)).readings;

describe('dialect function words', () => {
  it('drop the question words, particles and demonstratives of all four dialects', () => {
    const noise = 'شو ايش وش إيه ليش ليه علاش وين فين قديش كام امتى إمتى مين منو شكون اللي يلي هاد هيدا ده دي بدي بدك عم رح عشان ديال وقتيش شكد دلوقتي هسه لسه برضو بعدين';
    expect(analyzeQuestion(noise)).toEqual([]);
  });

  it('drop pronouns, "of", "now", fillers and wanting in every dialect, and with و or a preposition attached', () => {
    const noise = 'هني هوما احنا تبع متاع بتوع توا دروك بالظبط شسالفة بدهن تبي يبي شنوة اشنو ومنو ووين فهاد بهاد هادوك هون هذي موش مافيش عايزين قديه كيفاه شكو هادشي داكشي باش بصح قاعد تقوليلي يشرحلي صايرة شگد متع';
    expect(analyzeQuestion(noise)).toEqual([]);
  });

  it('drop from a question only the words that frame it there but are MSA words in a text', () => {
    const framed = 'يا جماعة الحين منو يدعم المتمردين اصلا؟ ابي اعرف، ولا لأ؟';
    expect(analyzeQuestion(framed).map((w) => w.stems[0])).toEqual(analyze('يدعم المتمردين'));
    expect(analyzeQuestion('شو القصة مع المناطق الآمنة؟').map((w) => w.stems[0])).toEqual(analyze('المناطق الآمنة'));
    const polite = 'لو سمحت، عندي سؤال: ممكن حد يعرف مين راح يمثل تركيا؟ بدي افهم';
    expect(analyzeQuestion(polite).map((w) => w.stems[0])).toEqual(analyze('يمثل تركيا'));
    expect(analyzeQuestion('الله يخليك، سؤال: مين يقود الوفد؟').map((w) => w.stems[0])).toEqual(analyze('يقود الوفد'));
    expect(analyzeQuestion('ما السؤال الذي طرحه الله؟').map((w) => w.stems[0])).toEqual(analyze('السؤال طرحه الله'));
    expect(analyzeQuestion('مين بيرأس الوفد لو سمحت؟').map((w) => w.stems[0])).toEqual(analyze('بيرأس الوفد'));
    expect(analyzeQuestion('ماذا يحدث لو سمحت الحكومة بالتصدير؟').map((w) => w.stems[0])).toEqual(analyze('يحدث لو سمحت الحكومة بالتصدير'));
    expect(analyzeQuestion('راح الجعفري').map((w) => w.readings)).toContainEqual(['ذهب']); // "went", not the future
    // Documents keep them (MSA "the time", "originally", "nor", "my father"), and so does a question using them so.
    expect(analyze('حان الحين ولا أصلا')).toEqual(['حان', 'حين', 'ولا', 'اصلا']);
    expect(analyze('لو سمحت بذلك لكان ممكن')).toEqual(['لو', 'سمحت', 'بذلك', 'لك', 'ممكن']);
    expect(analyzeQuestion('ما القصة التي رواها؟').map((w) => w.stems[0])).toEqual(analyze('القصة رواها'));
    expect(analyzeQuestion('ماذا قال ابي ولا أمي؟').map((w) => w.stems[0])).toEqual(analyze('قال ابي ولا امي'));
  });

  it('drop Levantine انو, الو / الها, هونيك, هالشي and Sudanese ياتو, and in documents too', () => {
    expect(analyzeQuestion('انو الو الها هونيك هالشي ياتو')).toEqual([]);
    expect(analyze('قال انو الها هونيك')).toEqual(['قال']);
  });

  it('drop "is it true that", "I heard that", who is addressed and opening fillers, only where they frame the question', () => {
    const stems = (q: string) => analyzeQuestion(q).map((w) => w.stems[0]);
    expect(stems('هل صحيح انو روسيا والامم المتحدة اجتمعوا؟')).toEqual(analyze('روسيا والامم المتحدة اجتمعوا'));
    expect(stems('صج ان الفصايل بيرجعون للقتال؟')).toEqual(stems('الفصايل بيرجعون للقتال؟'));
    expect(stems('عنجد الجعفري فل؟')).toEqual(analyze('الجعفري فل'));
    expect(stems('ترى سمعت ان ايران صارت ضامن رسمي')).toEqual(analyze('ايران ضامن رسمي'));
    expect(stems('شباب مين الدول المراقبة؟')).toEqual(analyze('الدول المراقبة'));
    expect(stems('المبادرة منو سواها يالربع؟')).toEqual(stems('المبادرة منو سواها؟'));
    expect(stems('كم لها الهدنة ذلحين؟')).toEqual(analyze('لها الهدنة').filter((t) => t !== 'لها'));
    expect(stems('شحال من واحد مات فإدلب؟')).toEqual(stems('شحال مات فإدلب؟')); // "how many people", not the number 1
    expect(stems('قديش واحد حضر؟')).toEqual(stems('قديش حضر؟'));
    // The same words as content: "correct", "youth", "one".
    expect(stems('ما الجواب الصحيح؟')).toEqual(analyze('الجواب الصحيح'));
    expect(stems('ما دور شباب الجامعات في الحرب؟')).toEqual(analyze('دور شباب الجامعات الحرب'));
    expect(stems('ما هي مشاكل الشباب؟')).toEqual(analyze('مشاكل الشباب'));
    expect(stems('شباب الجامعات ماذا يريدون؟')).toEqual(analyze('شباب الجامعات يريدون'));
    expect(stems('كم فصلا في العام الواحد؟')).toContain('1');
  });

  it('keep the words that carry the question', () => {
    expect(analyzeQuestion('شو قال دي ميستورا للصحفيين؟').map((w) => w.stems[0])).toEqual(analyze('قال ميستورا الصحفيين'));
  });
});

describe('dialectReadingsOf', () => {
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
    // A verb's MSA readings in its own person first, then the others (a text may say it in another person).
    expect(readings('هيحصل')).toEqual(['يحصل', 'يحدث', 'تحدث', 'نحدث', 'يجري', 'تجري', 'نجري']); // Egyptian "will happen", "will take place"
    expect(readings('بتخلص')).toEqual(['تخلص', ...['تنتهي', 'ينتهي', 'ننتهي'].map(normalize)]);
    expect(readings('تدوم')).toEqual(['تستمر', 'يستمر', 'نستمر']);
    expect(readings('نهار')).toEqual(['يوم']); // Maghrebi "day"
    expect(readings('خلصت')).toEqual(['انتهت']);
    expect(readings('الفلوس')).toEqual(['الاموال']); // with the article too
    expect(readings('النهارده')).toEqual(['اليوم']); // Egyptian "today"
    expect(readings('اتقابلوا')).toContain(normalize('التقى')); // Egyptian "they met"
  });

  it('read the passive تـ and the plural ـوا after a colloquial prefix, and the Moroccan future غا', () => {
    expect(readings('كيترأس')).toContain(normalize('يرأس'));
    expect(readings('هتتعمل')).toEqual(['تتعمل', 'تعمل']); // Egyptian "will be done"
    expect(readings('هيحاربوا')).toEqual(['يحاربوا', 'يحارب']);
    expect(readings('غايدوم')).toEqual(['يدوم', 'يستمر', 'تستمر', 'نستمر']);
  });

  it('leave MSA shapes alone: form V verbs, names in ـو, plurals in ـات, the accusative ـا', () => {
    expect(readings('يتعامل')).toEqual([]); // MSA form VI, not a passive of عامل
    expect(readings('فريسنو')).toEqual([]);
    expect(readings('نغمات')).toEqual([]);
    expect(readings('نوعا')).toEqual([]);
    expect(readings('غاندي')).toEqual([]);
  });

  it('look a colloquial word up without its object pronoun or plural ending, or as a Maghrebi feminine past', () => {
    expect(readings('تحطها')).toEqual(['تضع', 'يضع', 'نضع']); // Gulf/Levantine "puts it"
    expect(readings('يخلصون')).toContain(normalize('ينتهي'));
    expect(readings('اتكلموا')).toContain('تحدث'); // Egyptian "they spoke"
    expect(readings('حبسات')).toEqual([normalize('أوقفت')]); // Maghrebi "she stopped"
    expect(readings('ابتدت')).toEqual([normalize('بدأت')]); // Egyptian "began"
    expect(readings('بقت')).toEqual([normalize('أصبحت')]); // Egyptian "became"
    expect(readings('المقفوله')).toEqual(['المغلقه']);
    expect(readings('بيربح')).toEqual(['يربح', 'يفوز', 'تفوز', 'نفوز']); // "wins"
    expect(readings('التانيه')).toEqual(['الثانيه']); // ث said and written ت
    expect(readings('اتنين')).toContain('اثنين');
  });

  it('read a future حـ/هـ only before a person prefix: before ا the word is a participle or a form III verb', () => {
    expect(readings('حاضره')).toEqual([]); // "present", not "will harm"
    expect(readings('هاجم')).toEqual([]); // "attacked"
    expect(readings('حاجه')).toEqual([normalize('شيء')]); // Egyptian "thing", not ح + اجه
    expect(readings('باستانا')).toEqual(['استانا']); // بـ "in" still goes
  });

  it('read the Moroccan تا before the imperfect, and everyday verbs and nouns of the dialects', () => {
    expect(readings('تايقولو')).toContain('يقول');
    expect(readings('يساليو')).toContain(normalize('ينتهي')); // Moroccan "they end"
    expect(readings('يدردش')).toEqual(['يتحدث', 'تتحدث', 'نتحدث']); // "chats"
    expect(readings('الخدمه')).toEqual(['العمل']); // Maghrebi "work"
    expect(readings('الميه')).toEqual(['المياه']); // "the water"
    expect(readings('اكتر')).toEqual(['اكثر']);
  });

  it('read التلات with the article as Tuesday, and تلات / تلاتة alone as three', () => {
    expect(readings('التلات')).toEqual([normalize('الثلاثاء')]); // Egyptian يوم التلات
    expect(readings('التلاتا')).toEqual([normalize('الثلاثاء')]); // Levantine
    expect(readings('تلات')).toEqual(['ثلاث']);
    expect(readings('التلاته')).toEqual(['الثلاثه']);
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
    // تدوم: the collection writes its MSA word only with the news future (ستستمر), which is searched.
    expect(questionTerms(news, 'ايه اللي هيحصل بعد ما تدوم المحادثات؟')).toEqual(analyze('يحدث ستستمر المحادثات'));
    expect(questionTerms(news, 'على ماذا حصل الوفد؟')).toEqual(analyze('حصل الوفد'));
  });

  it('searches a colloquial word the collection knows in no form by its MSA word, whose root the text may use', () => {
    const news = buildIndex([analyze('اتفاق من المستهدف أن يتم توقيعه في نهاية اليوم')]);
    expect(questionTerms(news, 'الاتفاق ده هيتمضى امتى؟')).toEqual(analyze('الاتفاق يوقع'));
    expect(questionTerms(news, 'مين بيمثل الوفد؟')).toEqual(['يمثل', 'وفد']); // no MSA word: the dialect reading
  });

  it('finds the verb of a Maghrebi question written with the passive تـ', () => {
    expect(questionTerms(index, 'شكون اللي كيترأس الوفد ديال النظام؟')).toEqual(analyze('يرأس وفد النظام'));
  });

  it('searches only the words that carry a question, whatever dialect frames it', () => {
    const seeds = buildIndex([analyze('تشارك في المحادثات الدول الضامنة'), analyze('يدعم النظام وتدعم تركيا المتمردين')]);
    expect(questionTerms(seeds, 'شنو هوما الدول الضامنة فهاد المحادثات؟')).toEqual(analyze('الدول الضامنة المحادثات'));
    expect(questionTerms(seeds, 'هلق منو يدعم النظام ومنو يدعم المتمردين؟')).toEqual(analyze('يدعم النظام يدعم المتمردين'));
    expect(questionTerms(seeds, 'هيدا الدعم تبع مين بالضبط؟')).toEqual(analyze('الدعم'));
  });

  it('searches a word written with the Maghrebi فـ "in" without it, only when the collection knows the rest', () => {
    const news = buildIndex([analyze('تركز المحادثات التي عقدت في جنيف'), analyze('إذا فشلت المفاوضات')]);
    expect(questionTerms(news, 'علاش دارو المحادثات فجنيف؟')).toContain('جنيف');
    expect(questionTerms(news, 'شو رح يصير اذا فشلو المفاوضات')).toContain('فشلو'); // not شلو
  });

  it('searches يوم التلات by the Tuesday of the text, and تلات سنين by the number', () => {
    const news = buildIndex([analyze('نقلت الوكالة الثلاثاء'), analyze('استمرت 3 سنوات')]);
    expect(questionTerms(news, 'سانا قالت ايه يوم التلات؟')).toContain(analyze('الثلاثاء')[0]);
    expect(questionTerms(news, 'سانا قالت ايه يوم التلات؟')).not.toContain('3');
    expect(questionTerms(news, 'تلات سنين')).toContain('3');
  });

  it('keeps an MSA word that merely starts like a dialect verb when the collection knows it', () => {
    expect(questionTerms(index, 'بيروت')).toEqual(analyze('بيروت'));
    expect(questionTerms(index, 'كتاب')).toEqual(analyze('كتاب'));
  });
});
