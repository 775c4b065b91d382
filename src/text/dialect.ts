/**
 * Colloquial Arabic (Levantine, Gulf, Egyptian, Maghrebi) as people write it on Discord, mapped to
 * what the newspaper Arabic of the documents says. Two parts, both on normalized text (ى→ي, ة→ه,
 * أ/إ→ا): function words that carry no topic, and readings of a word with a dialect verb prefix
 * removed (بيرأس → يرأس). Readings are offered as alternatives, never forced: the caller keeps the
 * word as written when the collection knows it, so MSA words that happen to start with ب or ك stay.
 */
import { COLLOQUIAL_WORDS } from './dialect-lexicon.js';
import { isArabicWord } from './language.js';

export const wordList = (list: string): string[] => list.split(/\s+/).filter((w) => w !== '');

/**
 * "What" alone, of the question words below: not شي ("anything"), the ones carrying a pronoun or a preposition
 * (شنهي, بشو), "which", "why" or "how". framing-words.ts asks a light verb with these (شو عملو؟ = ماذا فعلوا).
 */
export const COLLOQUIAL_WHAT: readonly string[] = wordList('شو شنو شنوا شنهو ايش اش وش وشو واش ايه شنوه اشنو اشنوه واشنو ويش');
/**
 * Colloquial question words by the kind of answer they ask for: here they are function words;
 * question-type.ts reads the same lists to tell what a question asks for.
 */
export const COLLOQUIAL_QUESTION_WORDS = {
  // what / why / how
  // (Sudanese ياتو / ياتا "which")
  // (and with ب "with / by what": بايه, بشو, بشنو; with ل "for what": لشنو, لشو, لايش; Tunisian شنوا, spelled as said)
  other: [
    ...COLLOQUIAL_WHAT,
    ...wordList('شي شنهي شنيه اشمن شمن انهو ليش ليه علاش لويش علاه لاش شلون كيفاش كيفاه ازاي ياتو ياتا بايه بشو بشنو بايش لشنو لشو لايش'),
  ],
  place: wordList('وين فين منين لوين وينو'),
  // Levantine وقتيش / ايمتا, Maghrebi وقتاش / فوقاش / فاش; with لـ "until when" (لإيمتى, لامتى)
  date: wordList('امتي ايمتي امتا ايمتا وقتاش فوقاش فاش وقتيش لامتي لايمتي لامتا لايمتا'),
  person: wordList('مين منو شكون اشكون منهو'),
  // Iraqi شكد / شقد / شگد / چم (with the Persian letters Iraqis and Gulf write for g and ch), Maghrebi شحال, Egyptian كام
  number: wordList('قديش قداش شقد شكد شگد چم شحال كام اديش كديش قديه شكثر بكام بشحال'),
} as const;

/**
 * The same typed in Latin letters inside an Arabic question (Arabizi: shu, meen, wein, emta, chhal), by the same kinds;
 * none is an English word or an acronym xquad-dev's Arabic questions quote (not "ma", "min", "win", "bas").
 */
export const ARABIZI_QUESTION_WORDS = {
  other: wordList(
    'shu shou sho chou chu shno shnu shnou chno chnou chnowa chnouwa wesh wech wsh esh eish aish ech ' +
      'leh lih lesh leish laysh lech lich 3lash 3lach alash alach kifash kifach kifesh izay ezay ezzay ezaay shlon chlon shloon',
  ),
  person: wordList('meen mnu minu mino shkoun chkoun chkon achkoun shkon'),
  place: wordList('wein wain wen fein fain feen fen fin wayn'),
  date: wordList('emta emtah imta imtah amta ayemta waqtash wa9tach weqtach'),
  number: wordList('adesh adeish 2adesh 2addesh 2desh ad2esh kadesh chhal shhal ch7al sh7al kam kaam'),
} as const;

