/**
 * A word and its suffix derivation are two words, not two spellings of one: a country and its
 * adjective (فرنسا / الفرنسية, سوريا / السوري, بيولوجيا / بيولوجي), a noun and its adverb (اخير /
 * اخيرا). Light stemming strips the adjective's ي, ية, يون, يين, يات, so on analyzed terms the pair is
 * a stem and the same stem with a final ا, ي or يا: one a prefix of the other. A spelling variant
 * differs inside the word (نزاربايف / نزارباييف, لافرنتييف / لافرينتييف) or by a prefix (لوكال / وكال).
 */
const DERIVING_ENDINGS = new Set(['ا', 'ي', 'يا']);
/** A shorter common part is too little of a word to call the rest an ending (سور / سوريا is the shortest). */
const MIN_BASE = 3;

/** Whether analyzed terms `a` and `b` are one word with and without a deriving ending. */
export function isSuffixDerivation(a: string, b: string): boolean {
  const [base, derived] = a.length <= b.length ? [a, b] : [b, a];
  return base.length >= MIN_BASE && derived.startsWith(base) && DERIVING_ENDINGS.has(derived.slice(base.length));
}
