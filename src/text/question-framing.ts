/**
 * Words that frame a question but are MSA words in a text, so documents keep them (dropping الحين and ولا
 * from documents too cost held-out refusals, eval/JOURNAL.md, dialect rounds) and only a question drops them. Every one is
 * a way of asking, never what is asked about. On normalized words (ى→ي, ة→ه, أ/إ→ا, ؤ→و).
 */
import { ARABIZI_QUESTION_WORDS, COLLOQUIAL_QUESTION_WORDS, isColloquialOnly, wordList } from './dialect.js';
import { isArabicWord } from './language.js';

const set = (list: string) => new Set(wordList(list));

/** "Now" (Gulf الحين, Yemeni ذلحين; MSA "the time"), "anyway" (اصلا; MSA "originally"). */
const ANYWHERE = set('الحين هالحين ذحين دحين ذلحين دلحين اصلا');
/** "What's the story (with …)", after a colloquial "what" (شو القصة مع…; not الموضوع: شو الموضوع الخاص بـ… asks for a topic). */
const STORY = set('القصه السالفه الحكايه');
/** The same with "its / their" (ايه حكايته؟, شو قصتها؟, وش سالفتهم؟). */
const STORY_OF = /^(?:قص|سالف|حكاي)ت(?:ه|ها|هم|هن|و|ن|ك|كم)$/;
const WHAT = new Set(COLLOQUIAL_QUESTION_WORDS.other);
/** "I want to know / understand" (Gulf ابي اعرف, MSA "my father"; Levantine بدي افهم; MSA اريد ان افهم). */
const WANT = set('ابي بدي بدنا عايز عاوز عايزه ودي حاب حابب ابغي بغيت اريد نريد');
const LEARN = set('اعرف نعرف افهم نفهم');
/** "Does anyone know / can someone explain" (حد يعرف، حدا بيعرف، حد يشرحلي; MSA حد "limit"). */
const SOMEONE = set('حد حدا احد');
const KNOWS = set('يعرف بيعرف يعرفش يشرحلي يقولي يحكيلي يفهمني يوضحلي يخبرني عارف عارفه عارفين');

const BLESS = set('يخليك يخليكم يعافيك يعافيكم يسلمك يسلمكم يخليكو');

/** "Is it true / really (that) …" opening a yes/no question (هل صحيح انو…، صج ان…، عنجد…; MSA "correct", "truly"). */
const TRUE = set('صحيح صح صج صدق صدج عنجد بجد فعلا حقا');
/** Yes/no particles before it (هل صحيح…, Maghrebi واش صحيح بلي…). */
const YES_NO = set('هل واش');
/** The same closing a question: "…, is it true?", "…, really?" (after a particle or alone: …، صدق؟). */
const TRUE_CLOSING = set('صدق صدج صج عنجد بجد');
/** "I heard (that)" opening one (سمعت ان…, سمعت انو…). */
const HEARD = set('سمعت سمعنا');
const THAT = set('ان انو انه بلي');
/**
 * Who is addressed, opening a question before its question word (شباب مين…، جماعة شو…). Not closing it, nor with
 * the article: there they are what is asked about (ما دور الشباب؟, MSA "youth", "group").
 */
const ADDRESSED = set('شباب جماعه ربع اخوان');
/** The same written as one word with يا, whose alif the article shares (يالربع، ياجماعة، ياشباب، ياخي). */
const CALLED = /^يال?(?:ربع|جماعه|شباب|اخوان|اخي|اخوي|خوي|خويا|خي|خ|حلوين)$/;
/** Gulf ترى / ترا ("mind you"; MSA "you see", "I wonder") opening a question. */
const OPENERS = set('تري ترا');
/** "Is there anything (about …)": حاجة after "there is / any" (فيه حاجة عن…، كاين شي حاجة على…; not في حاجة إلى, "in need of"). */
const THERE_IS = set('في فيه فيش مفيش مافيش كاين كاينه شي اي');
/** "I don't understand (anything)", a remark before the question (مش فاهم حاجة، ما فهمت شي). */
const NOT = set('مش مو ما مب موش مانيش ومش ومو وما ومب وموش');
const UNDERSTAND = set('فاهم فاهمه فاهمين فهمت فهمنا');
const HOW_MANY = new Set(['كم', ...COLLOQUIAL_QUESTION_WORDS.number]);
/** Arabizi question words and particles (dialect.ts) and Latin "the one who", "I mean", "because", "please": dropped only in a question with Arabic letters, so an English question keeps every word. */
const ARABIZI = new Set([...Object.values(ARABIZI_QUESTION_WORDS).flat(), ...wordList('yalli elli illi lli ya3ni 3ashan 3shan plz pls')]);
/**
 * Colloquial "do / make" (Egyptian and Tunisian عمل, Maghrebi دار, Gulf سوى) before a meeting or talks, or before
 * what talks set up (zones, a mechanism, an agreement, a team, a committee, a truce): the noun carries what is asked
 * (عملوا اجتماع = عقدوا اجتماعا, بدهم يعملو مناطق = ينشئوا مناطق), and عمل would meet "work" (العمل, الفريق العامل).
 */
const LIGHT_VERB = /^(?:[بهح]?[يتن]عمل|عمل|اتعمل|[كت]?[يتن]دير|غا[يتن]دير|دار|[بي]?[يتن]سو|سو|سوي|سوت)(?:و|وا|ون|ت|تو|ي)?$/;
const EVENT_NOUN = /^(?:ال)?(?:اجتماع|اجتماعات|محادثات|محادثه|مفاوضات|مباحثات|لقاء|لقاءات|لقا|جلسه|جلسات|موتمر|مقابله|ميتنغ|ميتنج|ميتينغ|ميتينج|ريونيون|مناطق|منطقه|اليه|اليات|اتفاق|اتفاقيه|فريق|لجنه|هدنه)$/;
const QUESTION_WORDS = new Set([...wordList('من ما ماذا متي اين كيف لماذا هل كم اي'), ...Object.values(COLLOQUIAL_QUESTION_WORDS).flat()]);

