/**
 * Words that frame a question but are MSA words in a text, so documents keep them (dropping الحين and ولا
 * from documents too cost held-out refusals, eval/JOURNAL.md, dialect rounds) and only a question drops them. Every one is
 * a way of asking, never what is asked about. On normalized words (ى→ي, ة→ه, أ/إ→ا, ؤ→و).
 */
import { isColloquialOnly } from './dialect.js';
import { isArabicWord } from './language.js';
import { ABOUT, documentAskedIn, saidAbout } from './asked-source.js';
import {
  ANYWHERE, AND_ASKING, POINTING_BACK, STORY, STORY_OF, WHAT, WANT, LEARN, SOMEONE, KNOWS, PEOPLE, SAID, CHAT_PLACE,
  WRONG, BEFORE_TRUE, ARTICLE_APART, MADE, BLESS, GREETING, HOW_ARE_THINGS, IN_PLACE, HELLO, HOW_ARE_YOU, BROTHERS,
  READ, ASK, QUESTION_NOUN, GIVE_ME, INFO, MATTER, TRUE, YES_NO, TRUE_CLOSING, CLAIM, THEY_SAY, HEARD, THAT,
  ADDRESSED, CALLED, OPENERS, THERE_IS, NOT, UNDERSTAND, HOW_MANY, ARABIZI, latinName, LIGHT_VERB, DID_WHAT,
  WHAT_SAID, THIS, EVENT_NOUN, QUESTION_WORDS, ASKING, ASKERS, WHEN, MODAL, MADE_EITHER_SPELLING, WHICH_MADE,
  PREPOSITION,
} from './framing-words.js';

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
  // A remark of its own sentence beside the question (…؟ هواية ناس يسألون): all of it frames.
  if (!(first && last) && words.some((w) => ASKING.has(w)) && words.every((w) => ASKING.has(w) || ASKERS.has(w))) return words.map(() => true);
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
    else if (colloquial && LIGHT_VERB.test(w) && MODAL.has(before) && DID_WHAT.has(words[i - 2] ?? '')) frames[i] = true;
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
    // "Or not" (ولا لأ, or closing the question; MSA "nor"; Iraqi لو لا closing it, لو "or"), Egyptian "or what?" (…، ولا ايه؟).
    else if (w === 'ولا' && (next === '' || next === 'لا' || (next === 'ايه' && i + 2 === words.length))) frames[i] = true;
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
    else if (colloquial && MADE_EITHER_SPELLING.test(w) && WHICH_MADE.has(before) && (/^[يتن]..+/.test(next) || /^[يتن]..+/.test(words[i + 2] ?? ''))) frames[i] = true;
    else if (ARTICLE_APART.has(w) && /\p{Script=Latin}/u.test(next)) frames[i] = true;
    // Iraqi "when" opening the question or asked of a verb or its end (شوكت بدت؟، الجولة شوكت چانت؟).
    else if (WHEN.has(w) && (opening(i) || next === '' || /^[يتنچك]..+/.test(next))) frames[i] = true;
    // Egyptian انهي "which" opening a question (أنهي وكالة…؟; MSA أنهى "ended" does not open one), or after a preposition
    // (في انهي بلد، من انهي وفد: a verb does not follow one).
    else if (w === 'انهي' && (opening(i) || PREPOSITION.has(before)) && next !== '') frames[i] = true;
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
