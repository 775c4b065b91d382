import { normalize } from '../../text/normalize.js';

const ARABIC_WORD = /[\u0621-\u064a]{3,}/g;

/**
 * True when a page's Arabic reads as if each word were reversed: PDFs drawn glyph by glyph in visual
 * order extract "ةلودلا" for "الدولة". Logical Arabic starts many words with the article ال; reversed
 * text ends them with لا instead. A page with too few Arabic words to tell is not judged.
 */
export function looksReversed(pageText: string): boolean {
  let forward = 0;
  let reversed = 0;
  for (const word of normalize(pageText).match(ARABIC_WORD) ?? []) {
    if (word.startsWith('\u0627\u0644')) forward++;
    if (word.endsWith('\u0644\u0627')) reversed++;
  }
  return reversed >= 3 && reversed > 2 * forward;
}
