import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';

/** What eval/dialect-blind17.jsonl's misses showed, as classes. */

describe('a party\'s "want" with no verb after it asks for their demands (وش يبون الفصائل؟)', () => {
  // The first passage names the factions twice; only their demands answer what they want.
  const passages = ['قال المتحدث باسم الفصائل إن وفد الفصائل وصل', 'وطالبت الفصائل بوقف شامل لإطلاق النار'];

  it('finds the demands for Gulf يبون and Levantine بدهم, before or after the party', () => {
    expect(searched(passages, 'وش يبون الفصائل بالضبط؟')[0]).toBe(1);
    expect(searched(passages, 'الفصائل شو بدهم؟')[0]).toBe(1);
  });

  it('reads the same word before a verb as a modal, not as a demand (يبون يسوون)', () => {
    const texts = ['وطالبت الفصائل بوقف شامل لإطلاق النار', 'ستوقع الفصائل على البيان'];
    expect(searched(texts, 'الفصائل يبون يوقعون على البيان؟')[0]).toBe(1);
    // and past its subject (بدها روسيا تقدم), and after اللي (the thing wanted)
    const proposal = ['وطالبت روسيا بوقف شامل لإطلاق النار', 'ستقدم روسيا وثيقة للأطراف'];
    expect(searched(proposal, 'شو بدها روسيا تقدم للاطراف؟')[0]).toBe(1);
    expect(searched(proposal, 'شو الوثيقة اللي بغات روسيا؟')[0]).toBe(1);
  });
});

describe('راضي "pleased" read as the state a text names (حالة من الرضا)', () => {
  it('finds the passage that says الرضا for راضي, bare or with a feminine ending', () => {
    const passages = ['عقد وفد المعارضة اجتماعات مع المبعوث', 'عبر وفد المعارضة عن حالة من الرضا بعد اجتماعات مع المبعوث'];
    expect(searched(passages, 'وفد المعارضة كان راضي بعد الاجتماعات مع المبعوث؟')[0]).toBe(1);
    expect(searched(passages, 'المعارضة كانت راضية ولا لا بعد الاجتماعات مع المبعوث؟')[0]).toBe(1);
  });
});
