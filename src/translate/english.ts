import { analyze, isEnglishFunctionWord } from '../text/analyze.js';
import { hasArabicLetters } from '../text/language.js';
import type { TermGroup } from '../types.js';
import type { DictdDictionary } from './dictd.js';
import { englishNumber, ordinalHeadword, romanValue } from './english-numbers.js';
import { sameRadicals } from '../text/spelling-distance.js';
import { asDictionaryWords } from './chat-spellings.js';
import { withoutScaffolding } from './source-phrases.js';
import { compoundParts, type Word } from './compounds.js';
import { isVerbShape, lemmaCandidates, withoutClitic } from './lemma.js';
import { withOneWordVerbs } from './phrasal-verbs.js';
import { relativeSenses } from './word-family.js';
import { correctedHeadword } from './misspelling.js';
import { isPlaceName, newsAlternatives } from './news-senses.js';
import { shortWordForms } from './short-forms.js';
import { MIN_VARIANT_LENGTH, type VariantMatcher } from '../text/variants.js';
import { singularSpellings, spellAcronym, transliterate } from './transliterate.js';

/**
 * Turns a question with English words into lexical query groups over an Arabic collection: each
 * English word (or multi-word dictionary entry) becomes one group whose alternatives are its
 * dictionary translations, the word itself (Arabic text often quotes Latin names) and, for names, the
 * collection's own words that sound like it. Arabic words and numbers stay single-term groups.
 */

/** Translations kept per English word: later senses are mostly noise. */
export const MAX_TRANSLATIONS = 4;
/** Collection words kept per transliterated name. */
export const MAX_NAME_MATCHES = 3;
/** A translation longer than this many terms is a gloss, not a translation. */
const MAX_TRANSLATION_TERMS = 3;
/** Longest multi-word entry looked up. */
const MAX_PHRASE = 3;
/**
 * The translation leg's weights: chosen by leave-one-article-out cross-validation on xquad-dev
 * (scripts/cv-english.ts, objective: end-to-end hit@1 + hit@5; every fold chose these). See README.
 */
export interface TranslationSettings {
  /**
   * Coverage mass of an English word none of whose translations occur in the collection, as a share of
   * an unseen word's IDF: less than an absent Arabic word, because a missing translation is as likely
   * the dictionary's gap as the collection's.
   */
  absentShare: number;
  /** Weight of each further translation relative to the one before (dictionaries list the usual sense first). */
  senseDecay: number;
  /** Similarity a collection term needs to stand in for a translation (another form of the same word). */
  minFormSimilarity: number;
  /** Similarity a collection word needs to count as a transliterated name. */
  minNameSimilarity: number;
}

export const DEFAULT_TRANSLATION: TranslationSettings = { absentShare: 0.1, senseDecay: 0.85, minFormSimilarity: 0.75, minNameSimilarity: 0.6 };