/** Question words, particles, demonstratives and "I want to know" framing; no word with a common MSA meaning. */
const FUNCTION_WORDS: readonly string[] = [
  ...Object.values(COLLOQUIAL_QUESTION_WORDS).flat(),
  ...wordList(
    // relative, demonstratives, particles, "because", and صار (become/happen: one of kana's sisters)
    'اللي الي يلي لي هاد هادا هادي هاذا هيدا هيدي هاي هدول هذول ده دي دا كده هيك هيكي ' +
    'عم رح لح غادي راه ديال ديالو ديالها ديالهم ديالي ديالك ديالنا بتاع بتاعه بتاعها بتاعهم كاين كاينه كاينين ' +
    'عشان علشان مشان منشان كرمال صار صارت يصير تصير بيصير بتصير مش مو موش مب مفيش مافيش مافي ماكو ع عال بس كمان يعني طيب هلق هلا دابا ' +
    // now, still, also, there is, later, a little, very
    'دلوقتي دلوقت هسه هسا لسه لسا برضو برضه اكو بعدين شوي شويه اوي ' +
    // that / those / this / these, here / there (Maghrebi, Levantine, Gulf); "of" (Levantine تبع; not تبعه/تبعت/تبعها/تبعهم, MSA "followed"; Egyptian بتوع, Tunisian متاع/متع/نتاع)
    'هادوك هاديك هداك هديك هاداك هذاك هذيك داك هيدول هذي هاذي هاذول هادو هون هنيك ' +
    'تبع تبعو تبعن تبعهن تبعون بتوع بتاعت نتاع نتاعه نتاعها متاع متاعه متاعها متع ' +
    // pronouns (Levantine هيي/هني — not هوي, which is MSA هوى —, Maghrebi هوما, "we", "you all"; not ولا "or", الحين "now": MSA words, and documents drop function words too)
    'هيي هني هنن هوما هومه احنا نحنا انتو انتوا ' +
    // the same with و, opening a follow-up (وهوما شنو بغاو؟، وهني وين راحو؟)
    'وهيي وهني وهنن وهوما وهومه واحنا وهما ومش ومو ومب ' +
    // what's the story (Gulf); now (Tunisian توا, Algerian دروك), exactly (not اصلا: MSA "originally"), like this, in order to, "you know"
    'شسالفه توا دروك بالضبط بالظبط كدا جذي لحتي ترا ' +
    // what's up (Iraqi شكو), this / that thing (Moroccan هادشي, داكشي), in order to / will (Maghrebi باش),
    // but (Algerian بصح), the progressive "keeps …ing" (Gulf, Levantine قاعد يسوي; not قاعده, MSA "base")
    'شكو هادشي هداشي داكشي باش بصح قاعد ' +
    // "it has been (a time) for" (Levantine صرلها شهر, Egyptian بقالها), Maghrebi راه with a pronoun ("he is, they are"; not راني,
    // رانا, راك: names and "rock"), "that" (Maghrebi بلي; MSA بلى "yes"), كانو (كانوا as said), بالضبط as said (بالزبط)
    'صرلي صرلك صرله صرلو صرلها صرلهم صرلنا صرلكم راهو راهي راهم راكم بلي كانو بالزبط ' +
    // the same in Egyptian (الهدنة بقالها قد ايه؟; MSA بقال "grocer", which no news text writes with a pronoun)
    'بقالي بقالك بقاله بقالو بقالها بقالهم بقالنا بقالكم ' +
    // "that" (Levantine انو, MSA أنّه), "to him / her" (Levantine الو, الها; not الهم, الكم: MSA "worry", "quantity"), there, this thing
    'انو اللو الو الها هونيك هونيكي هالشي ' +
    // "nobody" (محد, Egyptian محدش), "with him, her, them" (معاه, معاها; MSA معه), "all of them" (Levantine كلن, كلو),
    // "these" (Tunisian هاذم, Sudanese ديل, ديلاك; not الديل, "the deal")
    'محد ماحد محدش ماحدش معاه معاها معاهم معاهن معاك معايا كلن كلهن كلو هاذم هاذوما هذوما ديل ديلاك ' +
    // the object pronoun carried by يا (Levantine بدها ياها "she wants it", بدي ياهم; not ياه, which حياة would read as
    // ح + ياه), and the Yemeni قد with a pronoun, "they (already) are" (قدهم ثلاث؟; not قده, قدها: MSA "his size", "up to it")
    'ياها ياهم ياهن ياهون قدهم قدهن قدنا قدكم ' +
    // Iraqi and Gulf كان and كذا / هيك written as said, with چ for the ch they say for ك (شوكت چان؟، چذي، هيچ)
    'چان چانت چانو چانوا چذي چذيه هيچ ' +
    // "with" (Iraqi, Gulf ويا, وياه, ويانا; MSA و + يا "and O", a call news text does not make), Sudanese "that (is) in / that has" (الفي, العندو)
    'ويا وياه وياها وياهم وياك وياكم ويانا وياي الفي الفيها الفيه العند العندو العندها العندهم ' +
    // "tell / explain / sum up / give / bring me", written as one word as only the dialects do (Iraqi احجيلي, Gulf عطني,
    // Egyptian اديني, Levantine جيبلي); "okay" opening a reply; happening (صاير, of صار)
    'تقولي تقلي تقوليلي تحكيلي تحكيلنا تشرحلي يشرحلي اشرحلي تشرحلنا اشرحلنا وضحلي توضحلي تخبرني يقولي يحكيلي يفهمني يوضحلي يخبرني صاير صايره صايرين ' +
    'احجيلي احجيلنا لخصلي لخصلنا تلخصلي عطني عطيني عطونا اديني اديلي ادينا جيبلي جبلي جيبلنا هاتلي اوكي اوكيه اوكاي ' +
    // wanting to know
    'بدي بدك بده بدها بدنا بدكم بدهم بدهن بدكن بدن بدو عايز عاوز عايزه عايزين عاوزين ابغي نبغي بغيت بغينا ودي حاب حابب تبي يبي تبون يبون تبغي يبغي ' +
    'عايزاه عايزاها عاوزاه عاوزاها عايزينه حابين حابه ' +
    // Maghrebi "want" (بغا، بغات، بغاو، كيبغيو)
    'بغا بغات بغاو بغيتي بغيتو يبغيو تبغيو كنبغي كيبغي كيبغيو ' +
    'اعرف نعرف قلي قولي قولولي احكيلي خبرني خبروني فهمني عرفني',
  ),
];

