/**
 * Readings of a colloquial word as the newspaper Arabic of the documents writes it (بيرأس → يرأس, ماشاركوش → شاركو,
 * هيحصل → يحدث): its dialect verb prefixes, negation and plural endings taken off, and the lexicon's MSA words
 * (dialect-lexicon.ts). Offered as alternatives, never forced: the caller keeps the word as written when the
 * collection knows it, so MSA words that happen to start with ب or ك stay. dialect.ts lists the function words.
 */
import { COLLOQUIAL_WORDS } from './dialect-lexicon.js';
import { isArabicWord } from './language.js';
import { endingGroup, endingPeeler, PRONOUN_ENDINGS } from './lexicon-forms.js';
import { TENSE_PARTICLES, wordList } from './dialect.js';

/** A word's dialect readings (dialectReadingsOf). */
export interface DialectReadings {
  readings: string[];
  msa: string[];
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
export function dialectReadingsOf(word: string): DialectReadings {
  const { forms, msa } = readingsOf(word);
  const without = (list: string[]) => [...new Set(list)].filter((r) => r !== word);
  return { readings: without([...forms, ...msa]), msa: without(msa) };
}

/**
 * The imperfect under a chat tense prefix, or null: the progressive بـ / كـ (بيرأس, كيقول; also before the first person's
 * ا: باكل), the future حـ / هـ (حيعقد, هيعقد) and Moroccan غا (غايدوم), and, unless `nameLike` is false, the Maghrebi
 * تـ / تا (تيقول, تايقول) and the Iraqi دـ (ديساند, دنروح), which also begin transliterated names (تيودور, تايمز,
 * ديمستورا, ديسمبر). dialectReadingsOf reads the verb so, newsFuture takes the prefix for a tense, and arabizi.ts knows a
 * spelling for the lexicon's verb under one (byeshta8al → بيشتغل): one list, so the three agree.
 */
export function withoutTensePrefix(word: string, { nameLike = true } = {}): string | null {
  // Before ا only بـ/كـ (باكل "I eat"): the future حـ/هـ there would read the participles and form III verbs حاضر, هاجم as
  // اضر, اجم, and a question rarely says "I will". Iraqi دـ only before four letters or more: دين, دنيا are words.
  const match =
    /^[بك]([يتنا].{2,})$/.exec(word) ??
    /^[حه]([يتن].{2,})$/.exec(word) ??
    /^غا([يتن].{3,})$/.exec(word) ??
    (nameLike ? (/^تا?(ي.{2,})$/.exec(word) ?? /^د([يتن].{3,})$/.exec(word)) : null);
  return match ? match[1]! : null;
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
  // MSA's future سـ, also before the first person's ا. Not before ا with a plural ending (ساكنين, سامعين): the future's
  // first person "I will" takes none, so the word is a participle (participleAsVerb reads it), not سـ + اكنين.
  const msaFuture = /^سا.{2,}(?:ين|ون|ات)$/.test(word) ? undefined : /^س([يتنا].{2,})$/.exec(word)?.[1];
  const underChatPrefix = withoutTensePrefix(word);
  const imperfect = msaFuture ?? underChatPrefix ?? word;
  if (imperfect !== word) readings.push(imperfect);
  const colloquialPrefix = underChatPrefix !== null;
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

/** A third person's "want" (Gulf يبي, يبون, يبغون; Levantine بده, بدهم; Maghrebi بغاو, كيبغيو): the asker's own (ابغى، بدي) frames a question. */
const THEY_WANT = new Set(wordList('يبي يبون يبغي يبغون يبغو بده بدها بدهم بدهن بدن بدو بغا بغات بغاو كيبغي كيبغيو'));
const DEMANDED = ['طالب', 'طالبت', 'مطالبه', 'يريد'];

/**
 * What a text writes for a party's "want", `terms[i]`, when no verb follows it in its sentence (وش يبون الفصائل؟، الفصائل
 * شو بدهم؟): their demands (طالبت، المطالبة). Before a verb, even past its subject (يبون يوقعون، بدها روسيا تقدم، يبون
 * الضامنين يرجعون), it is a modal and frames the question; after اللي it names the thing wanted (المناطق اللي بغات روسيا).
 * A verb is a later word of the same sentence (`sentences`, per term) shaped as an imperfect, with or without a chat
 * prefix, or a first-person one (ا not of the article); the shape test takes nouns in تـ / نـ (تصعيد, نقاط) for verbs,
 * which only leaves the want to frame the question, as before.
 */
export function wantedAsDemanded(terms: readonly string[], i: number, sentences: readonly number[]): string[] {
  const previous = terms[i - 1];
  if (!THEY_WANT.has(terms[i]!) || previous === 'اللي' || previous === 'الي') return [];
  const verbAfter = terms.some((w, k) => k > i && sentences[k] === sentences[i] && /^(?:[يتن]|[بحهك][يتن]|ا(?!ل))/.test(w));
  return verbAfter ? [] : DEMANDED;
}

/**
 * The lexicon's MSA imperfect readings with the news future سـ (يدومو → يستمر → سيستمر, ستستمر: "ستستمر المحادثات لمدة
 * يومين"; `readings`: the word's dialectReadingsOf), for a dialect question whose word the collection knows in no
 * other form; and the question's own imperfect when a tense marks it, a particle before it (`previous`: عم يمثل,
 * رح يمثل) or a prefix on it (بيمثل, هيمثل, كيقدم → سيمثل, سيقدم): chat says what is planned so, the news with سـ. Not a bare imperfect (خاصها تخرج "must leave" is no ستخرج "will
 * come out of", dialect-blind7 b8-mag-07, eval/JOURNAL.md, eighteenth dialect round). Not among the readings: offered
 * beside a known reading (يكملو → تواصل) it lowered the gold's coverage (dialect-blind5 b6-mag-16 refused, seventeenth
 * dialect round).
 */
export function newsFuture(word: string, previous: string | undefined, { readings, msa }: DialectReadings): string[] {
  // Not after the prefixes that also begin names: a future of ديمستورا, ديسمبر is no word.
  const own = withoutTensePrefix(word, { nameLike: false }) !== null ? readings : TENSE_PARTICLES.has(previous ?? '') ? [word] : [];
  // Chat's plural ـو / ـوا is the news's ـون (رح يمثلو → سيمثلون, which the stemmer meets as سيمثل): سيمثلو, all that was
  // built before, is in no text. The verb as written stays too, for one whose ـو is its own (رح يدعو → سيدعو).
  const chat = own.filter((r) => /^[يتن].{2,}$/.test(r)).flatMap((r) => [r, ...(/^.{3,}وا?$/.test(r) ? [r.replace(/وا?$/, 'ون')] : [])]);
  return [...new Set([...msa.filter((r) => /^[يتن]/.test(r)), ...chat])].map((r) => 'س' + r);
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
 * The imperfect a colloquial active participle stands for (ساكنين → يسكن, عايشة → يعيش, يعوش): the dialects say "they are
 * living" where a text writes "they live" (كان يسكن), of any verb, not the lexicon's only. A three-letter root's فاعل, bare
 * or with a plural or feminine ending; a ي in the middle (عايش, شايف) gives both hollow imperfects, the collection knowing
 * the right one. Not with the article (الكاتب is a noun: its ا fails the pattern). For a dialect question only, like
 * pastPersons: MSA's participles are nouns as often (سابق, حاكم), and a reading makes an unknown word look known to the
 * refusal.
 */
export function participleAsVerb(word: string): string[] {
  const match = /^([^ا])ا([^ا])([^ا])(?:ين|ون|ه|ات)?$/.exec(word);
  if (!match || !isArabicWord(word)) return [];
  const [, first, middle, last] = match as unknown as [string, string, string, string];
  return middle === 'ي' ? ['ي' + first + 'ي' + last, 'ي' + first + 'و' + last] : ['ي' + first + middle + last];
}

/**
 * The verbal noun a text writes for a form V or VI participle (متوتر, متفاهمين → توتر, تفاهم): chat says how things were
 * ("the mood was tense", "are they in agreement") where a news text names the state (ساد التوتر). Bare or with a plural or
 * feminine ending, or the article; for a dialect question and searched only when the collection lacks the word, like
 * participleAsVerb (the seeds' المتحدة is known, so never read as تحد).
 */
export function participleAsMasdar(word: string): string[] {
  const core = /^(?:ال)?مت(.{3,}?)(?:ين|ون|ات|ه)?$/.exec(word)?.[1];
  return core && isArabicWord(word) ? ['ت' + core] : [];
}

/**
 * The words a text writes for a dialect verb shape of any verb, not the lexicon's only: the Maghrebi and Levantine
 * passive تـ on a bare imperfect (يتنشر "is spread", after its plural ـو is taken off) as the plain imperfect (ينشر), the
 * form VIII a text uses for it (ينتشر) and that form's past (انتشر, انتشرت); the Maghrebi past plural ـاو without alif
 * (بداو, مشاو) as the past a text reports (بدا, بدأت), and a hollow verb's past plural in ـو so (ماتو, فازو → مات, فاز).
 * For a dialect question and searched only when the collection knows them, like participleAsVerb: in MSA يتـ is form V
 * (يتحدث) and ـاو ends names. Not the bare past (بتتعمل → عمل, a word most texts have: it put "where are the talks held"
 * under any work, dialect eg01), nor form VII's نـ (تنعقد, تنحل: MSA's own imperfect, whose past انعقد made a seed question
 * about a round the seeds lack look answered, dialect-blind4 b5-gul-19).
 */
export function verbShapesAsText(word: string): string[] {
  if (!isArabicWord(word)) return [];
  const passive = /^([يتن])ت(.)(.{2,})$/.exec(word);
  if (passive) {
    const [, person, first, rest] = passive as unknown as [string, string, string, string];
    const eighth = first + 'ت' + rest;
    return [person + first + rest, person + eighth, 'ا' + eighth, 'ا' + eighth + 'ت'];
  }
  const pluralPast = /^((?!ال|[سبكحه][يتن]).{2,}ا)و$/.exec(word)?.[1];
  if (pluralPast) return [pluralPast, pluralPast + 'ت'];
  // A hollow verb's past plural with ـو for ـوا (ماتو, عاشو, فازو → مات): the verb as a text reports it, not its other persons
  // (pastPersons keeps off the bare ـو). A noun with chat's "his" ـو (بابو, راسو) is read as its noun, which is right too.
  const hollowPast = PARTICLE_WITH_HIS.has(word) ? undefined : /^([^ا]ا[^ا])و$/.exec(word)?.[1];
  return hollowPast ? [hollowPast] : [];
}

/**
 * Chat's "his" ـو on a particle, not a hollow verb's plural: لانو "because he" (لأنه), مالو "what is with him" (ما له),
 * Maghrebi خاصو "he must" (خاصه). Read as لان, مال, خاص they searched a text's "because", "money" and "special".
 */
const PARTICLE_WITH_HIS: ReadonlySet<string> = new Set(wordList('لانو مالو خاصو'));

/** A verb's object pronouns (PRONOUN_ENDINGS but the Levantine ones) and its plural endings, colloquial ـو among them. */
const OBJECT_PRONOUNS = [...PRONOUN_ENDINGS.herHis, ...PRONOUN_ENDINGS.theirYourOur, ...PRONOUN_ENDINGS.meYou];
const withoutPronounOrPlural = endingPeeler([...OBJECT_PRONOUNS, 'ون', 'ين', 'وا', 'و']);
const PLURAL_THEN_PRONOUN = new RegExp(`^(.{2,}?)${endingGroup(['ون', 'وا', 'و'])}${endingGroup(OBJECT_PRONOUNS)}?$`);

/**
 * COLLOQUIAL_WORDS of a form as written, else without an object pronoun or plural ending, else without both (يخلصوها),
 * else with a verb's final ي the colloquial plural wrote as و (يحكو, سوو, يسوون → يحكي, سوي, يسوي), else as a feminine
 * past (Maghrebi ـات for ـت, after a final ي too: تلاقات → تلاقيت), else as the Maghrebi plural ـاو (تلاقاو → تلاقي), else without the Maghrebi فـ "in" on its article
 * (فالنهار → النهار).
 */
function colloquialToMsa(form: string): string[] {
  const bare = withoutPronounOrPlural(form);
  const plural = PLURAL_THEN_PRONOUN.exec(form)?.[1] ?? '';
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
