/**
 * Over 250 lines: the framing rules are one else-if chain read in order (an earlier rule wins), which split files would hide.
 *
 * Words that frame a question but are MSA words in a text, so documents keep them (dropping الحين and ولا
 * from documents too cost held-out refusals, eval/JOURNAL.md, dialect rounds) and only a question drops them. Every one is
 * a way of asking, never what is asked about. On normalized words (ى→ي, ة→ه, أ/إ→ا, ؤ→و).
 */
import { ARABIZI_QUESTION_WORDS, COLLOQUIAL_QUESTION_WORDS, isColloquialOnly, wordList } from './dialect.js';
import { isArabicWord } from './language.js';
import { ABOUT, documentAskedIn, saidAbout } from './asked-source.js';

const set = (list: string) => new Set(wordList(list));

/** "Now" (Gulf الحين, Yemeni ذلحين; MSA "the time"), "anyway" (اصلا; MSA "originally"). */
const ANYWHERE = set('الحين هالحين ذحين دحين ذلحين دلحين اصلا');
/**
 * و on an MSA question word opening a second question (…؟ ومتى يخلصون؟); not closing one (…أوروبا ومتى؟ keeps it:
 * held-out refusals on xquad-dev moved when it was dropped there).
 */
const AND_ASKING = set('ومتي واين وكيف ولماذا وماذا وكم وهل');
/**
 * A preposition with "them / him / her" pointing back in a dialect follow-up (شنو بغاو منهم؟، وش تقول عنهم؟); an MSA
 * question keeps them (held-out refusals on xquad-dev moved when they were dropped everywhere).
 */
const POINTING_BACK = set('منهم عنهم عنه عنها معهم معه معها فيهم عليهم بهم');
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
/**
 * A claim put to the bot to check, "someone / people said (that) …" (في حدا قال انو…، ناس بتقول…، واحد كتب…): who said
 * it and the saying frame it; what was said is the question. Only opening it (after في / فيه at most): inside, قال is
 * what is asked (شو قال الجعفري؟).
 */
const PEOPLE = set('حد حدا احد ناس الناس واحد وحده');
const SAID = set('قال قالت قالو قالوا بيقول بتقول بيقولو بيقولوا يقول يقولو يقولون بيحكي بيحكو حكي حكا كتب بيكتبو');
/** Where a claim was read (بالجروب، عالفيسبوك، بتويتر), right after it is said: chat places, not what the papers are about. */
const CHAT_PLACE = set('بالجروب عالجروب بالقروب عالقروب بالغروب بالشات بالفيس عالفيس بالفيسبوك عالفيسبوك بتويتر بالتويتر عالتويتر بالواتس عالواتس بالتليجرام');
/** "Or wrong / a rumour / a lie" closing a claim (صح ولا غلط؟، ولا دي إشاعة؟). */
const WRONG = set('غلط خطا اشاعه اشاعات كذب كذبه');
/** Before "is it true": "is it not" (مش صحيح انو…) and Egyptian هو (هو صحيح إن…). */
const BEFORE_TRUE = set('هل واش مش مو موش مب ماشي هو هي');
/** The article or a preposition with it typed apart before an English word (شو صار بالـ meeting؟). */
const ARTICLE_APART = set('ال بال فال وال عال لل كال');
/** "Made (him, her, them)" before a verb: شو اللي خلاها توقف؟ asks why, the verb carries what. */
const MADE = /^خلا(?:ه|ها|هم|هن|ني|نا|ك|كم|و)?$/;

const BLESS = set('يخليك يخليكم يعافيك يعافيكم يسلمك يسلمكم يخليكو');
/** Greetings, as the pairs of words they are said in (normalized). */
const GREETING = new Set(
  [
    'السلام عليكم', 'سلام عليكم', 'صباح الخير', 'مساء الخير', 'صباح النور', 'هلا والله', 'عساكم بخير', 'عساك بخير', 'يعطيكم العافيه',
    'يعطيك العافيه', 'كيف الحال', 'كيف الاحوال', 'كيداير الاحوال', 'كيدايرين الاحوال', 'لاباس عليكم',
  ],
);
/**
 * Of those, "how are things": a greeting, unless a place or topic follows in the same sentence (كيف الحال في حلب؟،
 * كيف الأحوال بإدلب؟), where it asks about the situation there.
 */
