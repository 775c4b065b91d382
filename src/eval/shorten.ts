import { analyze, isEnglishFunctionWord } from '../text/analyze.js';
import { hasArabicLetters } from '../text/language.js';

/**
 * Short copies of gold questions, for the refusal to learn from: people on Discord ask in two to four
 * words (`رئيس وفد المعارضة؟`), while the fitting sets hold long questions, where "one rare word matched,
 * the rest unknown" hardly occurs. The rule knows nothing of the question beyond its words: the words
 * that open it and analyze to nothing (the question word: كم, في أي, how many) stay, then 1 to 3 of its
 * content words, drawn by hashing the question's id with each word's position, in their original order.
 */

/** FNV-1a: the same id always draws the same words, on any machine. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The short copy of a question, or null when it has too few content words to lose any. */
export function shortenedQuestion(id: string, question: string): string | null {
  const words = question.replace(/[؟?!.،,:;]+/g, ' ').split(/\s+/).filter((w) => w !== '');
  const content = words.map((w) => analyze(w).length > 0 && !isEnglishFunctionWord(w));
  const opening = content.indexOf(true);
  if (opening < 0) return null;
  const positions = content.flatMap((c, i) => (c ? [i] : []));
  const k = Math.min(process.env.SHORT_K23 ? 2 + (hashOf(id) % 2) : 1 + (hashOf(id) % 3), positions.length - 1);
  if (k < 1) return null;
  const kept = new Set([...positions].sort((a, b) => hashOf(`${id}#${a}`) - hashOf(`${id}#${b}`) || a - b).slice(0, k));
  const chosen = [...words.slice(0, opening), ...positions.filter((i) => kept.has(i)).map((i) => words[i]!)];
  return chosen.join(' ') + (hasArabicLetters(question) ? '؟' : '?');
}
