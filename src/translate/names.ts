import { normalize } from '../text/normalize.js';

/**
 * Matches Arabic-script spellings of a foreign name against the words a collection actually uses.
 * Foreign names are spelled many ways in Arabic (لافرنتييف / لافرينتييف, غنكيز / جنكيز), so words are
 * compared by a sound key: vowel letters dropped, letters Arabic writers swap for one foreign sound
 * merged (ت ط ث · د ض ذ · س ص ز ظ · ك ق خ · ج غ · ه ح), تش read as ش, doubles collapsed. A key of
 * three or more consonants may differ by one edit; shorter keys must match including where vowels fall.
 */

const CLASS: Record<string, string> = {
  'ب': 'b', 'پ': 'b', 'ت': 't', 'ط': 't', 'ث': 't', 'د': 'd', 'ض': 'd', 'ذ': 'd', 'س': 's', 'ص': 's',
  'ز': 's', 'ظ': 's', 'ك': 'k', 'ق': 'k', 'خ': 'k', 'ج': 'g', 'غ': 'g', 'ه': 'h', 'ح': 'h', 'ش': 'x',
  'ف': 'f', 'ڤ': 'f', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ر': 'r',
};
const VOWEL = new Set(['ا', 'و', 'ي', 'ى', 'ء', 'ع', 'ة', 'ئ', 'ؤ']);

export interface NameKey {
  /** Consonant classes only. */
  consonants: string;
  /** Consonant classes with each run of vowel letters as `v`. */
  shape: string;
}

export function nameKey(arabic: string): NameKey | null {
  const word = normalize(arabic).replace(/تش/g, 'ش');
  let shape = '';
  for (const ch of word) {
    const cls = CLASS[ch] ?? (VOWEL.has(ch) ? 'v' : null);
    if (cls === null) return null; // not an Arabic word
    if (shape.endsWith(cls)) continue;
    shape += cls;
  }
  const consonants = shape.replace(/v/g, '');
  return consonants === '' ? null : { consonants, shape };
}

/** Prefixes a name may carry in running text (and, by, for, the). */
const PREFIXES = ['وال', 'بال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];

export interface NameMatch {
  /** The word as written in the collection (normalized). */
  word: string;
  /** 1 for the same key, less for one edit away. */
  similarity: number;
}

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export class NameMatcher {
  private readonly byConsonants = new Map<string, Set<string>>();
  private readonly byDeletion = new Map<string, Set<string>>();
  private readonly keys = new Map<string, NameKey>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < 3 || !/^[\u0621-\u064A]+$/.test(word)) continue;
      const forms = [word, ...PREFIXES.filter((p) => word.startsWith(p) && word.length - p.length >= 3).map((p) => word.slice(p.length))];
      for (const form of forms) {
        const key = nameKey(form);
        if (!key || this.keys.has(form)) continue;
        this.keys.set(form, key);
        add(this.byConsonants, key.consonants, form);
        if (key.consonants.length >= 3) for (const d of deletions(key.consonants)) add(this.byDeletion, d, form);
      }
    }
  }

  /** Collection words that may be these spellings of one name, best first. */
  match(spellings: string[]): NameMatch[] {
    const best = new Map<string, number>();
    for (const spelling of spellings) {
      const key = nameKey(spelling);
      if (!key) continue;
      const found = new Set<string>(this.byConsonants.get(key.consonants) ?? []);
      if (key.consonants.length >= 3) {
        for (const w of this.byDeletion.get(key.consonants) ?? []) found.add(w);
        for (const d of deletions(key.consonants)) {
          for (const w of this.byConsonants.get(d) ?? []) found.add(w);
          for (const w of this.byDeletion.get(d) ?? []) found.add(w);
        }
      }
      for (const word of found) {
        const other = this.keys.get(word)!;
        let similarity = 0;
        if (key.consonants.length < 3) similarity = other.shape === key.shape ? 1 : 0;
        else if (other.consonants === key.consonants) similarity = other.shape === key.shape ? 1 : 0.9;
        else if (Math.min(other.consonants.length, key.consonants.length) >= 4 && withinOneEdit(other.consonants, key.consonants)) similarity = 0.6;
        if (similarity > (best.get(word) ?? 0)) best.set(word, similarity);
      }
    }
    return [...best].map(([word, similarity]) => ({ word, similarity })).sort((a, b) => b.similarity - a.similarity || a.word.localeCompare(b.word));
  }
}

function add(map: Map<string, Set<string>>, key: string, word: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(word);
}