const HOW_ARE_THINGS = new Set(['كيف الحال', 'كيف الاحوال', 'كيداير الاحوال', 'كيدايرين الاحوال']);
const IN_PLACE = (w: string) => w === 'في' || w === 'ف' || /^(?:ب|بال|فال).{3,}$/.test(w);
/** "Hello" opening a message (مرحبا، اهلين; not هلا, Levantine "now", nor هاي, "this"). */
const HELLO = set('مرحبا مرحبتين مراحب اهلين هلو');
/** "How are you (all)" opening a message that goes on. */
const HOW_ARE_YOU = set('كيفكم كيفك شلونكم شلونك اشلونكم كيداير كيدايرين كيدايرة');
/** "Brothers", who is greeted (سلام خوتي، يا اخوان). */
const BROTHERS = set('خوتي خوتنا اخوتي اخواني خويا خوي');
/** Reading, seeing, searching: a remark on what the asker did (كنت بقرا، قريت، شفت البوست). */
const READ = set('كنت كنا بقرا بقري نقرا قريت قرات قريتها بدور دورت شفت شفتو');
/** Asking (Maghrebi نسول, نسقسي; اسأل), and the question asked. */
const ASK = set('نسول نسال اسال اسول نسقسي نسقصي بسال بسأل');
const QUESTION_NOUN = set('سوال السوال سوالي');
/** "Give / tell / bring me" opening a request: MSA (أعطني، أخبرني) and the dialects' one-word forms (dialect.ts drops those). */
const GIVE_ME = set('اعطني اعطيني اخبرني عطني عطيني اديني اديلي جيبلي جبلي هاتلي احكيلي قلي قولي خبرني');
/** "Information / details" asked for about something (عطني معلومات عن…، بدي تفاصيل حول…): the request, not its topic. */
const INFO = set('معلومات معلومه تفاصيل نبذه فكره');
/** "The matter / the story" with "in" (شو دخله بالموضوع؟). */
const MATTER = set('بالموضوع بهالموضوع بالقصه بالسالفه بهالشي');

/** "Is it true / really (that) …" opening a yes/no question (هل صحيح انو…، صج ان…، عنجد…; MSA "correct", "truly"). */
const TRUE = set('صحيح صح صج صدق صدج عنجد بجد فعلا حقا');
/** Yes/no particles before it (هل صحيح…, Maghrebi واش صحيح بلي…). */
const YES_NO = set('هل واش');
/** The same closing a question: "…, is it true?", "…, really?", "…, right?" (after a particle or alone: …، صدق؟). */
const TRUE_CLOSING = set('صدق صدج صج عنجد بجد مظبوط مزبوط');
/** "This talk" before it (…، الكلام ده مظبوط؟); "they say (that)" opening a claim (بيقولو إن…): the claim's frame, not its topic. */
const CLAIM = set('الكلام هالكلام الحكي هالحكي');
const THEY_SAY = set('بيقولو بيقولوا يقولو يقولون قالو قالوا بيحكو بيحكوا');
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
const UNDERSTAND = set('فاهم فاهمه فاهمين فهمت فهمنا فاكر فاكره فاكرين متذكر متذكره ذاكر');
const HOW_MANY = new Set(['كم', ...COLLOQUIAL_QUESTION_WORDS.number]);
/** Arabizi question words and particles (dialect.ts) and Latin "the one who", "I mean", "because", "please": dropped only in a question with Arabic letters, so an English question keeps every word. */
const ARABIZI = new Set([...Object.values(ARABIZI_QUESTION_WORDS).flat(), ...wordList('yalli elli illi lli ya3ni 3ashan 3shan plz pls')]);
/** A Latin word of no Arabizi list: beside an Arabizi-looking word, the two are a name (Steven Chu, Wen Jiabao, Sinn Fein). */
const latinName = (w: string) => /\p{Script=Latin}/u.test(w) && !ARABIZI.has(w);
/**
 * Colloquial "do / make" (Egyptian and Tunisian عمل, Maghrebi دار, Gulf سوى) before a meeting or talks, or before
 * what talks set up (zones, a mechanism, an agreement, a team, a committee, a truce): the noun carries what is asked
 * (عملوا اجتماع = عقدوا اجتماعا, بدهم يعملو مناطق = ينشئوا مناطق), and عمل would meet "work" (العمل, الفريق العامل).
 */