/**
 * The same with the clitics people attach in writing: و (and) on a question word (ومين, ووين) and a
 * preposition on a demonstrative (Maghrebi فهاد "in this", بهاد, لهاد). Short ones (دي, ده) are left
 * bare: with a clitic they spell MSA words (ودي, بدي, لدي).
 */
const QUESTION_WORDS = wordList('مين منو شكون وين فين ليش ليه علاش امتي ايمتي قديش شحال كيفاش ازاي شلون شنو ايش');
const DEMONSTRATIVES = wordList('هاد هادا هادي هاذا هيدا هيدي هاي هدول هذول هادوك هاديك');
export const DIALECT_FUNCTION_WORDS: readonly string[] = [
  ...FUNCTION_WORDS,
  ...QUESTION_WORDS.map((w) => 'و' + w),
  ...DEMONSTRATIVES.flatMap((w) => ['ف', 'ب', 'ل', 'و'].map((clitic) => clitic + w)),
];

/**
 * Of those, the ones no MSA question holds: a question with one is written in a dialect. Not الي (إلى), لي ("to me"),
 * دي / دا (names: دي ميستورا), ايه (آية), صار, يعني, طيب, عم, ودي, ع, which xquad-dev's MSA questions hold too, nor شنوا
 * (MSA شنّوا "they launched").
 */
const ALSO_MSA = new Set(wordList('الي لي دي دا ايه صار صارت يعني طيب عم ودي ع شنوا'));
const COLLOQUIAL_ONLY = new Set(DIALECT_FUNCTION_WORDS.filter((w) => !ALSO_MSA.has(w)));
export const isColloquialOnly = (word: string): boolean => COLLOQUIAL_ONLY.has(word);

/**
 * A colloquial-only function word with "and" written on it (ومحد عرف, وكمان, واللي, وبس): in a question it is one too,
 * where the light stemmer would keep محد, كم, لي as words to search. Not وراه, وده, وتبع, ومتاع: MSA "behind him",
 * "his love", "and followed", "and goods". Questions only: a document's وراه is read as written.
 */
const AND_ON_MSA = new Set(wordList('راه ده تبع متاع'));
export const isColloquialWithAnd = (word: string): boolean =>
  word.length >= 3 && word.startsWith('و') && !AND_ON_MSA.has(word.slice(1)) && COLLOQUIAL_ONLY.has(word.slice(1));

/**
 * A lexicon word with "to" or "with" on it (لرجوع, برجوع, للرجوع, بالرجوع): Light10 strips only لل and بال, and those
 * leave the lexicon's listed form with its article off, so the word after them, four letters or more (لحال, بحث are
 * words themselves), and its MSA words, or null. Only a listed word: a bare لـ / بـ cut off any word would cut names
 * (withoutIn says why).
 */
