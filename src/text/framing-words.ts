/**
 * The words question-framing.ts reads a question's frame by, apart so that file holds only its ordered rules. On
 * normalized words (ى→ي, ة→ه, أ/إ→ا, ؤ→و).
 */
import { SAYING } from './asked-source.js';
import { ARABIZI_QUESTION_WORDS, COLLOQUIAL_QUESTION_WORDS, COLLOQUIAL_WHAT, TENSE_PARTICLES, wordList } from './dialect.js';

const set = (list: string) => new Set(wordList(list));

/** "Now" (Gulf الحين, Yemeni ذلحين; MSA "the time"), "anyway" (اصلا; MSA "originally"). */
export const ANYWHERE = set('الحين هالحين ذحين دحين ذلحين دلحين اصلا');
/**
 * و on an MSA question word opening a second question (…؟ ومتى يخلصون؟); not closing one (…أوروبا ومتى؟ keeps it:
 * held-out refusals on xquad-dev moved when it was dropped there).
 */
export const AND_ASKING = set('ومتي واين وكيف ولماذا وماذا وكم وهل');
/**
 * A preposition with "them / him / her" pointing back in a dialect follow-up (شنو بغاو منهم؟، وش تقول عنهم؟); an MSA
 * question keeps them (held-out refusals on xquad-dev moved when they were dropped everywhere).
 */
export const POINTING_BACK = set('منهم عنهم عنه عنها معهم معه معها فيهم عليهم بهم');
/**
 * "What's the story (with …)", after a colloquial "what" (شو القصة مع…، Levantine شو خبرية…; not الموضوع: شو الموضوع الخاص بـ…
 * asks for a topic).
 */
export const STORY = set('القصه السالفه الحكايه خبريه الخبريه');
/** The same with "its / their" (ايه حكايته؟, شو قصتها؟, وش سالفتهم؟). */
export const STORY_OF = /^(?:قص|سالف|حكاي|خبري)ت(?:ه|ها|هم|هن|و|ن|ك|كم)$/;
export const WHAT = new Set(COLLOQUIAL_QUESTION_WORDS.other);
/** "I want to know / understand" (Gulf ابي اعرف, MSA "my father"; Levantine بدي افهم; MSA اريد ان افهم). */
export const WANT = set('ابي بدي بدنا عايز عاوز عايزه ودي حاب حابب ابغي بغيت اريد نريد');
export const LEARN = set('اعرف نعرف افهم نفهم');
/** "Does anyone know / can someone explain" (حد يعرف، حدا بيعرف، حد يشرحلي; MSA حد "limit"). */
export const SOMEONE = set('حد حدا احد');
export const KNOWS = set('يعرف بيعرف يعرفش يشرحلي يقولي يحكيلي يفهمني يوضحلي يخبرني عارف عارفه عارفين');
/**
 * A claim put to the bot to check, "someone / people said (that) …" (في حدا قال انو…، ناس بتقول…، واحد كتب…): who said
 * it and the saying frame it; what was said is the question. Only opening it (after في / فيه at most): inside, قال is
 * what is asked (شو قال الجعفري؟).
 */
export const PEOPLE = set('حد حدا احد ناس الناس واحد وحده');
/** The saying verbs (asked-source.ts) and "wrote": after someone (واحد كتب) كتب is the verb, not "books". */
export const SAID = new Set([...SAYING, ...wordList('كتب بيكتبو')]);
/** Where a claim was read (بالجروب، عالفيسبوك، بتويتر), right after it is said: chat places, not what the papers are about. */
export const CHAT_PLACE = set('بالجروب عالجروب بالقروب عالقروب بالغروب بالشات بالفيس عالفيس بالفيسبوك عالفيسبوك بتويتر بالتويتر عالتويتر بالواتس عالواتس بالتليجرام');
/** "Or wrong / a rumour / a lie" closing a claim (صح ولا غلط؟، ولا دي إشاعة؟). */
export const WRONG = set('غلط خطا اشاعه اشاعات كذب كذبه');
/** Before "is it true": "is it not" (مش صحيح انو…) and Egyptian هو (هو صحيح إن…). */
export const BEFORE_TRUE = set('هل واش مش مو موش مب ماشي هو هي');
/** The article or a preposition with it typed apart before an English word (شو صار بالـ meeting؟). */
export const ARTICLE_APART = set('ال بال فال وال عال لل كال');
/** "Made (him, her, them)" before a verb: شو اللي خلاها توقف؟ asks why, the verb carries what. */
const MADE_WHOM = '(?:ه|ها|هم|هن|ني|نا|ك|كم|و)?';
export const MADE = new RegExp(`^خلا${MADE_WHOM}$`);
/**
 * The same spelled خلّى (normalized خلي, MSA "cell" or "let") or with who was made between it and the verb (اللي خلى المعارضة
 * تعلق، وش اللي خلا الروس يغيرو): only after "which / what" in a dialect question, where it can be nothing else.
 */