const LIGHT_VERB = /^(?:[بهح]?[يتن]عمل|عمل|اتعمل|[كت]?[يتن]دير|غا[يتن]دير|دار|[بي]?[يتن]سو|سو|سوي|سوت)(?:و|وا|ون|ت|تو|ي)?$/;
/** "What" asked of a light verb (الجعفري عمل إيه؟، شو عملو؟، وش سوى؟، شنو دار؟ = ماذا فعل): the doer and the rest carry what is asked. */
const DID_WHAT = set('شو شنو شنهو شنوه ايش اش وش وشو ويش ايه اشنو اشنوه واشنو');
/** "What" or "anything" asked of a saying (asked-source.ts: شو بتقول عن…، يقول شي عن…، كتقول شي حاجة على…). */
const WHAT_SAID = new Set([...DID_WHAT, ...wordList('ماذا شي اشي حاجه')]);
/** A demonstrative between an event noun and its light verb (المحادثات دي اتعملت فين؟). */
const THIS = set('دي ده دا هاي هادي هاد هذي هدي هذا هاذي');
const EVENT_NOUN = /^(?:ال)?(?:اجتماع|اجتماعات|محادثات|محادثه|مفاوضات|مباحثات|لقاء|لقاءات|لقا|جلسه|جلسات|موتمر|مقابله|ميتنغ|ميتنج|ميتينغ|ميتينج|ريونيون|مناطق|منطقه|اليه|اليات|اتفاق|اتفاقيه|فريق|لجنه|هدنه)$/;
const QUESTION_WORDS = new Set([...wordList('من ما ماذا متي اين كيف لماذا هل كم اي'), ...Object.values(COLLOQUIAL_QUESTION_WORDS).flat()]);

/**
 * True for each of a question's normalized words that only frames it. `sentence` numbers each word's sentence: a message
 * may hold a greeting, a remark and two questions (…ولا؟ وش تقول…), and what opens or closes one is read in each.
 */
export function questionFraming(words: readonly string[], sentence: readonly number[]): boolean[] {
  const question = { arabic: words.some(isArabicWord), colloquial: words.some(isColloquialOnly) };
  const frames: boolean[] = [];
  for (let from = 0; from < words.length; ) {
    let to = from + 1;
    while (to < words.length && sentence[to] === sentence[from]) to++;
    frames.push(...sentenceFraming(words.slice(from, to), { ...question, first: from === 0, last: to === words.length }));
    from = to;
  }
  return frames;
}

/**
 * `last`: the message's last sentence, where what is asked must be (a lone شلونك اليوم؟ asks nothing of the documents);
 * `first`: its first, which a lone "really?" does not follow up.
 */