export function listedAfterPreposition(word: string): { rest: string; msa: string[] } | null {
  const match = /^و?(?:(بال|لل)|[بل])(.{4,})$/.exec(word);
  if (!match) return null;
  const rest = (match[1] ? 'ال' : '') + match[2]!;
  const msa = COLLOQUIAL_WORDS.get(rest);
  return msa ? { rest, msa } : null;
}

/**
 * MSA readings of a colloquial word, most likely first; empty when it has none.
 * - verb prefixes before the imperfect: بـ (بيرأس), حـ/هـ (future: حيعقد, هيعقد), كـ/تـ/تا (Maghrebi كيقول, تيقول, تايقول),
 *   Iraqi دـ (ديساند),
 *   Moroccan future غا (غايدوم), and MSA's own future سـ (سيحدث), which the light stemmer leaves on;
 * - after a colloquial prefix, the passive تـ (هيتعمل, كيترأس → يعمل, يرأس) and the plural ـوا (هيحاربوا);
 * - the colloquial plural ـو for ـون/ـوا: يراقبو → يراقب;
 * - the reflexive/passive اتـ (Egyptian اتعقدت) and MSA's انـ (انعقدت), which light stemming keeps: → عقدت;
 * - هالـ / عالـ (this the / on the), also after بـ, لـ, فـ: هالمحادثات, بهالمحادثات → المحادثات;
 * - ما…ش negation (Egyptian, Maghrebi), or م…ش (Egyptian): ماشاركوش, مشاركوش → شاركو;
 * - a word of the lexicon as written (COLLOQUIAL_WORDS: باجر, كتير) is read as its MSA word only;
 * - the MSA word for a common colloquial one (COLLOQUIAL_WORDS), after the forms above, also looked up
 *   without an object pronoun or a plural ending, and with the Maghrebi feminine past ـات read as ـت:
 *   هيحصل → يحدث, تحطها → تضع, اتكلموا → تحدث, حبسات → أوقفت; and with the Maghrebi فـ on the article (فالنهار → اليوم).
 * Readings that are mere shapes (a final ـو, ـات or ا) are not offered alone: in MSA they are names
 * (فريسنو), plurals (نغمات) and the accusative (نوعا), and a wrong reading makes an unknown word look known.
 * `msa`: those of them that are MSA words of COLLOQUIAL_WORDS (هيتمضى → يوقع), not mere shapes (يتمضى).
 */
export function dialectReadingsOf(word: string): { readings: string[]; msa: string[] } {
  const { forms, msa } = readingsOf(word);
  const without = (list: string[]) => [...new Set(list)].filter((r) => r !== word);
  return { readings: without([...forms, ...msa]), msa: without(msa) };
}

function readingsOf(word: string): { forms: string[]; msa: string[] } {
  if (!isArabicWord(word)) return { forms: [], msa: [] };
  // A word of the lexicon as written is that word, not a shape (باجر "tomorrow" is not ب + اجر, كتير not ك + تير).
  const listed = COLLOQUIAL_WORDS.get(word);
  if (listed) return { forms: [], msa: listed };
  // With "and" on it (وتريقة، ومسكرة): the word of the lexicon after و, three letters or more (وجه is "face", not و + جه).
  const andListed = word.startsWith('و') && word.length >= 4 ? COLLOQUIAL_WORDS.get(word.slice(1)) : undefined;
  if (andListed) return { forms: [], msa: andListed };
  const readings: string[] = [];
  // Before ا only بـ/كـ/سـ (باكل "I eat", باستانا "in Astana"): the future حـ/هـ there would read the participles
  // and form III verbs حاضر, هاجم as اضر, اجم, and a question rarely says "I will".
  // Iraqi progressive دـ (ديساند, دنروح: "is backing", "we are going") only before four letters or more: دين, دنيا are words.
  const verb =
    /^[سبك]([يتنا].{2,})$/.exec(word) ??
    /^[حه]([يتن].{2,})$/.exec(word) ??
    /^غا([يتن].{3,})$/.exec(word) ??
    /^تا?(ي.{2,})$/.exec(word) ??
    /^د([يتن].{3,})$/.exec(word);
  const imperfect = verb ? verb[1]! : word;
  if (verb) readings.push(imperfect);
  const colloquialPrefix = verb !== null && !word.startsWith('س');
  const passive = colloquialPrefix ? /^([يتن])ت(.{3,})$/.exec(imperfect) : null;
  if (passive) readings.push(passive[1]! + passive[2]!);
  const plural = (colloquialPrefix ? /^([يتن].{3,})وا?$/ : /^([يتن].{3,})و$/).exec(imperfect);
  if (plural) readings.push(plural[1]!);
  const reflexive = /^ا[نت](.{4,})$/.exec(word);
  if (reflexive) readings.push(reflexive[1]!);
  // With a preposition before it (بهالمحادثات, لهالجولة, فهالقضية): one clitic more on the same article. Not و: names
  // begin with هال (وهالفورد).
  const article = /^[بلف]?(?:ه|ع)(ال.{3,})$/.exec(word);
  if (article) readings.push(article[1]!);
  // Egyptian writes the negation's ما as م on the verb too (مكملتش, محضروش).
  const negated = /^ما?(.{3,})ش$/.exec(word);
  if (negated) readings.push(negated[1]!);
  // Egyptian and Sudanese write form V and VI verbs with a leading ا (اتلاقوا, اتقابلوا for تلاقوا, تقابلوا): the lexicon's
  // تـ form is looked up without it.
  const withoutAlef = /^ات.{3,}$/.test(word) ? [word.slice(1)] : [];
  return { forms: readings, msa: [...new Set([word, ...readings, ...withoutAlef].flatMap(colloquialToMsa))] };
}