// Latin letters with their accents (Ergänzungsschulen is one word); a number keeps an ordinal or plural ending (3rd, 1990s).
const TOKEN = /\p{N}+(?:st|nd|rd|th|['’]?s)(?![\p{L}\p{N}])|\p{Script=Latin}+(?:['’-]\p{Script=Latin}+)*|[\p{N}]+|[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/gu;

export interface EnglishQueryOptions {
  dictionary: DictdDictionary;
  /** The collection's written words: transliterated names are matched against them. */
  variants: VariantMatcher | null;
  /** The collection's terms (stems): a translation also matches the collection's other forms of it (نشر / انشر). */
  stems: VariantMatcher | null;
  /** An unseen term's IDF in the collection, for absentShare. */
  unseenIdf: number;
  settings?: Partial<TranslationSettings>;
  /** Whether the collection has this term (for short translations' inflected forms). */
  known?: (term: string) => boolean;
}

export function englishQueryGroups(question: string, options: EnglishQueryOptions): TermGroup[] {
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  const push = (group: TermGroup) => {
    const key = JSON.stringify(group.alternatives.map((a) => a.terms));
    if (group.alternatives.length === 0 || seen.has(key)) return;
    seen.add(key);
    groups.push(group);
  };
  // An acronym typed in Latin letters inside an Arabic question is most likely written so in the collection too.
  const spellAcronyms = !hasArabicLetters(question);
  let run: Word[] = [];
  const flush = () => {
    for (const group of englishGroups(run, options, spellAcronyms)) push(group);
    run = [];
  };
  let first = true;
  for (const match of withOneWordVerbs(withoutScaffolding(question)).matchAll(TOKEN)) {
    const token = match[0];
    const number = englishNumber(token);
    if (number) {
      flush();
      first = false;
      const known = number.lookups.filter((l) => options.dictionary.has(l));
      const arabic = number.arabic.map((word) => ({ terms: analyze(word), weight: 1 })).filter((a) => a.terms.length > 0);
      push(group(translationAlternatives(known, options), [{ terms: [number.digits], weight: 1 }, ...arabic], options));
      continue;
    }
    if (/^\p{Script=Latin}/u.test(token)) {
      for (const part of token.split(/-/).flatMap(asDictionaryWords)) {
        if (isEnglishFunctionWord(withoutClitic(part))) {
          flush();
        } else {
          run.push({ text: part, capitalized: !first && /^[A-Z]/.test(part) });
        }
        first = false;
      }
      continue;
    }
    flush();
    first = false;
    for (const term of analyze(token)) push({ alternatives: [{ terms: [term], weight: 1 }] });
  }
  flush();
  return groups;
}

/** Groups for a run of consecutive English content words, longest dictionary entries first. */
function englishGroups(words: Word[], options: EnglishQueryOptions, spellAcronyms: boolean): TermGroup[] {
  const groups: TermGroup[] = [];
  for (let i = 0; i < words.length; ) {
    let used = 0;
    for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 2 && used === 0; n--) {
      const parts = words.slice(i, i + n).map((w) => w.text.toLowerCase());
      const head = parts.slice(0, -1);
      for (const last of lemmaCandidates(parts[n - 1]!)) {
        const entry = [[...head, last].join(' '), [...head, last].join('-'), [...head, last].join('')].find((e) => options.dictionary.has(e));
        if (entry) {
          groups.push(group(translationAlternatives([entry], options), [], options));
          used = n;
          break;
        }
      }
    }
    if (used === 0) {
      const word = { ...words[i]!, verb: isVerbShape(words[i]!.text, i > 0) };
      const parts = isPlaceName(word.text) ? undefined : compoundParts(word, options.dictionary);
      for (const part of parts ?? [word]) groups.push(wordGroup(part, options, spellAcronyms));
      used = 1;
    }
    i += used;
  }
  return groups;
}

