import { IsnadError } from '../errors.js';
import { stripDirectionMarks, stripInvisible } from '../text/invisible.js';
import { hasWords } from '../text/normalize.js';

export const MAX_QUESTION_CHARS = 1000;

/**
 * What people paste into a Discord question that is not part of it. Each is replaced by a space:
 * their letters (https, www, a mention's digits) would otherwise count as question words the
 * documents lack and push a good question under the refusal threshold. Order matters: code fences
 * before inline code, masked links before bare URLs.
 */
const NOISE: Array<[RegExp, string]> = [
  [/`([^`]*)`/g, ' $1 '], // inline code: the word inside may be the one asked about
  [/\[([^\]]*)\]\(\s*<?(?:https?:\/\/|www\.)[^)\s]*>?\s*\)/giu, ' $1 '], // masked link: keep its label
  [/<?(?:https?:\/\/|www\.)[^\s<>]+>?/giu, ' '], // bare URL, or <URL> (embed suppressed)
  [/<(?:@[!&]?|#)\d+>/g, ' '], // user, role and channel mentions
  [/<\/[\w -]+:\d+>/gu, ' '], // slash-command mention
  [/<a?:\w+:\d+>/g, ' '], // custom emoji
  [/<t:-?\d+(?::[tTdDfFR])?>/g, ' '], // Discord timestamp
  [/@(?:everyone|here)\b/g, ' '],
  // A mention typed or pasted as text (@Isnad, @بوت_الأسانيد) rather than picked: Discord leaves it as written.
  [/(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_.]+/gu, ' '],
  [/(?<![\p{L}\p{N}]):[a-z0-9_+-]+:(?![\p{L}\p{N}])/giu, ' '], // :emoji_shortcode:
  [/[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F\u20E3]/gu, ' '], // unicode emoji
  [/^[ \t]*(?:>>>|>|-#|#{1,3})[ \t]+/gm, ''], // quote, subtext and heading prefixes
  [/\*\*|__|~~|\|\|/g, ''], // bold, underline, strike-through, spoiler markers
];

/** A fenced code block: pasted code or logs, not the question (unless it is all there is). */
const CODE_BLOCK = /```[^\n`]*\n([\s\S]*?)```|```([\s\S]*?)```/g;

/** The question with links, mentions, emoji and formatting removed: only what someone typed as words. */
export function stripQuestionNoise(text: string): string {
  const withoutCode = text.replace(CODE_BLOCK, ' ');
  const out = hasWords(stripInline(withoutCode)) ? withoutCode : text.replace(CODE_BLOCK, (_, a?: string, b?: string) => ` ${a ?? b ?? ''} `);
  return stripInline(out);
}

function stripInline(text: string): string {
  let out = text;
  for (const [pattern, replacement] of NOISE) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A letter typed three or more times in a row is stretched for emphasis (مييين, وييين, كتييير): no Arabic word
 * spells one letter three times, so it is read once, and مييين is the question word مين.
 */
export function withoutElongation(text: string): string {
  // A bare ا typed twice (المحادثاات) is a slip too: Arabic spelling never writes two in a row (آ, أا are other letters).
  return text.replace(/([\u0621-\u064A])(?:[\u0640\u064B-\u065F]*\1){2,}/gu, '$1').replace(/\u0627(?:[\u0640\u064B-\u065F]*\u0627)+/gu, '\u0627');
}

export interface ReadQuestion {
  /** What the user asked, invisible characters removed and whitespace collapsed: echoed back (front ends escape it). */
  echo: string;
  /** The same without links, mentions, emoji and formatting: what is matched and embedded. */
  search: string;
}

/** Reads a question for echoing and for searching, or throws QUESTION_INVALID with what to do instead. */
export function readQuestion(raw: string, maxChars = MAX_QUESTION_CHARS): ReadQuestion {
  // Invisible characters could make an echoed question render as something else. Line breaks are
  // kept until the noise is gone: quote prefixes and code fences are found by line.
  const visible = stripDirectionMarks(stripInvisible(raw));
  const echo = visible.replace(/\s+/g, ' ').trim();
  if (echo === '') {
    throw new IsnadError('QUESTION_INVALID', 'The question is empty. Type a question, e.g. "من يرأس وفد النظام السوري؟".');
  }
  if (echo.length > maxChars) {
    throw new IsnadError('QUESTION_INVALID', `The question is ${echo.length} characters long; the limit is ${maxChars}. Shorten it to the key words.`);
  }
  const search = withoutElongation(stripQuestionNoise(visible)).replace(/\s+/g, ' ').trim();
  if (!hasWords(search)) {
    throw new IsnadError(
      'QUESTION_INVALID',
      'The question has no words (only links, mentions, punctuation, symbols or emoji). Ask with words, e.g. "من يرأس وفد النظام السوري؟".',
    );
  }
  return { echo, search };
}

/** The question as echoed back, or QUESTION_INVALID (see readQuestion). */
export function cleanQuestion(raw: string, maxChars = MAX_QUESTION_CHARS): string {
  return readQuestion(raw, maxChars).echo;
}
