/**
 * Colloquial Arabic (Levantine, Gulf, Egyptian, Maghrebi) as people write it on Discord: its function words, which
 * carry no topic (question words, particles, demonstratives, "I want to know"), on normalized text (ى→ي, ة→ه, أ/إ→ا).
 * Readings of a colloquial word as its MSA words (بيرأس → يرأس) are in dialect-readings.ts.
 */

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
  // (and with ب "with / by what": بايه, بشو, بشنو, Maghrebi بشمن (فشمن "in which"); with ل "for what": لشنو, لشو, لايش; Tunisian شنوا, spelled as said)
  other: [
    ...COLLOQUIAL_WHAT,
    ...wordList('شي شنهي شنيه اشمن شمن انهو ليش ليه علاش لويش علاه لاش شلون كيفاش كيفاه ازاي ياتو ياتا بايه بشو بشنو بشمن فشمن بايش لشنو لشو لايش'),
  ],
  place: wordList('وين فين منين لوين وينو'),
  // Levantine وقتيش / ايمتا, Maghrebi وقتاش / فوقاش / فاش; with لـ "until when" (لإيمتى, لامتى)
  // (Upper Egyptian ميتى)
  date: wordList('امتي ايمتي امتا ايمتا وقتاش فوقاش فاش وقتيش لامتي لايمتي لامتا لايمتا ميتي'),
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
      'leh lih lesh leish laysh lech lich 3lash 3lach alash alach kifash kifach kifesh izay ezay ezzay ezaay shlon chlon shloon ' +
      // Egyptian ايه ("what", after the verb: bye3mel eh?), Moroccan and Algerian واش
      'eh eih ehh wach',
  ),
  person: wordList('meen mnu minu mino shkoun chkoun chkon achkoun shkon'),
  place: wordList('wein wain wen fein fain feen fen fin wayn'),
  date: wordList('emta emtah imta imtah amta ayemta waqtash wa9tach weqtach'),
  number: wordList('adesh adeish 2adesh 2addesh 2desh ad2esh kadesh chhal shhal ch7al sh7al kam kaam'),
} as const;

/**
 * Before an imperfect, what says it is going on or about to happen (Levantine عم, رح, راح, لح, ح; Maghrebi غادي, with its
 * feminine and plural): dialect-readings.ts reads the verb after one as the news future (رح يمثل → سيمثل), framing-words.ts
 * counts them among the "will / want to / keep" before a light verb (شو رح يعمل؟، شنو غاديين يديرو؟).
 */
export const TENSE_PARTICLES: ReadonlySet<string> = new Set(wordList('عم رح راح لح ح غادي غاديه غاديين'));

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
    // "when" (Moroccan ملي: ملي كيتجرح "when he gets hurt"; MSA مليء is written with its hamza, and no text here has ملي)
    'ملي ' +
    // "there is" (Tunisian فمّا, فمّة; MSA فما "so what" is a function word too), "intending to" (ناوي، ناوية: روسيا ناوية تقدم…)
    'فما فمه ناوي ناويه ناويين ' +
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
 * (MSA شنّوا "they launched"), فما (MSA "so what").
 */
const ALSO_MSA = new Set(wordList('الي لي دي دا ايه صار صارت يعني طيب عم ودي ع شنوا فما'));
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
 * A function word or tense particle with the Iraqi and Gulf ش "what" written on it (شراح يسوون "what will they do", شصار "what happened"):
 * one too, and colloquial. Three letters or more after the ش (شرح is MSA "explain", not ش + رح), and not شيلي (Chile), شراه
 * ("bought it"), شالي, شايه, MSA words of the same letters. Questions only, like isColloquialWithAnd.
 */
const WHAT_ON_MSA = new Set(wordList('يلي راه الي ايه'));
const FUNCTION_WORD_SET: ReadonlySet<string> = new Set([...DIALECT_FUNCTION_WORDS, ...TENSE_PARTICLES]);
export const isFunctionWordWithWhat = (word: string): boolean =>
  word.length >= 4 && word.startsWith('ش') && !WHAT_ON_MSA.has(word.slice(1)) && FUNCTION_WORD_SET.has(word.slice(1));