/**
 * A past verb's plural as the persons a news text reports the same act in (اتفقوا → اتفق, اتفقت, اتفقا: "the two sides
 * agreed"), for a dialect question; not the bare ـو (names: فريسنو; and اجتمعو read so put a "with whom did the Turks meet
 * alone" under the meeting all sides attended, dialect-blind9, -13), nor after the article or a verb prefix. Offered in
 * every question (with the two-word months), they made words the refusal was fitted on as unknown look known: xquad-dev
 * Arabic held-out refusals 312 → 307 (eval/JOURNAL.md, ninth blind round).
 */
export function pastPersons(word: string): string[] {
  const stem = /^((?!ال|[سبكحه][يتن]).{3,})وا$/.exec(word)?.[1];
  return stem && isArabicWord(word) ? [stem, stem + 'ت', stem + 'ا'] : [];
}

/**
 * COLLOQUIAL_WORDS of a form as written, else without an object pronoun or plural ending, else without both (يخلصوها),
 * else with a verb's final ي the colloquial plural wrote as و (يحكو, سوو, يسوون → يحكي, سوي, يسوي), else as a feminine
 * past (Maghrebi ـات for ـت, after a final ي too: تلاقات → تلاقيت), else as the Maghrebi plural ـاو (تلاقاو → تلاقي), else without the Maghrebi فـ "in" on its article
 * (فالنهار → النهار).
 */
function colloquialToMsa(form: string): string[] {
  const bare = /^(.{3,}?)(?:ها|هم|هن|ه|ني|نا|كم|كن|ك|ون|ين|وا|و)$/.exec(form)?.[1];
  const plural = /^(.{2,}?)(?:ون|وا|و)(?:ها|هم|هن|ه|ني|نا|كم|ك)?$/.exec(form)?.[1] ?? '';
  const feminine = /^(.{3})ات$/.exec(form)?.[1];
  const weakFeminine = /^(.{3,})ات$/.exec(form)?.[1];
  // Maghrebi past plural of a verb ending in a vowel: تلاقاو, مشاو, بقاو (the lexicon's تلاقى is listed with ي).
  const weakPlural = /^(.{3,})او$/.exec(form)?.[1];
  // Only فـ: with و, بـ, لـ on the article (والخدمة, للخدمة) the lexicon's words that are MSA words too (الخدمة
  // "service") would be read in MSA questions; بالـ is read as بـ + ا above.
  const article = /^ف(ال.{2,})$/.exec(form)?.[1];
  return (
    COLLOQUIAL_WORDS.get(form) ??
    COLLOQUIAL_WORDS.get(bare ?? '') ??
    (plural.length >= 3 ? COLLOQUIAL_WORDS.get(plural) : undefined) ??
    COLLOQUIAL_WORDS.get(plural + 'ي') ??
    COLLOQUIAL_WORDS.get(feminine ? feminine + 'ت' : '') ??
    COLLOQUIAL_WORDS.get(weakFeminine ? weakFeminine + 'يت' : '') ??
    COLLOQUIAL_WORDS.get(weakPlural ? weakPlural + 'ي' : '') ??
    COLLOQUIAL_WORDS.get(article ?? '') ??
    []
  );
}
