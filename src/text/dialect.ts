/**
 * Colloquial Arabic (Levantine, Gulf, Egyptian, Maghrebi) as people write it on Discord, mapped to
 * what the newspaper Arabic of the documents says. Two parts, both on normalized text (ى→ي, ة→ه,
 * أ/إ→ا): function words that carry no topic, and readings of a word with a dialect verb prefix
 * removed (بيرأس → يرأس). Readings are offered as alternatives, never forced: the caller keeps the
 * word as written when the collection knows it, so MSA words that happen to start with ب or ك stay.
 */
import { isArabicWord } from './language.js';

export const wordList = (list: string): string[] => list.split(/\s+/).filter((w) => w !== '');

/**
 * Colloquial question words by the kind of answer they ask for: here they are function words;
 * question-type.ts reads the same lists to tell what a question asks for.
 */
export const COLLOQUIAL_QUESTION_WORDS = {
  // what / why / how
  // (Sudanese ياتو / ياتا "which")
  other: wordList('شو شنو شنهو ايش اش وش وشو واش ايه شي شنوه اشنو اشنوه واشنو شنهي شنيه ويش اشمن انهو ليش ليه علاش لويش علاه لاش شلون كيفاش كيفاه ازاي ياتو ياتا'),
  place: wordList('وين فين منين لوين وينو'),
  // Levantine وقتيش / ايمتا, Maghrebi وقتاش / فوقاش / فاش
  date: wordList('امتي ايمتي امتا ايمتا وقتاش فوقاش فاش وقتيش'),
  person: wordList('مين منو شكون اشكون منهو'),
  // Iraqi شكد / شقد / شگد / چم (with the Persian letters Iraqis and Gulf write for g and ch), Maghrebi شحال, Egyptian كام
  number: wordList('قديش قداش شقد شكد شگد چم شحال كام اديش كديش قديه شكثر بكام بشحال'),
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
    // what's the story (Gulf); now (Tunisian توا, Algerian دروك), exactly (not اصلا: MSA "originally"), like this, in order to, "you know"
    'شسالفه توا دروك بالضبط بالظبط كدا جذي لحتي ترا ' +
    // what's up (Iraqi شكو), this / that thing (Moroccan هادشي, داكشي), in order to / will (Maghrebi باش),
    // but (Algerian بصح), the progressive "keeps …ing" (Gulf, Levantine قاعد يسوي; not قاعده, MSA "base")
    'شكو هادشي هداشي داكشي باش بصح قاعد ' +
    // "that" (Levantine انو, MSA أنّه), "to him / her" (Levantine الو, الها; not الهم, الكم: MSA "worry", "quantity"), there, this thing
    'انو اللو الو الها هونيك هونيكي هالشي ' +
    // "tell / explain to me", written as one word as only the dialects do; happening (صاير, of صار)
    'تقولي تقلي تقوليلي تحكيلي تحكيلنا تشرحلي يشرحلي اشرحلي تشرحلنا اشرحلنا وضحلي توضحلي تخبرني يقولي يحكيلي يفهمني يوضحلي يخبرني صاير صايره صايرين ' +
    // wanting to know
    'بدي بدك بده بدها بدنا بدكم بدهم بدهن بدكن بدو عايز عاوز عايزه عايزين عاوزين ابغي نبغي بغيت بغينا ودي حاب حابب تبي يبي تبون يبون تبغي يبغي ' +
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
 * MSA readings of a colloquial word, most likely first; empty when it has none.
 * - verb prefixes before the imperfect: بـ (بيرأس), حـ/هـ (future: حيعقد, هيعقد), كـ/تـ/تا (Maghrebi كيقول, تيقول, تايقول),
 *   Moroccan future غا (غايدوم), and MSA's own future سـ (سيحدث), which the light stemmer leaves on;
 * - after a colloquial prefix, the passive تـ (هيتعمل, كيترأس → يعمل, يرأس) and the plural ـوا (هيحاربوا);
 * - the colloquial plural ـو for ـون/ـوا: يراقبو → يراقب;
 * - the reflexive/passive اتـ (Egyptian اتعقدت) and MSA's انـ (انعقدت), which light stemming keeps: → عقدت;
 * - هالـ / عالـ (this the / on the): هالمحادثات → المحادثات;
 * - ما…ش negation (Egyptian, Maghrebi): ماشاركوش → شاركو;
 * - the MSA word for a common colloquial one (COLLOQUIAL_WORDS), after the forms above, also looked up
 *   without an object pronoun or a plural ending, and with the Maghrebi feminine past ـات read as ـت:
 *   هيحصل → يحدث, تحطها → تضع, اتكلموا → تحدث, حبسات → أوقفت.
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
  const readings: string[] = [];
  // Before ا only بـ/كـ/سـ (باكل "I eat", باستانا "in Astana"): the future حـ/هـ there would read the participles
  // and form III verbs حاضر, هاجم as اضر, اجم, and a question rarely says "I will".
  const verb =
    /^[سبك]([يتنا].{2,})$/.exec(word) ?? /^[حه]([يتن].{2,})$/.exec(word) ?? /^غا([يتن].{3,})$/.exec(word) ?? /^تا?(ي.{2,})$/.exec(word);
  const imperfect = verb ? verb[1]! : word;
  if (verb) readings.push(imperfect);
  const colloquialPrefix = verb !== null && !word.startsWith('س');
  const passive = colloquialPrefix ? /^([يتن])ت(.{3,})$/.exec(imperfect) : null;
  if (passive) readings.push(passive[1]! + passive[2]!);
  const plural = (colloquialPrefix ? /^([يتن].{3,})وا?$/ : /^([يتن].{3,})و$/).exec(imperfect);
  if (plural) readings.push(plural[1]!);
  const reflexive = /^ا[نت](.{4,})$/.exec(word);
  if (reflexive) readings.push(reflexive[1]!);
  const article = /^(?:ه|ع)(ال.{3,})$/.exec(word);
  if (article) readings.push(article[1]!);
  const negated = /^ما(.{3,})ش$/.exec(word);
  if (negated) readings.push(negated[1]!);
  return { forms: readings, msa: [word, ...readings].flatMap(colloquialToMsa) };
}

