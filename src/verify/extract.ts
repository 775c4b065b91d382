import { hasWords } from '../text/normalize.js';

/** At most this many quotes of one message are verified (one verdict each). */
export const MAX_QUOTES = 5;
/** A quoted span needs this many words to count as a quote rather than a quoted term ("المناطق الآمنة"). */
const MIN_QUOTE_WORDS = 2;

export interface QuotedSpan {
  text: string;
  /** Offsets in `ExtractedQuotes.message`. */
  start: number;
  end: number;
}

export interface ExtractedQuotes {
  /** The message with block-quote markers (`> `) removed. */
  message: string;
  /** Quoted spans in order («…», "…", “…”, `> ` lines, code spans), outermost only, at most MAX_QUOTES. */
  spans: QuotedSpan[];
}

const wordCount = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

const PAIRED = [/```([\s\S]*?)```/g, /`([^`\n]+)`/g, /«([^»]*)»/g, /“([^”]*)”/g, /„([^“”]*)[“”]/g, /"([^"\n]*)"/g];

/**
 * Finds the quotes a message holds. Block-quote lines (`> …`) are unwrapped in `message`, so a span
 * of consecutive ones is one quote; quotation marks and code spans are left in place (they are not
 * words, alignment ignores them).
 */
export function extractQuotes(raw: string): ExtractedQuotes {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  let message = '';
  const found: QuotedSpan[] = [];
  let block: { start: number } | null = null;
  const closeBlock = () => {
    if (block) found.push({ text: message.slice(block.start).replace(/\n$/, ''), start: block.start, end: message.replace(/\n$/, '').length });
    block = null;
  };
  lines.forEach((line, i) => {
    const quoted = /^\s*>+\s?/.exec(line);
    if (quoted) {
      block ??= { start: message.length };
      message += line.slice(quoted[0].length);
    } else {
      closeBlock();
      message += line;
    }
    if (i < lines.length - 1) message += '\n';
  });
  closeBlock();
  for (const pattern of PAIRED) {
    for (const m of message.matchAll(pattern)) {
      const inner = m[1]!;
      const start = m.index! + m[0].indexOf(inner);
      found.push({ text: inner, start, end: start + inner.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: QuotedSpan[] = [];
  for (const span of found) {
    const last = spans[spans.length - 1];
    if (last && span.start < last.end) continue; // inside (or across) a quote already taken
    if (!hasWords(span.text) || wordCount(span.text) < MIN_QUOTE_WORDS) continue;
    spans.push(span);
  }
  return { message: message.trim() === '' ? '' : message, spans: spans.slice(0, MAX_QUOTES) };
}
