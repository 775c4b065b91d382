/**
 * A question typed in Latin letters (Arabizi: "shu 2alet el fasa2el?", "chkoun ra2es la délégation?") and the French
 * words Maghrebi chat mixes into Arabic (le cessez-le-feu, les observateurs, c'est quoi), rewritten in Arabic letters
 * so the dialect analysis reads them like any other question. Arabizi spells a word as said, vowels and all, so a word
 * is written out (3 → ع, 7 → ح, 2 → ق or a hamza) and then replaced by the collection's nearest written word, which
 * the caller finds (`Closest`): the spelling alone cannot tell short vowels from long ones, nor ه from ح.
 */
import { ARABIZI_QUESTION_WORDS, COLLOQUIAL_QUESTION_WORDS, wordList } from './dialect.js';
import { hasArabicLetters } from './language.js';
import { isEnglishFunctionWord, isStopword } from './analyze.js';
import { COLLOQUIAL_WORDS } from './dialect-lexicon.js';
import { withoutTensePrefix } from './dialect-readings.js';

/** The collection's written word nearest any of these spellings (most likely first), or null when none is near. */
export type Closest = (spellings: readonly string[]) => string | null;

/** Arabizi function words, as the dialects write them in Arabic letters (the analysis drops or reads them). */
const FUNCTION_WORDS = new Map<string, string>([
  ...(Object.keys(ARABIZI_QUESTION_WORDS) as Array<keyof typeof ARABIZI_QUESTION_WORDS>).flatMap((type) =>
    ARABIZI_QUESTION_WORDS[type].map((w) => [w, COLLOQUIAL_QUESTION_WORDS[type][0]!] as const),
  ),
  ...pairs('في', 'fi fe f'),
  ...pairs('ب', 'bi b'),
  ...pairs('و', 'w wa we'),
  ...pairs('يا', 'ya yal'),
  ...pairs('من', 'mn min men mena'),
  ...pairs('على', '3la 3ala 3a'),
  ...pairs('مع', 'm3a ma3 m3'),
  ...pairs('عن', '3an'),
  ...pairs('اذا', 'iza eza ida ila'),
  ...pairs('مش', 'mesh mish mush msh mch mich machi mashi ma la'),
  ...pairs('اللي', 'elly elli illi lli yalli eli elle'),
  ...pairs('هو', 'hwa howa huwa houwa hua'),
  ...pairs('هي', 'hiya hya hia heya hiye'),
  ...pairs('هم', 'homa huma hum houma hinne henne hune'),
  ...pairs('انا', 'ana ena'),
  ...pairs('كان', 'kan kanet kanat kano kanu kanou'),
  ...pairs('ديال', 'dyal dial diel dyel ta3 nta3 bta3 bta3t'),
  ...pairs('غادي', 'ghadi gadi ghad gha'),
  ...pairs('رح', 'rah ra7 7a ha'),
  ...pairs('عم', '3am 3m'),
  ...pairs('بس', 'bas bs'),
  ...pairs('كمان', 'kaman kamen kman'),
  ...pairs('يعني', 'ya3ni y3ni'),
  ...pairs('شي', 'shi chi'),
  ...pairs('هذا', 'hada hadi had hay hayda haydi da di deh dah'),
  ...pairs('ضبط', 'zabt zapt'), ...pairs('بالضبط', 'bezabt belzabt bzabt'),
]);

/** The article, and the prepositions written with it, as separate words in Arabizi ("el wafd", "bel zabt", "fel"). */
const ARTICLES = new Map<string, string>([...pairs('ال', 'el al il l'), ...pairs('بال', 'bel bil bl'), ...pairs('فال', 'fel fil fl'), ...pairs('عال', '3al')]);

/**
 * French words of talks and of asking, as Maghrebi chat writes them in Latin letters, by their accent-free spelling;
 * beside Arabic letters, those English writes alike (ENGLISH_ALIKE) only with an accent: the English leg reads "regime".
 */