/** True for each of a question's normalized words that only frames it. */
export function questionFraming(words: readonly string[]): boolean[] {
  const frames = words.map(() => false);
  /** Only framing words before word i: it opens the question. */
  const opening = (i: number) => frames.slice(0, i).every(Boolean);
  const arabic = words.some(isArabicWord);
  const colloquial = words.some(isColloquialOnly);
  words.forEach((w, i) => {
    const before = words[i - 1] ?? '';
    const next = words[i + 1] ?? '';
    // The word after يا: who is addressed (يا جماعة، يا شباب).
    if (ANYWHERE.has(w) || before === 'يا' || CALLED.test(w) || ((STORY.has(w) || STORY_OF.test(w)) && WHAT.has(before))) frames[i] = true;
    else if (arabic && ARABIZI.has(w)) frames[i] = true;
    else if (colloquial && LIGHT_VERB.test(w) && EVENT_NOUN.test(next)) frames[i] = true;
    else if (ADDRESSED.has(w) && opening(i) && QUESTION_WORDS.has(next)) frames[i] = true;
    else if (OPENERS.has(w) && opening(i) && next !== '') frames[i] = true;
    // "Is it true that", "really", "I heard that" opening the question (after هل / واش at most), or closing it.
    else if ((TRUE.has(w) || HEARD.has(w)) && (opening(i) || (i === 1 && YES_NO.has(before))) && (THAT.has(next) || w === 'عنجد' || w === 'بجد')) frames[i] = true;
    else if (next === '' && i > 0 && (TRUE_CLOSING.has(w) || (TRUE.has(w) && YES_NO.has(before)))) frames[i] = true;
    // Egyptian طب "so" replying (طب ومين…؟, طب هو…؟): only before و or a question word (طب الأعشاب keeps "medicine").
    else if (w === 'طب' && opening(i) && (next.startsWith('و') || QUESTION_WORDS.has(next) || next === 'هو' || next === 'هي')) frames[i] = true;
    else if ((w === 'حاجه' || w === 'حاجات') && (THERE_IS.has(before) || frames[i - 1] === true) && next !== 'الي') frames[i] = true;
    else if (UNDERSTAND.has(w) && NOT.has(before)) frames[i] = true;
    // "How is … doing" (Egyptian الجو عامل ايه؟, عامل ازاي؟; MSA عامل "worker, factor").
    else if ((w === 'عامل' || w === 'عامله' || w === 'عاملين') && (next === 'ايه' || next === 'اي' || next === 'ازاي')) frames[i] = true;
    // "Supposed to" before a verb or "that" (المفروض ينوقع امتى؟; MSA "imposed": الحظر المفروض على…).
    else if ((w === 'المفروض' || w === 'مفروض') && (/^[يتن]..+/.test(next) || THAT.has(next))) frames[i] = true;
    // "How many people": واحد ("one", a person) after a number question word (كم واحد، شحال من واحد، قديش واحد).
    else if (w === 'واحد' && (HOW_MANY.has(before) || (before === 'من' && HOW_MANY.has(words[i - 2] ?? '')))) frames[i] = true;
    // "Or not" (ولا لأ, or closing the question; MSA "nor"; Iraqi لو لا closing it, لو "or").
    else if (w === 'ولا' && (next === '' || next === 'لا')) frames[i] = true;
    else if (w === 'لو' && next === 'لا' && i + 2 === words.length) frames[i] = true;
    else if ((w === 'ابي' && LEARN.has(next)) || (LEARN.has(w) && WANT.has(before))) frames[i] = true;
    // Future راح before an imperfect (Levantine, Iraqi راح يمثل: "will represent"), not "went".
    else if (w === 'راح' && /^[يتن]..+/.test(next)) frames[i] = true;
    // "Please" (لو سمحت، لو سمحتو; من فضلك drops من as a stopword) and "could (you) …" opening a question
    // (after nothing but framing words).
    // لو سمحت only opening or closing the question: inside it may be "if (it) allowed" (ماذا لو سمحت الحكومة…).
    else if (w === 'لو' && next.startsWith('سمحت') && (opening(i) || i + 2 === words.length)) frames[i] = true;
    else if (before === 'لو' && w.startsWith('سمحت') && frames[i - 1]) frames[i] = true;
    else if ((w === 'فضلك' || w === 'فضلكم') && before === 'من') frames[i] = true;
    else if (w === 'ممكن' && (before === 'هل' || opening(i))) frames[i] = true;
    // "Does anyone know", "I have a question".
    else if ((SOMEONE.has(w) && KNOWS.has(next)) || (KNOWS.has(w) && SOMEONE.has(before))) frames[i] = true;
    else if (((w === 'عندي' || w === 'عندنا') && next === 'سوال') || (w === 'سوال' && (before === 'عندي' || before === 'عندنا'))) frames[i] = true;
    // "Question:" opening it (سؤال: …, ممكن سؤال؟).
    else if (w === 'سوال' && opening(i)) frames[i] = true;
    // "Please" as a blessing (الله يخليك، الله يعافيك): the stemmer would leave الله as له.
    else if ((w === 'الله' && BLESS.has(next)) || (BLESS.has(w) && before === 'الله')) frames[i] = true;
  });
  return frames;
}