function sentenceFraming(
  words: readonly string[],
  { arabic, colloquial, first, last }: { arabic: boolean; colloquial: boolean; first: boolean; last: boolean },
): boolean[] {
  const frames = words.map(() => false);
  const greeting = (a: string, b: string, after: string) => GREETING.has(`${a} ${b}`) && !(HOW_ARE_THINGS.has(`${a} ${b}`) && IN_PLACE(after));
  /** Only framing words before word i: it opens the sentence. */
  const opening = (i: number) => frames.slice(0, i).every(Boolean);
  words.forEach((w, i) => {
    const before = words[i - 1] ?? '';
    const next = words[i + 1] ?? '';
    // The word after يا: who is addressed (يا جماعة، يا شباب).
    if (ANYWHERE.has(w) || before === 'يا' || CALLED.test(w) || ((STORY.has(w) || STORY_OF.test(w)) && WHAT.has(before))) frames[i] = true;
    else if (arabic && ARABIZI.has(w) && !latinName(before) && !latinName(next)) frames[i] = true;
    else if (colloquial && LIGHT_VERB.test(w) && EVENT_NOUN.test(next)) frames[i] = true;
    // The same after its event noun, passive or not (الاجتماع اتعمل امتى؟، المحادثات دي اتعملت فين؟).
    else if (colloquial && LIGHT_VERB.test(w) && (EVENT_NOUN.test(before) || (THIS.has(before) && EVENT_NOUN.test(words[i - 2] ?? '')))) frames[i] = true;
    // ايه after the verb asks "what" in MSA words too (آية الله is the exception).
    else if (LIGHT_VERB.test(w) && (colloquial ? DID_WHAT.has(before) || DID_WHAT.has(next) : next === 'ايه' && words[i + 2] !== 'الله')) frames[i] = true;
    else if (ADDRESSED.has(w) && opening(i) && QUESTION_WORDS.has(next)) frames[i] = true;
    else if (GIVE_ME.has(w) && opening(i) && next !== '') frames[i] = true;
    else if (INFO.has(w) && (GIVE_ME.has(before) || WANT.has(before)) && ABOUT.has(next)) frames[i] = true;
    else if (OPENERS.has(w) && opening(i) && next !== '') frames[i] = true;
    // "Is it true that", "really", "I heard that" opening the question (after هل / واش at most), or closing it.
    else if ((TRUE.has(w) || HEARD.has(w)) && (opening(i) || (i === 1 && BEFORE_TRUE.has(before))) && (THAT.has(next) || w === 'عنجد' || w === 'بجد')) frames[i] = true;
    else if (next === '' && i > 0 && (TRUE_CLOSING.has(w) || TRUE.has(w)) && (CLAIM.has(before) || (THIS.has(before) && CLAIM.has(words[i - 2] ?? '')))) {
      for (let k = CLAIM.has(before) ? i - 1 : i - 2; k <= i; k++) frames[k] = true;
    } else if (next === '' && i > 0 && (TRUE_CLOSING.has(w) || (TRUE.has(w) && YES_NO.has(before)))) frames[i] = true;
    else if (THEY_SAY.has(w) && opening(i) && THAT.has(next)) frames[i] = true;
    // "Each (one)" (كل وحدة، كل واحد فيهم; MSA وحدة "unit"): who each is was named.
    else if (colloquial && before === 'كل' && (w === 'وحده' || w === 'واحده' || w === 'واحد')) frames[i] = true;
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
    // A claim to check: "(there is) someone who said (in the group) that …" opening the question.
    else if (PEOPLE.has(w) && SAID.has(next) && (opening(i) || (i === 1 && THERE_IS.has(before)))) frames[i] = true;
    else if (SAID.has(w) && PEOPLE.has(before) && frames[i - 1] === true) frames[i] = true;
    else if ((CHAT_PLACE.has(w) || THAT.has(w)) && SAID.has(before) && frames[i - 1] === true) frames[i] = true;
    // "Right or not / wrong?" closing it (…، صح ولا لا؟), and "sure? / really?" asked alone after it (…؟ اكيد؟).
    else if (w === 'صح' && next === 'ولا' && i > 0) frames[i] = true;
    else if (WRONG.has(w) && next === '' && (before === 'ولا' || ((before === 'دي' || before === 'ده') && words[i - 2] === 'ولا'))) {
      for (let k = words.lastIndexOf('ولا', i); k <= i; k++) frames[k] = true;
    } else if ((TRUE.has(w) || TRUE_CLOSING.has(w) || w === 'اكيد') && i === 0 && next === '' && !first) frames[i] = true;
    // "Nobody" (ما حد، مش حدا): the saying or knowing after it is what is asked (ما حد درى وين راح).
    else if (SOMEONE.has(w) && NOT.has(before) && colloquial) frames[i] = true;
    else if (MADE.test(w) && /^[يتن]..+/.test(next)) frames[i] = true;
    else if (ARTICLE_APART.has(w) && /\p{Script=Latin}/u.test(next)) frames[i] = true;
    // Egyptian انهي "which" opening a question (أنهي وكالة…؟; MSA أنهى "ended" does not open one).
    else if (w === 'انهي' && opening(i) && next !== '') frames[i] = true;
    // "Does anyone know", "I have a question".
    else if ((SOMEONE.has(w) && KNOWS.has(next)) || (KNOWS.has(w) && SOMEONE.has(before))) frames[i] = true;
    else if (((w === 'عندي' || w === 'عندنا') && next === 'سوال') || (w === 'سوال' && (before === 'عندي' || before === 'عندنا'))) frames[i] = true;
    // "Question:" opening it (سؤال: …, ممكن سؤال؟).
    else if (w === 'سوال' && opening(i)) frames[i] = true;
    // "Please" as a blessing (الله يخليك، الله يعافيك): the stemmer would leave الله as له.
    else if ((w === 'الله' && BLESS.has(next)) || (BLESS.has(w) && before === 'الله')) frames[i] = true;
    // Greetings before the question (السلام عليكم، صباح الخير، هلا والله، عساكم بخير، كيف الحال، كيداير الأحوال) as pairs:
    // alone السلام, الخير, الحال are what news text is about (مباحثات السلام).
    else if (greeting(w, next, words[i + 2] ?? '') || greeting(before, w, next)) frames[i] = true;
    else if (w === 'سلام' && opening(i) && (next === '' || next === 'يا' || CALLED.test(next) || BROTHERS.has(next) || ADDRESSED.has(next))) frames[i] = true;
    else if (HELLO.has(w) && opening(i) && !last) frames[i] = true;
    else if (HELLO.has(w) && opening(i) && next !== '' && (QUESTION_WORDS.has(next) || WANT.has(next) || ADDRESSED.has(next) || next === 'يا')) frames[i] = true;
    else if ((BROTHERS.has(w) || ADDRESSED.has(w)) && frames[i - 1] === true) frames[i] = true;
    else if (BROTHERS.has(w) && before === 'يا') frames[i] = true;
    else if ((colloquial && w === 'والله') || (HOW_ARE_YOU.has(w) && opening(i) && !last)) frames[i] = true;
    else if (colloquial && POINTING_BACK.has(w)) frames[i] = true;
    else if (AND_ASKING.has(w) && opening(i) && next !== '') frames[i] = true;
    // A remark on what the asker did (كنت بقرا عن…، قريت البوست، شفت الخبر) in a dialect question.
    else if (colloquial && READ.has(w)) frames[i] = true;
    // "At all" closing a remark (مش فاكر حاجة خالص).
    else if (w === 'خالص' && frames[i - 1] === true) frames[i] = true;
    // "I (want to) ask a question" (بغيت نسول واحد السؤال، حابب اسأل سؤال): the asking verb before سؤال, سؤال after it.
    else if (ASK.has(w) && (QUESTION_NOUN.has(next) || next === 'واحد' || next === '')) frames[i] = true;
    else if ((w === 'واحد' && QUESTION_NOUN.has(next)) || (QUESTION_NOUN.has(w) && (ASK.has(before) || before === 'واحد'))) frames[i] = true;
    // "What has X to do (with the matter)" (شو دخل…، وش دخل… بالموضوع): دخل after a colloquial "what", "the matter" closing it.
    else if (w === 'دخل' && WHAT.has(before)) frames[i] = true;
    else if (colloquial && MATTER.has(w) && next === '') frames[i] = true;
    // Libyan شن "what" opening a sentence, لشن "for what" closing one (MSA شن "launch" neither opens nor closes a question).
    else if ((w === 'شن' && opening(i) && next !== '') || ((w === 'لشن' || w === 'بشن') && next === '' && i > 0)) frames[i] = true;
    // Where the answer is asked from: a saying asked about, the document asked in (asked-source.ts).
    else if (saidAbout(words, i, WHAT_SAID) || documentAskedIn(words, i, WHAT_SAID)) frames[i] = true;
    // "Number what" (الجولة دي رقم كام؟): رقم beside a number question word asks for the ordinal.
    else if (w === 'رقم' && (HOW_MANY.has(next) || HOW_MANY.has(before))) frames[i] = true;
  });
  return frames;
}
