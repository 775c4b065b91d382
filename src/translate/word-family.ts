import { lemmaCandidates } from './lemma.js';

/**
 * The other English words of a word's family (proposal → proposed, propose; mediator → mediation, mediate;
 * optimistic → optimism; chairs → chaired, chairing), built by taking a derivational ending off and putting another
 * on. FreeDict gives one sense per headword and picks it per headword: `proposal` → الإقتراح while `proposed` →
 * مقترح, `chair` → الكرسي while `chaired` → مترأّس. When the collection uses none of a word's own senses, a relative's
 * sense it does use is the evidence the dictionary lacked (english.ts keeps only those, down-weighted).
 */

/**
 * Endings put on, inflections first so the nearest relatives are tried first. Not -er / -or: an agent is often
 * another sense (keep → keeper → المراقب, round → rounder → مستدير); taken off they lead back (mediator → mediation).
 */
const ENDINGS = [
  's', 'ed', 'ing', 'e', 'ation', 'ition', 'ion', 'al', 'ally', 'ly', 'ism', 'istic', 'ist', 'ic', 'ical',
  'ity', 'ty', 'ment', 'ative', 'ive', 'ness', 'ance', 'ence', 'y',
];
/**
 * Endings taken off to reach the stem. Not -ant / -ent, -ic, -y, -ty: taken off they leave another word as often as the
 * stem (important → import, comic → com).
 */
const TAKEN_OFF = ['ation', 'ition', 'istic', 'ative', 'ally', 'ment', 'ness', 'ance', 'ence', 'ing', 'ion', 'ism', 'ist', 'ity', 'ive', 'ed', 'er', 'or', 'al', 'ly', 's'];
/** A stem left by taking an ending off is the word's only when this long (faction → fact, station → stat are not). */
const MIN_STEM = 5;
/** Relatives looked up per word: the first found are the nearest. */
export const MAX_RELATIVES = 8;

const VOWEL_START = /^[aeiouy]/;

/** The stems a word is built on: itself (a base form) and each with one ending taken off. */
function stems(word: string): string[] {
  const found: string[] = [];
  const add = (stem: string) => {
    if (stem.length >= MIN_STEM && !found.includes(stem)) found.push(stem);
  };
  for (const form of lemmaCandidates(word)) {
    if (!found.includes(form)) found.push(form);
    for (const ending of TAKEN_OFF) if (form.endsWith(ending)) add(form.slice(0, -ending.length));
    // A dropped final e before a vowel ending (mediat-ion → mediate) and a doubled consonant (rebell-ion → rebel).
    if (/([bdglmnprt])\1$/.test(form)) add(form.slice(0, -1));
  }
  return found;
}

/**
 * Words of `word`'s family that `has` (the dictionary) lists, nearest first, excluding the forms `lemmaCandidates`
 * already looks up.
 */
export function relatives(word: string, has: (headword: string) => boolean): string[] {
  const own = new Set(lemmaCandidates(word));
  const result: string[] = [];
  for (const stem of stems(word)) {
    // A final e goes before a vowel ending (mediate → mediation), unless too little is left (state → station).
    const bare = stem.endsWith('e') ? stem.slice(0, -1) : stem;
    for (const ending of ENDINGS) {
      const vowel = VOWEL_START.test(ending) && (bare === stem || bare.length >= MIN_STEM);
      const forms = vowel ? [bare + ending, stem + stem.at(-1) + ending] : [stem + ending];
      for (const form of forms) {
        if (result.length >= MAX_RELATIVES) return result;
        if (!own.has(form) && !result.includes(form) && has(form)) result.push(form);
      }
    }
    if (!own.has(stem) && !result.includes(stem) && has(stem) && result.length < MAX_RELATIVES) result.push(stem);
  }
  return result;
}

/** A relative's sense weighs this much of the word's own: the relative is another word (proposed is not proposal). */
export const RELATIVE_WEIGHT = 0.75;
/** Relatives' senses kept per word. */
const MAX_RELATIVE_SENSES = 2;

/** What may stand before a sense as the collection writes it: a conjunction, then a preposition. */
const CLITICS = /^[وف]?[بلك]?$/u;

type Alternative = { terms: string[]; weight: number };

export interface RelativeLookup {
  /** Whether the dictionary lists a headword. */
  has: (headword: string) => boolean;
  /** A headword's translations as alternatives, with their other forms in the collection (`forms`) or without. */
  translate: (headword: string, forms: boolean) => Alternative[];
  /** Whether the collection has a term. */
  known: (term: string) => boolean;
}

/**
 * Senses of a word's relatives that the collection uses, for a word none of whose own senses it uses, down-weighted
 * by RELATIVE_WEIGHT. A sense counts as the dictionary writes it or after a clitic (انسحاب in بانسحاب), not as another
 * form by spelling: those are two guesses deep (optimal → مثالي → ممثل, happened → حادث → محادث).
 */
export function relativeSenses(word: string, lookup: RelativeLookup): Alternative[] {
  const result: Alternative[] = [];
  for (const relative of relatives(word, lookup.has)) {
    const direct = lookup.translate(relative, false).map((a) => a.terms.join(' '));
    for (const alternative of lookup.translate(relative, true)) {
      if (result.length >= MAX_RELATIVE_SENSES) return result;
      const written = alternative.terms.join(' ');
      if (!alternative.terms.every(lookup.known) || !direct.some((d) => written.endsWith(d) && CLITICS.test(written.slice(0, -d.length))) || result.some((r) => r.terms.join(' ') === written)) continue;
      result.push({ terms: alternative.terms, weight: alternative.weight * RELATIVE_WEIGHT });
    }
  }
  return result;
}
