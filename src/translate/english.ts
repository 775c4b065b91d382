import { analyze, isEnglishFunctionWord } from '../text/analyze.js';
import { normalize, tokenize } from '../text/normalize.js';
import type { TermGroup } from '../types.js';
import type { DictdDictionary } from './dictd.js';
import { lemmaCandidates } from './lemma.js';
import { NameMatcher } from './names.js';
import { transliterate } from './transliterate.js';

/**
 * Turns a question with English words into lexical query groups over an Arabic collection: each
 * English word (or multi-word dictionary entry) becomes one group whose alternatives are its
 * dictionary translations, the word itself (Arabic text often quotes Latin names) and, for names, the
 * collection's own words that sound like it. Arabic words and numbers stay single-term groups.
 */

/** Translations kept per English word: later senses are mostly noise. */
export const MAX_TRANSLATIONS = 4;
/** Weight of each further translation relative to the one before (dictionaries list the usual sense first). */
export const SENSE_DECAY = 0.85;
/** Collection words kept per transliterated name. */
export const MAX_NAME_MATCHES = 3;
/** A translation longer than this many terms is a gloss, not a translation. */
const MAX_TRANSLATION_TERMS = 3;
/** Longest multi-word entry looked up. */
const MAX_PHRASE = 3;
/**
 * Coverage mass of an English word none of whose translations occur in the collection, as a share of an
 * unseen word's IDF: less than an Arabic word that is absent, because a missing translation is as likely
 * the dictionary's gap as the collection's.
 */
export const ABSENT_SHARE = 0.5;

interface Word {
  text: string;
  /** Capitalized somewhere other than the start of the question: probably a name. */
  capitalized: boolean;
}

const TOKEN = /[A-Za-z]+(?:['’-][A-Za-z]+)*|[\p{N}]+|[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+/gu;

export interface EnglishQueryOptions {
  dictionary: DictdDictionary;
  /** Matches transliterated names against the collection's words; null skips names. */
  names: NameMatcher | null;
  /** An unseen term's IDF in the collection, for ABSENT_SHARE. */
  unseenIdf: number;
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
  let run: Word[] = [];
  const flush = () => {
    for (const group of englishGroups(run, options)) push(group);
    run = [];
  };
  let first = true;
  for (const match of question.matchAll(TOKEN)) {
    const token = match[0];
    if (/^[A-Za-z]/.test(token)) {
      for (const part of token.split(/-/)) {
        if (isEnglishFunctionWord(part.replace(/['’].*$/, ''))) {
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
function englishGroups(words: Word[], options: EnglishQueryOptions): TermGroup[] {
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
      groups.push(wordGroup(words[i]!, options));
      used = 1;
    }
    i += used;
  }
  return groups;
}

function wordGroup(word: Word, options: EnglishQueryOptions): TermGroup {
  const forms = lemmaCandidates(word.text).filter((f) => options.dictionary.has(f));
  const alternatives = translationAlternatives(forms, options);
  // The word as written: Arabic articles quote Latin names and acronyms (NFL, Panthers).
  const bare = word.text.replace(/['’]s?$/, '');
  const literal = analyze(bare).map((term) => ({ terms: [term], weight: 1 }));
  // A word the dictionary knows is a name only when the collection spells it nearly the same way.
  const names = word.capitalized || alternatives.length === 0 ? nameAlternatives(bare, options, alternatives.length > 0 ? 0.9 : 0) : [];
  return group(alternatives, [...literal, ...names], options);
}

function translationAlternatives(entries: string[], options: EnglishQueryOptions): Array<{ terms: string[]; weight: number }> {
  const result: Array<{ terms: string[]; weight: number }> = [];
  for (const entry of entries) {
    for (const translation of options.dictionary.translations(entry)) {
      if (result.length >= MAX_TRANSLATIONS) return result;
      const terms = analyze(translation);
      if (terms.length === 0 || terms.length > MAX_TRANSLATION_TERMS) continue;
      if (result.some((r) => r.terms.join(' ') === terms.join(' '))) continue;
      result.push({ terms, weight: SENSE_DECAY ** result.length });
    }
  }
  return result;
}

function nameAlternatives(word: string, options: EnglishQueryOptions, minSimilarity: number): Array<{ terms: string[]; weight: number }> {
  if (!options.names || word.length < 3) return [];
  return options.names
    .match(transliterate(word))
    .filter((m) => m.similarity >= minSimilarity)
    .slice(0, MAX_NAME_MATCHES)
    .map((m) => ({ terms: analyze(m.word), weight: m.similarity }))
    .filter((a) => a.terms.length > 0);
}

function group(translations: TermGroup['alternatives'], others: TermGroup['alternatives'], options: EnglishQueryOptions): TermGroup {
  return { alternatives: [...translations, ...others], absentMass: ABSENT_SHARE * options.unseenIdf };
}

/** Name matcher over a collection's words, built once per passage list (the first English question pays). */
const matchers = new WeakMap<readonly { text: string }[], NameMatcher>();

export function namesOf(passages: readonly { text: string }[]): NameMatcher {
  let matcher = matchers.get(passages);
  if (!matcher) {
    const words = new Set<string>();
    for (const p of passages) for (const { term } of tokenize(normalize(p.text))) words.add(term);
    matchers.set(passages, (matcher = new NameMatcher(words)));
  }
  return matcher;
}
