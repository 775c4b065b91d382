/**
 * Characters that change how the text around them renders without being seen: control characters
 * (tab and newline kept; a terminal runs escape sequences, a carriage return rewrites the line) and
 * bidi embeddings, overrides and isolates (U+202E spoofing). Joiners (U+200C/U+200D) stay: Arabic,
 * Persian and emoji need them. Used on questions, on everything the terminal prints and on what Discord shows.
 */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Direction marks (LRM, RLM, ALM): they may shape how a quoted passage renders, but in a question they are noise. */
const DIRECTION_MARKS = /[\u200E\u200F\u061C]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

export function stripDirectionMarks(text: string): string {
  return text.replace(DIRECTION_MARKS, '');
}

/** True when `text` holds a character that is not seen: anything the two functions above strip, or a tab or line break (a file name must hold none). */
export function hasUnseenCharacters(text: string): boolean {
  return /[\t\n]/.test(text) || stripInvisible(text) !== text || stripDirectionMarks(text) !== text;
}