/**
 * The word without the Maghrebi فـ "in" (فجنيف, فأستانة → جنيف, أستانة; فالـ is the stemmer's), or null. Not a
 * reading: فـ also begins MSA words and spells the MSA "so" (فشلو is a verb, not شلو), so it is searched only
 * when the collection knows the rest.
 */
export function withoutIn(word: string): string | null {
  return /^ف((?!ال).{3,})$/.exec(word)?.[1] ?? null;
}

/** COLLOQUIAL_WORDS of a form as written, else without an object pronoun or plural ending, else as a feminine past. */
function colloquialToMsa(form: string): string[] {
  const bare = /^(.{3,}?)(?:ها|هم|هن|ه|ني|نا|كم|كن|ك|ون|ين|وا|و)$/.exec(form)?.[1];
  const feminine = /^(.{3})ات$/.exec(form)?.[1];
  return COLLOQUIAL_WORDS.get(form) ?? COLLOQUIAL_WORDS.get(bare ?? '') ?? COLLOQUIAL_WORDS.get(feminine ? feminine + 'ت' : '') ?? [];
}

/**
 * Everyday colloquial verbs and nouns shared by several dialects, with the MSA word the documents
 * use. Verbs: [past, imperfect stem, MSA past, MSA imperfect stem, MSA past feminine]; each gives its
 * past (خلص), feminine past (خلصت) and imperfect with ي/ت/ن (تخلص → تنتهي). Only offered as readings:
 * a word the collection knows as written keeps its own meaning (حصل "obtained" in an MSA text).
 */
