import { normalize, normalizeWithMap, tokenize, type Token } from './normalize.js';
import { DIALECT_FUNCTION_WORDS, isColloquialOnly, isColloquialWithAnd, isFunctionWordWithWhat } from './dialect.js';
import { newsFuture, participleAsMasdar, participleAsVerb, pastPersons, verbShapesAsText, wantedAsDemanded } from './dialect-readings.js';
import { listedForm } from './lexicon-forms.js';
import { negatedApart, readingsAsSpelled, respelled, withLongVowel, withoutIn, withoutJoined, withoutPossessive } from './dialect-spelling.js';
import { questionFraming } from './question-framing.js';
import { isArabicWord } from './language.js';
import { lightStems } from './stem.js';
import { ordinalDay, shortYear, twoWordNumber } from './numbers.js';
import { twoWordMonth } from './dialect-lexicon.js';
import { countryNamed } from './country-names.js';
import { namedBody, newsAlternativeTerms } from './news-lexicon.js';

/**
 * Function words carry no topic: a question made of them only ("ما هو؟") must not match everything.
 * Listed in normalized spelling (ى→ي, ة→ه, أ/إ→ا), including colloquial question words (شو، وين، ليش).
 */
const STOPWORDS = new Set(
  (
    'في من علي الي عن ما ماذا متي اين كيف لماذا هل اي ايه اذا ان انه انها او ام و ف ب ل ك ثم هو هي هم هن ' +
    'لمن هما نحن انا انت انتم هذا هذه ذلك تلك هؤلاء اولئك التي الذي الذين اللذين اللتين اللواتي كان كانت ' +
    'يكون تكون قد لقد لا لم لن ليس مع بين كل عند حول غير بعد قبل حتي كما ايضا لدي منذ عبر الا بل لكن ' +
    'ولكن وقد وهو وهي وفي ومن وما فيه فيها منه منها عليه عليها به بها له لها لهم هناك هنا اما اذ حيث ' +
    'شو ايش وين ليش كم مين اللي يا ' +
    'the a an of in on to is are was were be been what who whom whose how when where why which do does ' +
    'did i you he she it we they and or for with by at from if that this these those there as about'
  )
    .split(/\s+/)
    .concat(DIALECT_FUNCTION_WORDS),
);
// هؤلاء and اولئك above keep their hamza, so their normalized forms (هولاء) are never dropped: the refusal was fitted
// that way, and dropping them cost a held-out question (eval/JOURNAL.md, "Analyzer collisions"); a refit may change that.

