import type { IndexSnapshot } from '../index/snapshot.js';
import { Prng } from './prng.js';

/**
 * Keyword and question-shaped queries cut from random passages, some with every long vowel of one
 * word doubled or dropped (a name spelled another way: the spelling-variant leg's work), plus a few
 * that match nothing.
 */
export function benchQueries(snapshot: IndexSnapshot, count: number, seed: number): string[] {
  const prng = new Prng(seed ^ 0x5eed);
  const queries: string[] = [];
  const openers = ['ما', 'من', 'متى', 'أين', 'لماذا', 'كيف', 'هل'];
  while (queries.length < count) {
    const words = prng.pick(snapshot.passages).text.split(/\s+/).filter((w) => /[\u0621-\u064A]{3,}/.test(w));
    if (words.length < 3) continue;
    const length = prng.int(2, Math.min(7, words.length));
    const from = prng.int(0, words.length - length);
    const picked = words.slice(from, from + length).map((w) => w.replace(/[.,،:؛!?؟"“”«»()]/g, ''));
    if (prng.chance(0.2)) {
      const at = prng.int(0, picked.length - 1);
      picked[at] = prng.chance(0.5) ? picked[at]!.replace(/([اوي])/g, '$1$1') : picked[at]!.replace(/(?<=.)[اوي]/g, '');
    }
    const phrase = picked.join(' ');
    const kind = prng.next();
    queries.push(kind < 0.5 ? `${prng.pick(openers)} ${phrase}؟` : kind < 0.95 ? phrase : 'ما هي درجة الحرارة في الرياض غدا؟');
  }
  return queries;
}
