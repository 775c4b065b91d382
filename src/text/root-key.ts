/**
 * A coarser form of an analyzed term than the light stem, close to its root: words of one root in
 * different patterns compare equal (يسافر / بالسفر / مسافر → سفر; مدافعي / الدفاع → دفع; تصنف / تصنيف → صنف).
 * Light stemming (stem.ts) never touches the root pattern, so a question that says the verb where the
 * passage says the noun matched nothing; the ranker reads matches on this key as separate, weaker
 * evidence. Works on analyzed terms (normalized and light-stemmed).
 */
import { analyze } from './analyze.js';
import { isArabicWord } from './language.js';
import { skeleton } from './spelling-distance.js';

/**
 * Roles (head, lead, manage, found) whose root the normalized spelling hides: a radical is a hamza or a long
 * vowel, written ي, ا or و according to the pattern once normalized (رئيس رييس, يرأس يراس, رئاسة رياس; قائد
 * قايد, يقود, قيادة; مدير, يدير, إدارة ادار; مؤسس موسس, أسس اسس), so the rules below key each pattern apart
 * and a question asking for the role by its noun (من قائد الوفد؟) missed the text's verb (يقود الوفد). Not
 * a rule for every hollow root: two letters left merge unrelated words (روسي / رئيس once normalized; a
 * hollow key for every word merged تطور / طور and moved held-out folds, eval/JOURNAL.md). Listed as
 * written; each form's analyzed terms get the root's key.
 */
const HIDDEN_ROOTS: Record<string, string[]> = {
  رءس: ['رئيس', 'رئيسة', 'رؤساء', 'رئاسة', 'رئاسي', 'رأس', 'رأست', 'يرأس', 'ترأس', 'ترأست', 'يترأس', 'تترأس', 'ترؤس'],
  قود: ['قائد', 'قائدة', 'قادة', 'قيادة', 'قيادي', 'قاد', 'قادت', 'قادوا', 'يقود', 'تقود', 'يقودون'],
  دير: ['مدير', 'مديرة', 'مديرو', 'أدار', 'أدارت', 'يدير', 'تدير', 'يديرون', 'إدارة', 'إداري'],
  ءسس: ['مؤسس', 'مؤسسة', 'مؤسسو', 'أسس', 'أسست', 'يؤسس', 'تأسيس', 'تأسس', 'تأسست'],
};
/** Analyzed term → its hidden root's key (marked √: no key the rules make can equal it). */
const hiddenRootOf = new Map(Object.entries(HIDDEN_ROOTS).flatMap(([root, words]) => words.flatMap((w) => analyze(w).map((t) => [t, `√${root}`] as const))));

/** The hidden root of the term, of the term without a pronoun ending, or of it without an attached preposition (برئاسة). */
function hiddenRoot(term: string): string | undefined {
  const bare = withoutSuffix(term);
  return (
    hiddenRootOf.get(term) ??
    hiddenRootOf.get(bare) ??
    (term.length >= 5 && /^[بلكفو]/.test(term) ? (hiddenRootOf.get(term.slice(1)) ?? hiddenRootOf.get(withoutSuffix(term.slice(1)))) : undefined)
  );
}

/** Hamza dropped, runs of one letter collapsed (letter classes are NOT folded: سفر and صفر are different roots). */
function fold(word: string): string {
  let out = '';
  for (const ch of word) if (ch !== 'ء' && ch !== out.at(-1)) out += ch;
  return out;
}

/** Pronoun and verb endings light stemming leaves on (بمنحهم, سافروا, قابلناه). Longest first. */
const SUFFIXES = ['هما', 'كما', 'تها', 'هم', 'هن', 'كم', 'نا', 'تم', 'وا', 'ته', 'يه', 'ه', 'ي', 'ت'];
/** Imperfect-verb and participle prefixes (one letter of a four-letter word may go: يصنف, مكتب). */
const VERB_PREFIX = /^[يتنم]/;
/** Attached prepositions and the first letter of derived verbs (بمنح, اعترض): only from longer words, كتاب stays. */
const LONG_PREFIX = /^[ابلكف]/;
/** Fewer letters than this after folding: the key is the term itself (two-letter skeletons collide too often). */
const MIN_KEY = 3;

/** The term without one pronoun or verb ending, if 3+ letters remain. */
function withoutSuffix(term: string): string {
  for (const suffix of SUFFIXES) if (term.length - suffix.length >= 3 && term.endsWith(suffix)) return term.slice(0, -suffix.length);
  return term;
}

/**
 * A hollow verb after its imperfect prefix keyed to its three letters, و in the middle (تعود, يعود → عود; يقول →
 * قول), where its root key keeps the prefix (تعد); undefined for any other term. Not the root key itself: as the key
 * of every word it also merged nouns of the تفعّل pattern (تطور, تحول) and light verbs (يقوم) with their roots'
 * other words and moved xquad-dev's held-out folds (eval/JOURNAL.md), so only a question word the collection never
 * uses as written is also known by it (loose-features.ts). Not ا or ي in the middle: there the letter is the
 * root's in common nouns (بعيد, يمين).
 */
export function hollowRootKey(term: string): string | undefined {
  if (!isArabicWord(term) || !/^[يت]/.test(term)) return undefined;
  const key = fold(withoutSuffix(term.slice(1)));
  return /^[^اوي]و[^اوي]$/.test(key) ? key : undefined;
}

export function rootKey(term: string): string {
  if (!isArabicWord(term)) return term;
  const hidden = hiddenRoot(term);
  if (hidden !== undefined) return hidden;
  let word = withoutSuffix(term);
  const strip = (word.length >= 4 && VERB_PREFIX.test(word)) || (word.length >= 5 && LONG_PREFIX.test(word));
  // …unless what remains folds to under three letters (مطير is مطر, not طير).
  if (strip && skeleton(fold(word.slice(1))).length >= MIN_KEY) word = word.slice(1);
  // استفعل / مستفعل: the derived-verb letters before the root (the first was dropped just above).
  if (word.length >= 5 && word.startsWith('ست')) word = word.slice(2);
  const loose = fold(word);
  const key = skeleton(loose);
  // A hollow root (عاد / استعاد) folds to two letters: keep its long vowel rather than collide.
  return key.length >= MIN_KEY ? key : loose.length >= MIN_KEY ? loose : term;
}