// ئ ؤ, as PDFs extract them (presentation forms) or as a hamza mark after its seat.
const CARRIER = /[ئؤ\uFE85\uFE86\uFE89-\uFE8C]|[يىو]\u0654/;
const CARRIER_WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}\\u200c\\u200d]*(?:${CARRIER.source})[\\p{L}\\p{M}\\p{N}\\u200c\\u200d]*`, 'gu');

/**
 * Which of the text's words read as function words only once normalization merged a hamza carrier (فئة "class" →
 * فيه "in it", الفئة → الفيه): written with ئ or ؤ, they are content words. Most texts have none, so the offset map is
 * built only when a function word's normalized spelling is also that of a word the text writes with a carrier.
 */
function carrierContentWords(text: string, tokens: Token[]): Set<number> {
  const content = new Set<number>();
  if (!CARRIER.test(text)) return content;
  const carrierTerms = new Set([...text.matchAll(CARRIER_WORD)].flatMap(([w]) => tokenize(normalize(w)).map((t) => t.term)));
  const suspects = tokens.flatMap((t, i) => (STOPWORDS.has(t.term) && carrierTerms.has(t.term) ? [i] : []));
  if (suspects.length === 0) return content;
  const { map } = normalizeWithMap(text);
  for (const i of suspects) {
    if (CARRIER.test(text.slice(map[tokens[i]!.start], map[tokens[i]!.end]))) content.add(i);
  }
  return content;
}

/**
 * English function words and question scaffolding, for translating English questions (the index keeps
 * the short list above, so English words quoted in Arabic text stay searchable).
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to into onto from by with without for about as than then so such very too also ' +
    'is are was were be been being am do does did done doing have has had having will would shall should ' +
    'can could may might must not no nor and or but if because while although though whether ' +
    'what who whom whose which when where why how whatever whoever ' +
    'i me my mine you your yours he him his she her hers it its we us our ours they them their theirs ' +
    'this that these those there here some any many much more most few less least other another each ' +
    'every all both either neither one ones own same just only even still yet ever never ' +
    'up down out over under again further once off above below between through during before after ' +
    'around among amongst upon since until till toward towards via ' +
    'name named kind type sort something anything thing things way ways called call'
  ).split(/\s+/),
);

export function isEnglishFunctionWord(word: string): boolean {
  return ENGLISH_FUNCTION_WORDS.has(word.toLowerCase());
}

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}

export type Stemmer = (word: string) => string[];

/** The terms the lexical index stores and queries with. Pure function of the text. */
export function analyze(text: string, stem: Stemmer = lightStems): string[] {
  const terms: string[] = [];
  const tokens = tokenize(normalize(text));
  const content = carrierContentWords(text, tokens);
  for (const [i, { term }] of tokens.entries()) {
    if (isStopword(term) && !content.has(i)) continue;
    terms.push(...stem(term));
  }
  return terms;
}

const SENTENCE_END = /[.?!؟؛\n…]/;

/** One word of a question: its stems, and the stems of its dialect readings (بيرأس → يراس). */
export interface QuestionWord {
  stems: string[];
  readings: string[];
  /** Of the readings, those that are MSA words of the colloquial lexicon (هيتمضى → يوقع, not the shape يتمض). */
  msa: string[];
  /**
   * The stems of the word without "in" (فأستانة, بمحمد → استان, محمد) or what else chat joins onto a word (ديمستورا,
   * شعلاقة → مستورا, علاق; withoutJoined): searched only if the collection knows them.
   */
  inside: string[];
  /**
   * The stems of the word, or of its dialect reading (عالبانترز → بانترز → بانثرز), as a dialect question may mean it,
   * searched only if the collection knows them: a letter said alike written the other way (الضهر → ظهر), a plural
   * ending's long vowel put back (المحادثت → محادث), a possessive pronoun taken off (وثيقتهن → وثيق), a participle read as
   * the verb it stands for (ساكنين → يسكن; here, not among the readings, so an unknown one never becomes the searched
   * term), the lexicon's MSA imperfect with the news future سـ (يدومو → ستستمر). Only in a question written in a dialect
   * (it has a colloquial function word): an MSA word missing from the collection is no misspelling (انضم is not انظم),
   * and its participles are nouns as often as not.
   */
  dialectForms: string[];
  /**
   * A lexicon word under clitics or endings (لرجوع, لقائها, قيادته → رجوع, لقاء, قيادة; listedForm): the stems of the
   * listed form, and of its MSA words, searched only if the collection knows the word in none of the forms above.
   */
  listed: { rest: string[]; msa: string[] };
  /** The stems of the word written together with the next one (الضا منة → الضامنة), searched only if the collection knows neither part. */
  joined: string[];
  /**
   * The stems of the country the word names by its people or capital (الأتراك, أنقرة → تركيا), searched beside it if
   * known (questionTerms says when).
   */
  country: string[];
  /** Where the word stands among the question's words (stopwords and framing counted), so a joined next word is skipped. */
  position: number;
  /** The question is written in a dialect (it has a colloquial function word): chat's typos of names are looked for. */
  colloquial: boolean;
}

const NONE_LISTED: QuestionWord['listed'] = { rest: [], msa: [] };

/** A word searched by its stems alone (no reading, spelling or form of it). */
function byStemsOnly(stems: string[], position: number, colloquial: boolean): QuestionWord {
  return { stems, readings: [], msa: [], inside: [], dialectForms: [], joined: [], country: [], listed: NONE_LISTED, position, colloquial };
}

/**
 * A question's words with their alternatives, without the words that only frame it (questionFraming). Retrieval picks among them by what the collection
 * contains (questionTerms); documents are analyzed with analyze() alone, so the index holds what is written.
 */
export function analyzeQuestion(text: string, stem: Stemmer = lightStems): QuestionWord[] {
  const words: QuestionWord[] = [];
  const normalized = normalize(text);
  const tokens = tokenize(normalized);
  const terms = tokens.map((t) => t.term);
  // Sentences of the message: punctuation between two words ends one (…ولا؟ وش تقول…).
  let sentence = 0;
  const sentences = tokens.map((t, i) => (i > 0 && SENTENCE_END.test(normalized.slice(tokens[i - 1]!.end, t.start)) ? ++sentence : sentence));
  const framing = questionFraming(terms, sentences);
  const content = carrierContentWords(text, tokens);
  const withClitic = (term: string) => isColloquialWithAnd(term) || isFunctionWordWithWhat(term);
  const colloquial = terms.some((term, i) => !content.has(i) && (isColloquialOnly(term) || withClitic(term)));
  let opening = true;
  let saidWithPrevious = -1;
  for (const [i, term] of terms.entries()) {
    // A function word but for this: a party's "want" with no verb after it asks for their demands.
    const demanded = colloquial ? wantedAsDemanded(terms, i, sentences) : [];
    if (demanded.length > 0) {
      const readings = [...new Set(demanded.flatMap((r) => stem(r)))];
      words.push({ ...byStemsOnly(stem(term), i, colloquial), readings, msa: readings });
      continue;
    }
    if (i === saidWithPrevious || ((isStopword(term) || framing[i] || withClitic(term)) && !content.has(i))) continue;
    const dialect = readingsAsSpelled(term, colloquial);
    const { readings: dialectReadings, msa } = dialect;
    // Negated apart (ما شاركتش) it is the verb only, in any question: the ش-word's own shapes (كانش → ك + انش) are no reading.
    const negated = negatedApart(term, terms[i - 1]);
    const readings = negated.length > 0 ? negated : colloquial ? [...dialectReadings, ...pastPersons(term)] : dialectReadings;
    // A dialect form of a function word is one too (بتكون, هيكون, ماكانتش → تكون, يكون, كانت). Not MSA's own
    // prefixes, سـ and بـ/كـ before ا (سيكون, بأن, كأنه): the MSA questions the refusal was fitted on keep them (held-out
    // refusals moved when they were dropped), and سانت "Saint" is no سـ + انت.
    if (readings.length > 0 && readings.every(isStopword) && (negated.length > 0 || !/^(?:س|[بك]ا)/.test(term)) && !content.has(i)) continue;
    const first = opening;
    opening = false;
    const stems = stem(term);
    const stemsOf = (list: string[]) => [...new Set(list.filter((r) => !isStopword(r)).flatMap((r) => stem(r)).filter((r) => !stems.includes(r)))];
    const bare = withoutIn(term, colloquial);
    const inside = [...(bare ? [bare] : []), ...withoutJoined(term, { opening: first, colloquial })];
    // The next word of the same sentence: read with this one as a number, a month, or one word split by a space.
    const pair = sentences[i + 1] === sentences[i] ? terms[i + 1] : undefined;
    // A number or a month said in two words (تلاتة وعشرين → 23, كانون التاني → يناير) is one term more: its words, as
    // they were read, stay, for a text that writes it as the question does (تشرين الأول in a collection that knows أكتوبر).
    // The month only in a dialect question, like pastPersons (xquad-dev's تشرين الأول question would search أكتوبر too). So
    // is a body the news names by what it is (المنظمة الدولية → الأمم المتحدة).
    const together = pair === undefined ? undefined
      : (twoWordNumber([term, ...readings], pair) ?? (colloquial ? twoWordMonth(term, pair) : undefined) ?? namedBody(term, pair));
    if (pair !== undefined && together !== undefined) {
      saidWithPrevious = i + 1;
      const read = together.split(' ').flatMap((w) => stem(w));
      const apart = [...new Set([term, ...readings, pair].filter((w) => !isStopword(w)).flatMap((w) => stem(w)))].filter((w) => !read.includes(w));
      words.push(byStemsOnly([...read, ...apart], i, colloquial));
      continue;
    }
    // A date's day said as an ordinal (السادس من شباط, الخامس عشر من فبراير) is searched as its digits too (6 فبراير).
    const day = ordinalDay(terms, i);
    if (day !== undefined) {
      if (day.width === 2) saidWithPrevious = i + 1;
      const said = terms.slice(i, i + day.width).filter((w) => !isStopword(w)).flatMap((w) => stem(w));
      words.push(byStemsOnly([...new Set([day.digits, ...said])], i, colloquial));
      continue;
    }
    const years = colloquial ? shortYear(terms[i - 1], term) : undefined; // a dialect سنة 98 is also the 1998 / 2098 texts write
    if (years !== undefined) { words.push(byStemsOnly([...years, ...stems], i, colloquial)); continue; }
    const joined = pair !== undefined && isArabicWord(term) && isArabicWord(pair) ? stem(term + pair) : [];
    const form = listedForm(term, newsAlternativeTerms(analyze));
    const listed = form ? { rest: stemsOf([form.rest]), msa: stemsOf(form.msa) } : NONE_LISTED;
    const spellings = [term, ...dialectReadings];
    words.push({
      stems, readings: stemsOf(readings), msa: stemsOf(msa), inside: stemsOf(inside),
      dialectForms: colloquial
        ? stemsOf([
          ...spellings.flatMap(respelled), ...withLongVowel(term), ...withoutPossessive(term), ...participleAsVerb(term),
          ...participleAsMasdar(term), ...spellings.flatMap(verbShapesAsText), ...newsFuture(term, terms[i - 1], dialect),
        ])
        : [],
      joined, country: stemsOf(countryNamed(term)), listed, position: i, colloquial,
    });
  }
  return words;
}

/** Bumped whenever analyze(), the stopword list or the lexical index's parameters change meaningfully: the lexical index must be rebuilt. */
// 4: BM25 b 0.75 → 0.3 (the lexical index stores its parameters, so it must be rebuilt).
// 5: cardinal number words stored as their digits (numbers.ts).
// 6: more dialect function words (dialect.ts), which documents drop too.
// 7: more dialect function words (شكو, هادشي, داكشي, باش, بصح, قاعد, تقولي, تشرحلي, صاير, شگد …).
// 8: more dialect function words (انو, الو, الها, هونيك, هالشي, Sudanese ياتو).
// 9: more dialect function words (صرلها, راهم, بلي, كانو, بالزبط, عايزاه, حابين; بايه, لإيمتى as question words).
// 10: Egyptian بقالها … "it has been … for" as function words (dialect.ts).
// 11: Persian and Urdu heh forms (ۀ ہ ھ) read as ه, پ ژ ڤ ڨ as ب ز ف ق (normalize.ts); ويا, الفي, بدن, Maghrebi شمن as function words (dialect.ts).
// 12: وهوما, وهني, ومش, Maghrebi بغاو … as dialect function words (dialect.ts), which documents drop too.
// 13: محد, معاه, كلن, هاذم, ياها, قدهم … as dialect function words (dialect.ts), which documents drop too.
// 14: the dialects' one-word teens (خمستعش → 15, numbers.ts); احجيلي, لخصلي, عطني, اديني, جيبلي, اوكي … as dialect function words.
// 15: a word written with a hamza carrier is no function word (فئة is not فيه).
// 16: Sudanese ديل, ديلاك ("these") as dialect function words, which documents drop too.
// 17: لشنو, لشو, لايش ("for what") as dialect question words, which documents drop too.
// 18: Tunisian شنوا ("what") as a dialect question word, which documents drop too.
// 19: Iraqi and Gulf چان, چذي, هيچ (كان, كذا, هيك written with چ) as dialect function words, which documents drop too.
// 20: Upper Egyptian ميتى ("when"), Tunisian فما / فمة ("there is"), ناوي / ناوية ("intending to") as dialect function words.
// 21: Maghrebi بشمن, فشمن ("with / in which") as dialect question words, which documents drop too.
// 22: Moroccan ملي ("when") as a dialect function word, which documents drop too.
export const ANALYZER_VERSION = 22;
