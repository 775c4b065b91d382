import { sameRadicals } from '../text/spelling-distance.js';

/**
 * The three-letter words a dictionary translation stands for when the collection lacks it as written.
 * FreeDict gives verbs as imperatives (قل, إفقد, ضع, أعد) and adjectives with their ending (فوضوي → فوضو);
 * running text writes the past or the bare noun (قال, فقد, وضع, أعاد, الفوضى → فوض). The spelling
 * matcher that finds a translation's other forms (variants.ts) skips words under four letters, so these
 * are built here and kept only when the collection has them, with the person and gender endings a
 * three-letter verb keeps after the light stemmer (فشل → فشلت).
 */

/**
 * Letters a derived or inflected form adds to the three consonants, by where they stand: the ا and م
 * of افعل / مفعول / مفعل before them, long vowels between them, an adjective's or the feminine ending
 * after them. Any other letter is taken as a consonant of the word (سلطان, اكياس keep their س and ن).
 */
const ADDED_FIRST = new Set([...'ام']);
const ADDED_INSIDE = new Set([...'اوي']);
const ADDED_LAST = new Set([...'ايوىة']);

function isAdded(form: string, i: number): boolean {
  return (i === 0 ? ADDED_FIRST : i === form.length - 1 ? ADDED_LAST : ADDED_INSIDE).has(form[i]!);
}
/** At most this many added letters are taken off: a prefix's and a suffix's worth. */
const MAX_REMOVED = 2;
/** Forms kept per translation, those closest to the translation first. */
const MAX_SHORT_FORMS = 2;

const INFLECTION_ENDINGS = ['ت', 'وا', 'تا', 'نا'];
/** The present tense's person prefixes, alone and after the future's س, which the light stemmer leaves on (يرأس, سيمثل). */
const PRESENT_PREFIXES = ['ي', 'ت', 'ن', 'سي', 'ست'];

/**
 * A translation's forms of three letters, or with three letters and an ending, that the collection has; for the
 * translation of an English verb form (`verb`), its present-tense forms too. A noun's root verb is often another
 * word (فصل season / تفصل separates, مصدر source / تصدر tops), so only a word asked as a verb gets them.
 */
export function shortWordForms(term: string, known: (term: string) => boolean, verb = false): string[] {
  // Three-letter verbs keep a person or gender ending the light stemmer leaves on (فشل → فشلت).
  const found = term.length === 3 ? INFLECTION_ENDINGS.map((ending) => term + ending).filter(known) : [];
  if (verb) for (const form of presentForms(term)) if (known(form) && !found.includes(form)) found.push(form);
  return known(term) ? found : [...found, ...shortForms(term, known)];
}

/**
 * The present tense of the verb a translation names: a three-letter verb or noun with a person prefix (رأس → يرأس,
 * مثل → سيمثل), a participle's م as that prefix (مساند → تساند, متابع → يتابع). The dictionary gives the noun or the
 * participle (head → رأس, supporting → مساند); news text states what someone does.
 */
function presentForms(term: string): string[] {
  if (term.length === 3) return PRESENT_PREFIXES.map((prefix) => prefix + term);
  if (term.length >= 4 && term.startsWith('م')) return PRESENT_PREFIXES.map((prefix) => prefix + term.slice(1));
  return [];
}

function shortForms(term: string, known: (term: string) => boolean): string[] {
  const found: string[] = [];
  const keep = (form: string) => {
    if (found.length < MAX_SHORT_FORMS && form !== term && !found.includes(form) && known(form)) found.push(form);
  };
  if (term.length === 2) {
    // A hollow or first-weak verb's imperative: قل → قال, ضع → وضع.
    keep(term[0] + 'ا' + term[1]);
    keep('و' + term);
    return found;
  }
  // A hollow form IV imperative: أعد → أعاد, أدر → أدار.
  if (term.length === 3 && term[0] === 'ا') keep(term.slice(0, 2) + 'ا' + term[2]);
  let level = [term];
  for (let removed = 1; removed <= MAX_REMOVED; removed++) {
    const next = new Set<string>();
    for (const form of level) {
      for (let i = 0; i < form.length; i++) if (isAdded(form, i)) next.add(form.slice(0, i) + form.slice(i + 1));
    }
    level = [...next].filter((form) => form.length >= 3);
    // Only the three-letter results: longer ones are the spelling matcher's to find.
    for (const form of level) if (form.length === 3 && sameRadicals(term, form)) keep(form);
  }
  return found;
}