export const MADE_EITHER_SPELLING = new RegExp(`^خل[اي]${MADE_WHOM}$`);
export const WHICH_MADE = set('اللي الي يلي لي شو وش ايش شنو ايه اش');

export const BLESS = set('يخليك يخليكم يعافيك يعافيكم يسلمك يسلمكم يخليكو');
/**
 * "How are things": a greeting, unless a place or topic follows in the same sentence (كيف الحال في حلب؟، كيف الأحوال
 * بإدلب؟), where it asks about the situation there.
 */
export const HOW_ARE_THINGS = new Set(['كيف الحال', 'كيف الاحوال', 'كيداير الاحوال', 'كيدايرين الاحوال']);
/** Greetings, as the pairs of words they are said in (normalized), "how are things" among them. */
export const GREETING = new Set([
  'السلام عليكم', 'سلام عليكم', 'صباح الخير', 'مساء الخير', 'صباح النور', 'هلا والله', 'عساكم بخير', 'عساك بخير', 'يعطيكم العافيه',
  'يعطيك العافيه', 'لاباس عليكم', ...HOW_ARE_THINGS,
]);
/** Prepositions a question word follows (في انهي بلد، من انهي وفد) and a verb does not. */
export const PREPOSITION = new Set(['في', 'من', 'على', 'علي', 'عن', 'مع', 'لحد', 'ل', 'ب']);
export const IN_PLACE = (w: string) => w === 'في' || w === 'ف' || /^(?:ب|بال|فال).{3,}$/.test(w);
/** "Hello" opening a message (مرحبا، اهلين; not هلا, Levantine "now", nor هاي, "this"). */
export const HELLO = set('مرحبا مرحبتين مراحب اهلين هلو');
/** "How are you (all)" opening a message that goes on. */
export const HOW_ARE_YOU = set('كيفكم كيفك شلونكم شلونك اشلونكم كيداير كيدايرين كيدايرة');
/** "Brothers", who is greeted (سلام خوتي، يا اخوان). */
export const BROTHERS = set('خوتي خوتنا اخوتي اخواني خويا خوي');
/** Reading, seeing, searching: a remark on what the asker did (كنت بقرا، قريت، شفت البوست). */
export const READ = set('كنت كنا بقرا بقري نقرا قريت قرات قريتها بدور دورت شفت شفتو');
/** Asking (Maghrebi نسول, نسقسي; اسأل), and the question asked. */
export const ASK = set('نسول نسال اسال اسول نسقسي نسقصي بسال بسأل');
export const QUESTION_NOUN = set('سوال السوال سوالي');
/**
 * "(Lots of) people are asking (about it)", a remark beside the question (…؟ هواية ناس يسألون، الكل عم يسأل عنها): the
 * asking verbs, and who and how many ask (Iraqi هواية, Gulf وايد, واجد).
 */
export const ASKING = set('يسال يسالون يسالو يسالوا تسال تسالون بيسالو بيسالوا بتسال كيسولو سالوني سالني');
export const ASKERS = new Set([...PEOPLE, ...wordList('هوايه واجد وايد كثير كتير ياما الكل كل بعض عم صار عنها عنه عنهم عنو')]);
/** Iraqi "when" (شوكت، اشوكت): also a name (آصف شوكت), so documents keep it and a question drops it where it asks; question-type.ts reads it as asking a date. */
export const WHEN = set('شوكت اشوكت');
/** "Give / tell / bring me" opening a request: MSA (أعطني، أخبرني) and the dialects' one-word forms (dialect.ts drops those). */
export const GIVE_ME = set('اعطني اعطيني اخبرني عطني عطيني اديني اديلي جيبلي جبلي هاتلي احكيلي قلي قولي خبرني');
/** "Information / details" asked for about something (عطني معلومات عن…، بدي تفاصيل حول…): the request, not its topic. */
export const INFO = set('معلومات معلومه تفاصيل نبذه فكره');
/** "The matter / the story" with "in" (شو دخله بالموضوع؟). */
export const MATTER = set('بالموضوع بهالموضوع بالقصه بالسالفه بهالشي');

/** "Is it true / really (that) …" opening a yes/no question (هل صحيح انو…، صج ان…، عنجد…; MSA "correct", "truly"). */
export const TRUE = set('صحيح صح صج صدق صدج عنجد بجد فعلا حقا');
/** Yes/no particles before it (هل صحيح…, Maghrebi واش صحيح بلي…). */
export const YES_NO = set('هل واش');
/** The same closing a question: "…, is it true?", "…, really?", "…, right?" (after a particle or alone: …، صدق؟). */
export const TRUE_CLOSING = set('صدق صدج صج عنجد بجد مظبوط مزبوط');
/** "This talk" before it (…، الكلام ده مظبوط؟): the claim's frame, not its topic. */
export const CLAIM = set('الكلام هالكلام الحكي هالحكي');
/** "They say / write (that)" opening a claim (بيقولو إن…): the same, the plural forms of SAID. */
export const THEY_SAY = new Set([...SAID].filter((w) => /(?:و|وا|ون)$/.test(w)));
/** "I heard (that)" opening one (سمعت ان…, سمعت انو…). */
export const HEARD = set('سمعت سمعنا');
export const THAT = set('ان انو انه بلي');
/**
 * Who is addressed, opening a question before its question word (شباب مين…، جماعة شو…). Not closing it, nor with
 * the article: there they are what is asked about (ما دور الشباب؟, MSA "youth", "group").
 */