function wordGroup(asked: Word, options: EnglishQueryOptions, spellAcronyms: boolean): TermGroup {
  const word = asCorrected(asked, options);
  // An ordinal word's ordinal sense first (third → 3rd → الثالث), then its own entry (الثلث, "a third").
  const ordinal = ordinalHeadword(word.text);
  const forms = [...(ordinal ? [ordinal] : []), ...lemmaCandidates(word.text)].filter((f) => options.dictionary.has(f));
  const own = translationAlternatives(forms, options, word.verb);
  const translated = own.some((a) => a.terms.every((t) => options.known?.(t) ?? true));
  // A word the collection uses in none of its own senses: a relative's sense it does use (proposal → proposed → مقترح).
  const alternatives = translated || word.capitalized || own.length === 0 || !options.known ? own
    : [...own, ...relativeSenses(word.text, { has: (h) => options.dictionary.has(h), known: options.known, translate: (h, forms) => translationAlternatives([h], forms ? options : { ...options, stems: null }, word.verb) })];
  // The word as written: Arabic articles quote Latin names and acronyms (NFL, Panthers).
  const bare = word.text.replace(/['’]s?$/, '');
  const literal = analyze(bare).map((term) => ({ terms: [term], weight: 1 }));
  // A word the dictionary knows is a name only when the collection spells it nearly the same way; an unknown word in
  // lower case is more often a rare word than a name, so it must sound closer too. A word whose translations the
  // collection never uses may be written there as it sounds (a loanword), but only a near-exact spelling counts for
  // a word the dictionary knows, or a question about what the collection lacks (Python, Windows) finds look-alikes.
  const minSimilarity = alternatives.length > 0 ? KNOWN_WORD_NAME_SIMILARITY : word.capitalized ? 0 : LOWERCASE_NAME_SIMILARITY;
  const roman = romanValue(word.text);
  const names = roman === undefined && (word.capitalized || !translated) ? nameAlternatives(bare, options, minSimilarity) : [];
  // How Arabic writes it otherwise: a Roman numeral as digits; an acronym by its letters' names (ABC → أيه بي سي), as one alternative.
  const writtenAs = roman === undefined ? [] : [{ terms: [String(roman)], weight: 1 }];
  const spelled = roman === undefined && spellAcronyms ? analyze(spellAcronym(bare)) : [];
  if (spelled.length > 0) writtenAs.push({ terms: spelled, weight: 1 });
  // News senses, and the country a people or capital stands for when the collection writes neither the word's
  // translation nor the name itself (Moscow → روسيا; Astana is written), beside the dictionary's (news-senses.ts).
  const countryWanted = !translated && !names.some((n) => n.weight >= KNOWN_WORD_NAME_SIMILARITY);
  const news = !options.known ? [] : newsAlternatives(word.text, countryWanted, {
    known: options.known,
    translate: (h) => (options.dictionary.has(h) ? translationAlternatives([h], options) : []),
    withForms: (a) => withOtherForms(a, options, !!word.verb),
  });
  return group([...alternatives, ...news], [...literal, ...writtenAs, ...names], options);
}

/** A word the dictionary lacks in every form, read as the headword it misspells (goverment → government), unless typed with a capital
 *  (correctedHeadword's rule; even the question's first: Hobson is not dobson) or written in the collection as it sounds (servitoris). */
function asCorrected(word: Word, options: EnglishQueryOptions): Word {
  const has = (h: string) => options.dictionary.has(h);
  const corrected = lemmaCandidates(word.text).some(has) ? undefined : correctedHeadword(word.text, has);
  return corrected === undefined || nameAlternatives(word.text, options, LOWERCASE_NAME_SIMILARITY).length > 0 ? word : { ...word, text: corrected };
}

const KNOWN_WORD_NAME_SIMILARITY = 0.9;
const LOWERCASE_NAME_SIMILARITY = 0.8;

function translationAlternatives(entries: string[], options: EnglishQueryOptions, verb = false): Array<{ terms: string[]; weight: number }> {
  const result: Array<{ terms: string[]; weight: number }> = [];
  for (const entry of entries) {
    // FreeDict lists some senses on one line (الحالة، الدولة، يقرّ; a month's two names مارس/آذار): each is a translation of its own.
    for (const translation of options.dictionary.translations(entry).flatMap((t) => t.split(SENSE_SEPARATOR))) {
      if (result.length >= MAX_TRANSLATIONS) return result;
      const terms = analyze(translation);
      if (terms.length === 0 || terms.length > MAX_TRANSLATION_TERMS) continue;
      if (result.some((r) => r.terms.join(' ') === terms.join(' '))) continue;
      result.push({ terms, weight: setting(options, 'senseDecay') ** result.length });
    }
  }
  return withOtherForms(result, options, verb);
}

/** Between senses FreeDict writes on one line. */
const SENSE_SEPARATOR = /\s*[،,;؛/]\s*/;

function withOtherForms(alternatives: TermGroup['alternatives'], options: EnglishQueryOptions, verb: boolean): TermGroup['alternatives'] {
  if (!options.stems) return alternatives;
  const result = [...alternatives];
  for (const { terms, weight } of alternatives) {
    if (terms.length !== 1) continue;
    for (const form of options.known ? shortWordForms(terms[0]!, options.known, verb) : []) {
      if (!result.some((r) => r.terms[0] === form)) result.push({ terms: [form], weight: weight * setting(options, 'minFormSimilarity') });
    }
    for (const m of options.stems.match(terms[0]!, 3, setting(options, 'minFormSimilarity'))) {
      if (m.term !== terms[0] && sameRadicals(terms[0]!, m.term) && !result.some((r) => r.terms.length === 1 && r.terms[0] === m.term)) result.push({ terms: [m.term], weight: weight * m.similarity });
    }
  }
  return result;
}

function nameAlternatives(word: string, options: EnglishQueryOptions, minSimilarity: number): Array<{ terms: string[]; weight: number }> {
  if (!options.variants || word.length < 3) return [];
  const best = new Map<string, number>();
  const guessed = new Set(singularSpellings(word));
  for (const spelling of transliterate(word, minSimilarity === LOWERCASE_NAME_SIMILARITY)) {
    // The spelling matcher skips words under four letters (Bowl → بول): those count only as written, and only
    // when spelled from the word as asked, not from a guessed singular (Jones → جون is John).
    if (spelling.length < MIN_VARIANT_LENGTH && !guessed.has(spelling) && options.known?.(analyze(spelling).join(' '))) best.set(spelling, 1);
    for (const m of options.variants.match(spelling, MAX_NAME_MATCHES, Math.max(minSimilarity, setting(options, 'minNameSimilarity')))) {
      if (m.similarity > (best.get(m.term) ?? 0)) best.set(m.term, m.similarity);
    }
  }
  return [...best]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_NAME_MATCHES)
    .map(([written, similarity]) => ({ terms: analyze(written), weight: similarity }))
    .filter((a) => a.terms.length > 0);
}

function setting<K extends keyof TranslationSettings>(options: EnglishQueryOptions, key: K): TranslationSettings[K] {
  return options.settings?.[key] ?? DEFAULT_TRANSLATION[key];
}

function group(translations: TermGroup['alternatives'], others: TermGroup['alternatives'], options: EnglishQueryOptions): TermGroup {
  return { alternatives: [...translations, ...others], absentMass: setting(options, 'absentShare') * options.unseenIdf, };
}
