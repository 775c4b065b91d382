/** Letters Arabic adds or drops when it inflects a word: long vowels, hamza seats, the feminine ending. */
const WEAK_LETTERS = /[اويىءئؤة]/g;
/** Affix letters one form of a word may carry beyond another (ال is already gone: terms are stemmed). */
const MAX_AFFIX_LETTERS = 2;

/**
 * Whether two spellings are forms of one word: the consonants of one, in order, within the other's,
 * with at most a prefix's or suffix's worth more (مشكل / مشاكل, سجل / مسجل, دفاع / لدفاع). Spelling
 * similarity alone also pairs different words one letter apart (قادر / نادر, تقسيم / تقييم, مشكل / بشكل).
 */
export function sameRadicals(a: string, b: string): boolean {
  const [short, long] = [a.replace(WEAK_LETTERS, ''), b.replace(WEAK_LETTERS, '')].sort((x, y) => x.length - y.length) as [string, string];
  if (long.length - short.length > MAX_AFFIX_LETTERS) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}