const FRENCH = new Map<string, string>([
  ...pairs('وفد', 'delegation delegations'), ...pairs('النظام', 'regime'), ...pairs('المعارضة', 'opposition'),
  ...pairs('وقف اطلاق النار', 'cessez-le-feu'), ...pairs('هدنة', 'treve'), ...pairs('مراقبين', 'observateurs observateur'),
  ...pairs('مفاوضات', 'negociations negociation'), ...pairs('محادثات', 'pourparlers'), ...pairs('اجتماع', 'reunion reunions'),
  ...pairs('خرائط', 'cartes carte'), ...pairs('مناطق خفض التصعيد', 'desescalade'), ...pairs('مناطق', 'zones'),
  ...pairs('روسيا', 'russie'), ...pairs('روسي', 'russe russes'), ...pairs('تركيا', 'turquie'), ...pairs('تركي', 'turc turque'),
  ...pairs('سوريا', 'syrie'), ...pairs('ايران', 'iranien iranienne'), ...pairs('الامم المتحدة', 'onu'),
  ...pairs('الولايات المتحدة', 'etats-unis'), ...pairs('العملية', 'processus'), ...pairs('رئيس', 'president'),
  ...pairs('متحدث', 'porte-parole'), ...pairs('لاجئين', 'refugies'), ...pairs('اتفاق', 'accord'), ...pairs('وثيقة', 'document'),
  ...pairs('جولة', 'tour'), ...pairs('امن', 'securite'), ...pairs('مساعدات', 'aides'), ...pairs('قصف', 'bombardements bombardement'),
  ...pairs('شو', "c'est quoi quoi"), ...pairs('ليش', 'pourquoi'), ...pairs('امتى', 'quand'), ...pairs('مين', 'qui'), ...pairs('وين', 'ou'),
  ...pairs('قديش', 'combien'),
  // a press conference, behind closed doors (à huis clos), signing, the envoy, the government, next month, borders, a summit
  ...pairs('موتمر', 'conference sommet'), ...pairs('صحفي', 'presse'), ...pairs('مغلقة', 'clos fermee fermees ferme fermes'),
  ...pairs('توقيع', 'signature'), ...pairs('مبعوث', 'envoye emissaire'), ...pairs('الحكومة', 'gouvernement'),
  ...pairs('المقبل', 'prochain prochaine'), ...pairs('الشهر', 'mois'), ...pairs('الحدود', 'frontieres'),
  ...pairs('وزير', 'ministre'), ...pairs('انسانية', 'humanitaire humanitaires'),
]);
/** Of those, the words English writes alike (without the French accents). */
const ENGLISH_ALIKE = new Set(wordList('delegation delegations regime opposition president accord document tour zones aides conference signature'));
/**
 * English chat words around a question typed in Arabic or Arabizi (ok bro، btw، pls، lol): fillers, as اوكي is in
 * Arabic letters. Read as words, the English leg translates them (ok → حسنا) and the analysis counts them unknown.
 * Not hi / ya / k, which Arabizi writes for هي, يا, ك.
 */
const CHAT_WORDS = new Set(
  wordList('ok okay okey okk kk bro bros bruh dude guys pls plz plss please thx thanks thank ty btw lol lool loool lmao lmfao rofl haha hahaha xd omg idk tbh fyi imo imho hey hello sry sorry hmm'),
);
/** French articles and particles, and huis of "à huis clos" (clos says it): dropped with the French words they come with. */
const FRENCH_PARTICLES = new Set(wordList("le la les l' d' de du des et en un une au aux c'est est huis"));
/** "À" (à huis clos): a particle only with its accent, where English "a" is not. */
const frenchParticle = (word: string, written?: string) => FRENCH_PARTICLES.has(word) || (word === 'a' && written?.toLowerCase() === 'à');

function pairs(arabic: string, latin: string): Array<[string, string]> {
  return wordList(latin).map((w) => [w, arabic]);
}