const COLLOQUIAL_VERBS: ReadonlyArray<readonly [string, string, string, string, string?]> = [
  ['خلص', 'خلص', 'انتهي', 'نتهي', 'انتهت'], // end (Levantine, Egyptian, Gulf)
  ['حصل', 'حصل', 'حدث', 'حدث'], // happen (Egyptian, Levantine)
  ['حصل', 'حصل', 'جري', 'جري', 'جرت'], // take place
  ['دام', 'دوم', 'استمر', 'ستمر'], // last
  ['طول', 'طول', 'استمر', 'ستمر'], // take long
  ['شاف', 'شوف', 'راي', 'ري', 'رات'], // see
  ['راح', 'روح', 'ذهب', 'ذهب'], // go
  ['اجا', 'جي', 'جاء', 'اتي'], // come
  ['حكي', 'حكي', 'قال', 'قول', 'قالت'], // say, talk (Levantine)
  ['اتكلم', 'تكلم', 'تحدث', 'تحدث'], // speak (Egyptian)
  ['قعد', 'قعد', 'جلس', 'جلس'], // sit
  ['طلع', 'طلع', 'خرج', 'خرج'], // go out
  ['بلش', 'بلش', 'بدا', 'بدا'], // begin (Levantine)
  ['لقي', 'لاقي', 'وجد', 'جد', 'وجدت'], // find
  ['سوي', 'سوي', 'فعل', 'فعل', 'فعلت'], // do (Gulf, Levantine)
  ['بعت', 'بعت', 'ارسل', 'رسل'], // send
  ['رجع', 'رجع', 'عاد', 'عود'], // return
  ['اخد', 'اخد', 'اخذ', 'اخذ'], // take (Egyptian)
  ['ساب', 'سيب', 'ترك', 'ترك'], // leave
  ['حط', 'حط', 'وضع', 'ضع'], // put
  ['جاب', 'جيب', 'احضر', 'حضر'], // bring
  ['اشتغل', 'شتغل', 'عمل', 'عمل'], // work
  ['فل', 'فل', 'غادر', 'غادر'], // leave (Levantine)
  ['ربح', 'ربح', 'فاز', 'فوز'], ['كسب', 'كسب', 'فاز', 'فوز'], // win (Levantine, Maghrebi; Egyptian)
  ['حبس', 'حبس', 'اوقف', 'وقف', 'اوقفت'], // stop (Maghrebi)
  ['ابتدي', 'بتدي', 'بدا', 'بدا', 'بدات'], // begin (Egyptian)
  ['تلاقي', 'تلاقي', 'التقي', 'لتقي', 'التقت'], // meet
  ['اتقابل', 'تقابل', 'التقي', 'لتقي', 'التقت'], // meet (Egyptian, Levantine)
  ['مضي', 'مضي', 'وقع', 'وقع', 'وقعت'], // sign (Egyptian, Levantine)
  ['قفل', 'قفل', 'اغلق', 'غلق', 'اغلقت'], // close
  ['دردش', 'دردش', 'تحدث', 'تحدث'], // chat
  ['سالي', 'سالي', 'انتهي', 'نتهي', 'انتهت'], // end (Moroccan سالا / يسالي)
];
const COLLOQUIAL_NOUNS: ReadonlyArray<readonly [string, string]> = [
  ['نهار', 'يوم'], ['النهارده', 'اليوم'], // day (Maghrebi, Levantine); today (Egyptian)
  ['فلوس', 'اموال'], ['مصاري', 'اموال'], // money
  ['امبارح', 'امس'], ['مبارح', 'امس'], ['البارح', 'امس'], // yesterday
  ['بكره', 'غدا'], ['بكرا', 'غدا'], ['غدوه', 'غدا'], // tomorrow
  ['زلمه', 'رجل'], ['راجل', 'رجل'], // man
  ['شغل', 'عمل'], ['حاجه', 'شيء'], ['ولاد', 'اولاد'], ['مشكل', 'مشكله'], ['جماعه', 'مجموعه'],
  ['كتير', 'كثير'], ['برشا', 'كثير'], ['بزاف', 'كثير'], ['وايد', 'كثير'], // many
  ['حدا', 'احد'], ['عيال', 'اطفال'], // someone (Levantine); children (Gulf)
  ['حكي', 'حديث'], ['حكي', 'كلام'], ['حاجات', 'اشياء'], ['احسن', 'افضل'], // talk; things; better
  ['جاي', 'مقبل'], ['جاي', 'قادم'], ['جايه', 'مقبله'], // next (الشهر الجاي)
  ['شغله', 'امر'], // matter (Levantine)
  ['مقفول', 'مغلق'], ['مقفوله', 'مغلقه'], // closed
  // ث said and written ت (Egyptian, Levantine): second, third, three, two, eight
  ['تاني', 'ثاني'], ['تانيه', 'ثانيه'], ['تالت', 'ثالث'], ['تالته', 'ثالثه'], ['تلات', 'ثلاث'], ['تلاته', 'ثلاثه'],
  ['تلاتين', 'ثلاثين'], ['اتنين', 'اثنين'], ['تمانيه', 'ثمانيه'],
  ['ابتدت', 'بدات'], ['بقت', 'اصبحت'], // Egyptian feminine past of ابتدى, بقى
  // With the article they are weekdays (Egyptian يوم التلات, Levantine التلاتا, الاربعا), not "the three":
  // listed with it so the article is not added to the numbers above.
  ['التلات', 'الثلاثاء'], ['التلاتا', 'الثلاثاء'], ['التلاتاء', 'الثلاثاء'], ['الاربعا', 'الاربعاء'],
  ['اكتر', 'اكثر'], // more (ث written ت)
  ['خدمه', 'عمل'], // work (Maghrebi)
  ['ميه', 'مياه'], // water (Egyptian, Levantine المية)
];
const COLLOQUIAL_WORDS: ReadonlyMap<string, string[]> = (() => {
  const words = new Map<string, string[]>();
  const add = (colloquial: string, msa: string) => words.set(colloquial, [...(words.get(colloquial) ?? []), msa]);
  for (const [past, imperfect, msaPast, msaImperfect, msaFeminine] of COLLOQUIAL_VERBS) {
    add(past, msaPast);
    add(past + 'ت', msaFeminine ?? msaPast + 'ت');
    for (const person of ['ي', 'ت', 'ن']) add(person + imperfect, person + msaImperfect);
  }
  const listed = new Set(COLLOQUIAL_NOUNS.map(([colloquial]) => colloquial));
  for (const [colloquial, msa] of COLLOQUIAL_NOUNS) {
    add(colloquial, msa);
    if (!colloquial.startsWith('ال') && !listed.has('ال' + colloquial)) add('ال' + colloquial, 'ال' + msa);
  }
  return words;
})();
