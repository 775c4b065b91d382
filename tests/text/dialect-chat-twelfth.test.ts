import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { askedStems } from '../helpers/asked-stems.js';

/** What eval/dialect-blind11.jsonl's misses showed, as classes: Maghrebi and Egyptian question words and frames, Iraqi دـ. */

describe('question words and frames of the Maghrebi and Egyptian chat', () => {
  it('reads Tunisian شنوا as "what", also asking what was said about something', () => {
    expect(askedStems('شنوا قالت سانا على تركيا؟')).toEqual(askedStems('سانا تركيا؟'));
    expect(askedStems('شنوا صار في الجولة؟')).toEqual(askedStems('في الجولة؟'));
  });

  it('drops the saying in Algerian واش قال … على … ("what did … say about …")', () => {
    expect(askedStems('واش قال دي ميستورا على اللقاءات؟')).toEqual(askedStems('دي ميستورا اللقاءات؟'));
  });

  it('drops Egyptian "or what?" closing a question, and keeps ولا inside one', () => {
    expect(askedStems('الجعفري راح فين بعد الاجتماعات ولا ايه؟')).toEqual(askedStems('الجعفري راح فين بعد الاجتماعات؟'));
    expect(askedStems('هل شاركت ايران ولا تركيا؟')).toHaveLength(askedStems('هل شاركت ايران تركيا؟').length + 1);
  });

  it('drops Levantine "what\'s the deal with" (شو خبرية) and the document asked in, spelled وتيقة', () => {
    expect(askedStems('شو خبرية اللاجئين بالوتيقة؟')).toEqual(askedStems('اللاجئين؟'));
  });

  it('keeps someone\'s document (فالوثيقة ديالها، بالوتيقة تبعهن): what they presented is asked about', () => {
    expect(askedStems('شنو قدمات روسيا فالوثيقة ديالها؟')).toHaveLength(askedStems('شنو قدمات روسيا فالوثيقة؟').length + 1);
    expect(askedStems('الروس شو قدمو بالوتيقة تبعهن؟')).toHaveLength(askedStems('الروس شو قدمو بالوتيقة؟').length + 1);
  });
});

describe('a verb prefix and loans', () => {
  it('reads the Iraqi progressive دـ on a verb the collection knows without it', () => {
    expect(searched(['وفد النظام غادر', 'الوفد الروسي يساند النظام الحاكم'], 'منو اللي ديساند النظام؟')[0]).toBe(1);
  });

  it('reads French ميكانيزم as "mechanism" and Levantine متل as مثل', () => {
    expect(searched(['مراقبة الهدنة', 'إنشاء آلية لمراقبة الهدنة الهشة'], 'كاين شي ميكانيزم باش يراقبو الهدنة؟')[0]).toBe(1);
    expect(searched(['السلام أفضل من الحرب', 'المثل يقول إن السلام أفضل من الحرب'], 'شو هالمتل عن السلام؟')[0]).toBe(1);
  });
});
