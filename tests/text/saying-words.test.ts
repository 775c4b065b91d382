import { describe, expect, it } from 'vitest';
import { askedStems } from '../helpers/asked-stems.js';

/**
 * The claim frames (someone / they said that …) and a saying asked about read one list of saying verbs
 * (asked-source.ts), so a form either reads is read by all three.
 */
describe('one list of saying verbs for claims and sayings asked about', () => {
  it('drops Maghrebi "they say that" (كيقولو بلي) opening a claim, as بيقولو ان', () => {
    expect(askedStems('كيقولو بلي وفد النظام قابل الايرانيين؟')).toEqual(askedStems('وفد النظام قابل الايرانيين؟'));
  });

  it('drops "people say that" with the bare present (ناس تقول انو), as with بتقول', () => {
    expect(askedStems('ناس تقول انو الجعفري فل؟')).toEqual(askedStems('الجعفري فل؟'));
  });

  it('drops Levantine "they talk about" (شو بيحكو عن) asked of someone, as بيحكي', () => {
    expect(askedStems('وفد النظام شو بيحكو عن اللاجئين؟')).toEqual(askedStems('وفد النظام اللاجئين؟'));
  });
});
