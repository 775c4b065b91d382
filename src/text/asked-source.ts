/**
 * Where a question asks the answer from, not what it asks: a saying asked with "what … about" (وش قالت سانا عن
 * الأتراك؟) and the document asked in (في الوثيقة، حسب المذكرة، الوثيقة بتقول ايه عن…). News reports speech with many
 * verbs (نقلت، ذكرت، أكد), so قال meets whichever passage uses it, not what was said about the topic; and the words
 * for "the document" meet its opening line, not the item asked about. question-framing.ts drops both. On normalized words.
 */
import { wordList } from './dialect.js';

/**
 * The saying verbs, "say" (قال) and Levantine "tell, talk" (حكى), past and present, bare and with the Levantine and
 * Egyptian بـ or the Maghrebi كـ; framing-words.ts's claim frames (ناس بتقول…، بيقولو انو…) read the same list.
 */
export const SAYING: readonly string[] = wordList(
  'قال قالت قالو قالوا يقول تقول يقولون يقولو تقولو بيقول بتقول بيقولو بيقولوا كيقول كتقول كيقولو ' +
    'بيحكي بتحكي بيحكو بيحكوا تحكي يحكي حكي حكا حكت',
);
const SAYING_VERB = new Set(SAYING);
/** "About", before a topic (عن، حول): what a request for information and a saying asked about both take. */
export const ABOUT = new Set(wordList('عن علي حول بخصوص'));
/** After a saying, also بشأن and "about" with a pronoun (قال عنهم). */
const SAID_ABOUT = new Set([...ABOUT, ...wordList('بشان عنهم عنه عنها عليها عليه عليهم')]);
/**
 * "The document / paper / memo / text / article / report / file" (chat's فايل; not ملف, MSA "the case"; وتيقة, ث said and
 * written ت), with the article or with بـ / فـ on it.
 */
const WRITING = /^(?:[بف]?ال|ال)(?:وثيقه|وتيقه|ورقه|مذكره|نص|مقال|خبر|فايل)$/;
const IN_IT = new Set(wordList('في ف حسب الفي'));
/**
 * The dialects' "of" with a pronoun (Levantine تبعهن, Maghrebi ديالهم, Egyptian بتاعتهم, Tunisian متاعهم). Not dialect.ts's
 * function words: those are dropped from every text, so they leave out تبعه, تبعها, تبعهم (MSA "followed him, her,
 * them"); here a match only keeps the document word before it, so an MSA "followed" costs nothing.
 */
const OF = /^(?:تبع|ديال|بتاع|بتاعت|متاع|نتاع)(?:ه|ها|هم|هن|و|ن|ك|كم|نا)$/;

/**
 * Word i is a saying verb beside a "what" or "anything" word (`what`), with "about" after it (الفايل يقول شي عن…) or
 * before the "what" (عن شو بتحكي). Without "about" (شو قال ابوزيد؟) the saying is what is asked, and stays.
 */
export function saidAbout(words: readonly string[], i: number, what: ReadonlySet<string>): boolean {
  if (!SAYING_VERB.has(words[i] ?? '')) return false;
  // "About what" before it (كل وحدة عن شو بتحكي؟).
  if (what.has(words[i - 1] ?? '') && ABOUT.has(words[i - 2] ?? '')) return true;
  return (what.has(words[i - 1] ?? '') || what.has(words[i + 1] ?? '')) && words.slice(i + 1).some((x) => SAID_ABOUT.has(x));
}

/**
 * Word i names the document the answer is asked from: after في / حسب, written with بـ / فـ, or as the source of a saying
 * asked about (الوثيقة بتقول ايه عن…); or it is حسب before such a word. When the document is itself the subject (متى قدمت
 * روسيا الوثيقة؟) it stays.
 */
export function documentAskedIn(words: readonly string[], i: number, what: ReadonlySet<string>): boolean {
  const w = words[i] ?? '';
  if (w === 'حسب') return WRITING.test(words[i + 1] ?? '');
  // Someone's document (بالوتيقة تبعهن، فالوثيقة ديالهم): the document they presented is what is asked about.
  if (OF.test(words[i + 1] ?? '')) return false;
  return WRITING.test(w) && (IN_IT.has(words[i - 1] ?? '') || !w.startsWith('ال') || [i - 1, i + 1, i + 2].some((j) => saidAbout(words, j, what)));
}