export const ADDRESSED = set('شباب جماعه ربع اخوان');
/** The same written as one word with يا, whose alif the article shares (يالربع، ياجماعة، ياشباب، ياخي). */
export const CALLED = /^يال?(?:ربع|جماعه|شباب|اخوان|اخي|اخوي|خوي|خويا|خي|خ|حلوين)$/;
/** Gulf ترى / ترا ("mind you"; MSA "you see", "I wonder") opening a question. */
export const OPENERS = set('تري ترا');
/** "Is there anything (about …)": حاجة after "there is / any" (فيه حاجة عن…، كاين شي حاجة على…; not في حاجة إلى, "in need of"). */
export const THERE_IS = set('في فيه فيش مفيش مافيش كاين كاينه شي اي');
/** "I don't understand (anything)", a remark before the question (مش فاهم حاجة، ما فهمت شي). */
export const NOT = set('مش مو ما مب موش مانيش ومش ومو وما ومب وموش');
export const UNDERSTAND = set('فاهم فاهمه فاهمين فهمت فهمنا فاكر فاكره فاكرين متذكر متذكره ذاكر');
export const HOW_MANY = new Set(['كم', ...COLLOQUIAL_QUESTION_WORDS.number]);
/** Arabizi question words and particles (dialect.ts) and Latin "the one who", "I mean", "because", "please": dropped only in a question with Arabic letters, so an English question keeps every word. */
export const ARABIZI = new Set([...Object.values(ARABIZI_QUESTION_WORDS).flat(), ...wordList('yalli elli illi lli ya3ni 3ashan 3shan plz pls')]);
/** A Latin word of no Arabizi list: beside an Arabizi-looking word, the two are a name (Steven Chu, Wen Jiabao, Sinn Fein). */
export const latinName = (w: string) => /\p{Script=Latin}/u.test(w) && !ARABIZI.has(w);
/**
 * Colloquial "do / make" (Egyptian and Tunisian عمل, Maghrebi دار, Gulf سوى) before a meeting or talks, or before
 * what talks set up (zones, a mechanism, an agreement, a team, a committee, a truce): the noun carries what is asked
 * (عملوا اجتماع = عقدوا اجتماعا, بدهم يعملو مناطق = ينشئوا مناطق), and عمل would meet "work" (العمل, الفريق العامل).
 */
export const LIGHT_VERB = /^(?:[بهح]?[يتن]عمل|عمل|اتعمل|[كت]?[يتن]دير|غا[يتن]دير|دار|[بي]?[يتن]سو|سو|سوي|سوت)(?:و|وا|ون|ت|تو|ي)?$/;
/**
 * "What" asked of a light verb (الجعفري عمل إيه؟، شو عملو؟، وش سوى؟، شنو دار؟، Algerian واش دار؟ = ماذا فعل): the doer and the
 * rest carry what is asked.
 */
export const DID_WHAT = new Set(COLLOQUIAL_WHAT);
/**
 * "Will / want to / keep" between that "what" and the light verb (شو بدهن يعملو؟، شو رح يعمل؟، وش راح يسوون؟، شنو غادي يديرو؟،
 * شو عم يعملو؟): the same question in the future or the progressive. The tense particles are dialect.ts's, as
 * dialect-readings.ts reads them.
 */
export const MODAL = new Set([
  ...TENSE_PARTICLES,
  ...wordList('بدو بده بدها بدهم بدهن بدن بدك بدكم بدنا بدي ناوي ناويه ناويين يبي يبون يبغي يبغون تبي تبون قاعد قاعدين'),
]);
/** "What" or "anything" asked of a saying (asked-source.ts: شو بتقول عن…، يقول شي عن…، كتقول شي حاجة على…). */
export const WHAT_SAID = new Set([...DID_WHAT, ...wordList('ماذا شي اشي حاجه')]);
/** A demonstrative between an event noun and its light verb (المحادثات دي اتعملت فين؟). */
export const THIS = set('دي ده دا هاي هادي هاد هذي هدي هذا هاذي');
export const EVENT_NOUN = /^(?:ال)?(?:اجتماع|اجتماعات|محادثات|محادثه|مفاوضات|مباحثات|لقاء|لقاءات|لقا|جلسه|جلسات|موتمر|مقابله|ميتنغ|ميتنج|ميتينغ|ميتينج|ريونيون|مناطق|منطقه|اليه|اليات|اتفاق|اتفاقيه|فريق|لجنه|هدنه)$/;
export const QUESTION_WORDS = new Set([...wordList('من ما ماذا متي اين كيف لماذا هل كم اي'), ...Object.values(COLLOQUIAL_QUESTION_WORDS).flat()]);