const LATIN_WORD = /[\p{Script=Latin}\d]+(?:['’-][\p{Script=Latin}\d]+)*['’]?/gu;
const accentFree = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");

/**
 * A digit standing for a letter (ra2es, 3askareya), not a number: not an ordinal (2nd, 5th), nor a code written in
 * capitals (MP3, G20, PS5, 3D), nor one with two digits running (g20, a380, covid19).
 */
const digitLetter = (written: string, word: string) =>
  /[a-z][23579]|[23579][a-z]/.test(word) && !/^\d*(?:1st|2nd|3rd|[04-9]th|1[1-3]th)s?$|\d\d/.test(word) && written !== written.toUpperCase();
const ARABIZI_QUESTION = new Set<string>(Object.values(ARABIZI_QUESTION_WORDS).flat());
/** Arabizi words English also writes (we, had): they neither mark a question as Arabizi nor as English. */
const ALSO_ENGLISH = (word: string) => (FUNCTION_WORDS.has(word) || ARTICLES.has(word)) && isEnglishFunctionWord(word);

const isFrenchOnly = (word: string, bare = bareFrench(word)) => FRENCH.has(bare) && !ENGLISH_ALIKE.has(bare);

/**
 * A question is Arabizi when it has no English function word and either a vowelled word with a digit for a letter
 * (ra2es, 3ala, fasa2el) or two lesser marks: a digit in a vowelless word (m3, b3d, mp3, 5g), an Arabizi question word,
 * an Arabizi particle (el, fi, w) or a French word of talks English does not write (sécurité). One lesser mark alone is
 * also an English keyword query's: fin whale, Sinn Fein leader, Steven Chu, Wen Jiabao, mp3 players.
 */
function isArabiziWords(words: ReadonlyArray<{ written: string; word: string }>): boolean {
  let lesser = 0;
  for (const { written, word } of words) {
    if (ALSO_ENGLISH(word)) continue;
    if (isEnglishFunctionWord(word)) return false;
    if (digitLetter(written, word)) {
      if (/[aeiou]/.test(word)) lesser += 2;
      else lesser++;
    } else if (ARABIZI_QUESTION.has(word) || FUNCTION_WORDS.has(word) || ARTICLES.has(word)) lesser++;
    // Maghrebi chat mixes French words into Arabizi (wach les zones de sécurité).
    else if (isFrenchOnly(word)) lesser++;
  }
  return lesser >= 2;
}

/** Whether a question is typed wholly in Arabizi: not English, though in Latin letters (readLatinWords reads it in Arabic). */
export function isArabizi(question: string): boolean {
  return !hasArabicLetters(question) && isArabiziWords([...question.matchAll(LATIN_WORD)].map((m) => ({ written: m[0], word: accentFree(m[0]) })));
}

/**
 * The question with its Latin words in Arabic letters: every word of a question typed wholly in Arabizi (no Arabic
 * letter, at least one Arabizi word, none of English's function words), else only the French words and phrases of a
 * question with Arabic letters; English chat words of either are dropped. Anything else (an English question) is
 * returned as it is.
 */
export function readLatinWords(question: string, closest: Closest): string {
  const words = [...question.matchAll(LATIN_WORD)].map((m) => ({ at: m.index!, written: m[0], word: accentFree(m[0]) }));
  if (words.length === 0) return question;
  const arabic = hasArabicLetters(question);
  const arabizi = !arabic && isArabiziWords(words);
  // French when a word of talks or of asking is (la coupe d'Afrique is left to the English leg's names).
  const french = words.some((w) => Boolean(frenchWord(w.word, w.written)));
  const chat = (arabic || arabizi) && words.some((w) => CHAT_WORDS.has(w.word));
  if (!arabizi && !(arabic && (french || chat))) return question;
  let out = '';
  let from = 0;
  let article = '';
  for (const { at, written, word } of words) {
    out += question.slice(from, at);
    from = at + written.length;
    const rewritten = CHAT_WORDS.has(word) ? '' : arabizi ? arabiziWord(word, closest) : frenchWord(word, written);
    if (rewritten === undefined) {
      out += written;
      continue;
    }
    if (arabizi && ARTICLES.has(word)) {
      article = ARTICLES.get(word)!;
      continue;
    }
    // The article typed apart goes onto the next word, unless that has one already (le → النظام).
    out += rewritten === '' ? '' : rewritten.startsWith('ال') || article === '' ? rewritten : article + rewritten;
    article = '';
  }
  return out + question.slice(from);
}

const bareFrench = (word: string) => word.replace(/^[ld]'/, '');

/**
 * A French word in Arabic letters, '' for a particle, undefined for another Latin word. One English writes alike
 * (delegations, regime) only when written with its accents (délégation, régime) or in Arabizi, where English is not.
 */
function frenchWord(word: string, written?: string): string | undefined {
  const bare = bareFrench(word);
  if (written !== undefined && ENGLISH_ALIKE.has(bare) && !/[à-ÿ]/.test(written.toLowerCase())) return undefined;
  if (FRENCH.has(word) || FRENCH.has(bare)) return FRENCH.get(word) ?? FRENCH.get(bare)!;
  return frenchParticle(word, written) ? '' : undefined;
}

/** An Arabizi word in Arabic letters: a function word by its list, a French word by its own, else the collection's nearest word. */
function arabiziWord(word: string, closest: Closest): string {
  const known = FUNCTION_WORDS.get(word) ?? ARTICLES.get(word) ?? frenchWord(word);
  if (known !== undefined) return known;
  const spellings = arabiziSpellings(word);
  // A spelling of a dialect word the analysis knows (nhar → نهار, not the collection's نهائي) is that word, also with the
  // progressive or future prefix on the lexicon's imperfect (byeshta8al → بيشتغل, 7atrga3 → حترجع) that dialect-readings.ts reads.
  const colloquial = spellings.find((s) => isStopword(s) || COLLOQUIAL_WORDS.has(s) || COLLOQUIAL_WORDS.has(withoutTensePrefix(s) ?? ''));
  return colloquial ?? closest(spellings) ?? spellings[0] ?? '';
}

/**
 * Letters and digit-letters of Arabizi, longest first; several spellings where Arabizi writes two letters alike (2 is
 * ق in Levantine and Egyptian speech and a hamza elsewhere, h is ه or ح, g is ج or Gulf ق, 9 is ق or ص). Vowels
 * depend on where they stand (vowel()).
 */
const LETTERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["'3", ['غ']], ['sh', ['ش']], ['ch', ['ش']], ['kh', ['خ']], ['gh', ['غ']], ['th', ['ث', 'ته']], ['dh', ['ذ']], ['dj', ['ج']],
  ['2', ['ق', '']], ['3', ['ع']], ['5', ['خ']], ['6', ['ط']], ['7', ['ح']], ['8', ['غ']], ['9', ['ق', 'ص']],
  ['b', ['ب']], ['p', ['ب']], ['t', ['ت']], ['j', ['ج']], ['g', ['ج', 'ق']], ['h', ['ه', 'ح']], ['x', ['كس']], ['d', ['د']],
  ['r', ['ر']], ['z', ['ز']], ['s', ['س']], ['c', ['ك']], ['f', ['ف']], ['v', ['ف']], ['q', ['ق']], ['k', ['ك']], ['l', ['ل']],
  ['m', ['م']], ['n', ['ن']], ['w', ['و']], ['y', ['ي']],
];
const MAX_SPELLINGS = 32;

/** Arabic spellings of an Arabizi word, most likely first. */
export function arabiziSpellings(word: string): string[] {
  // A doubled consonant is one letter with a shadda (9addmetha); doubled vowels are a long vowel.
  const w = word.toLowerCase().replace(/([b-df-hj-np-tv-z])\1/g, '$1');
  let spellings = [''];
  for (let i = 0; i < w.length; ) {
    const vowelRun = /^[aeiou]+/.exec(w.slice(i))?.[0];
    let options: readonly string[];
    let used: number;
    if (vowelRun) {
      options = vowel(vowelRun, i === 0, i + vowelRun.length === w.length);
      used = vowelRun.length;
    } else {
      const letter = LETTERS.find(([latin]) => w.startsWith(latin, i));
      options = letter?.[1] ?? [''];
      used = letter?.[0].length ?? 1;
    }
    spellings = spellings.flatMap((s) => options.map((o) => s + o)).slice(0, MAX_SPELLINGS);
    i += used;
  }
  return [...new Set(spellings)].filter((s) => s !== '');
}

/**
 * A run of Latin vowels: at a word's start a long vowel's seat (el → ال), at its end a long vowel or the feminine ة
 * (3askareya → عسكرية), inside it a long vowel or nothing (Arabic leaves short ones unwritten: wafd → وفد; e mostly short).
 */
function vowel(run: string, first: boolean, last: boolean): string[] {
  if (first) return [run.startsWith('o') || run.startsWith('u') ? 'او' : run === 'i' || run === 'ee' ? 'اي' : 'ا'];
  if (last && run.endsWith('a')) {
    const before = run.length === 1 ? '' : /[ie]/.test(run[0]!) ? 'ي' : 'و';
    return [before + 'ه', before + 'ا'];
  }
  if (last) return run.endsWith('u') || run.endsWith('o') ? ['و'] : ['ي'];
  if (run.length > 1) return [run.includes('o') || run.includes('u') ? 'و' : run.includes('a') && !run.includes('i') ? 'ا' : 'ي'];
  return run === 'a' ? ['ا', ''] : run === 'o' || run === 'u' ? ['و', ''] : run === 'i' ? ['ي', ''] : ['', 'ي'];
}
