/**
 * Latin-script names → Arabic-script spellings, the way Arabic news writes foreign names:
 * consonants by sound (w→و, p→ب, v→ف, ch→تش, sh→ش, th→ث, kh→خ, ph→ف), vowels as long-vowel letters
 * (a→ا, e/i→ي, o/u→و). Arabic often leaves short vowels unwritten; the name matcher treats vowel
 * letters as optional, so one spelling per consonant choice is enough here.
 * Arabic names written the English way carry the Arabic letters English has none for (a doubled consonant
 * is one letter with a shadda, which the name matcher already folds): aa an ع (Jaafari → الجعفري),
 * h also ح (Hussein → حسين), a final a the feminine ending (Osama → أسامة, Nusra → النصرة), ei / ai
 * a plain ي (Zeid → زيد), and a word-initial vowel sits on an alif (Idlib → إدلب, Unal → أونال). An apostrophe
 * inside a name marks the ع or hamza English has no letter for (Ja'fari → الجعفري, Mu'allem → المعلم).
 */
import { analyze } from '../text/analyze.js';

const DIGRAPHS: Array<[string, string[]]> = [
  ['sch', ['ش']],
  ['tch', ['تش']],
  ['ch', ['تش', 'ك']],
  ['sh', ['ش']],
  ['th', ['ث', 'ت']],
  ['kh', ['خ']],
  ['gh', ['غ', 'ج']],
  ['ph', ['ف']],
  ['ck', ['ك']],
  // Arabic-origin names write ذ (Dhahran); Indian ones a plain د (Gandhi → غاندي).
  ['dh', ['ذ', 'د']],
  ['zh', ['ج']],
  ['qu', ['كو']],
  ['ee', ['ي']],
  ['oo', ['و']],
  ['ou', ['و']],
  ['ie', ['ي']],
  ['aa', ['ع', 'ا']],
  ['eu', ['و', 'يو']],
  ['ei', ['اي', 'ي']],
  ['ai', ['اي', 'ي']],
  ['ay', ['اي']],
];

const SINGLE: Record<string, string[]> = {
  a: ['ا'], b: ['ب'], c: ['ك'], d: ['د'], e: ['ي'], f: ['ف'], g: ['ج', 'غ', 'ك'], h: ['ه', 'ح'], i: ['ي'],
  j: ['ج'], k: ['ك'], l: ['ل'], m: ['م'], n: ['ن'], o: ['و'], p: ['ب'], q: ['ك'], r: ['ر'], s: ['س'],
  t: ['ت'], u: ['و'], v: ['ف'], w: ['و'], x: ['كس'], y: ['ي'], z: ['ز'], "'": ['ع', ''],
};

const MAX_SPELLINGS = 6;

/**
 * Arabic-script spellings of a Latin word, most likely first (empty for anything but letters a–z).
 * An English plural ending is how the question speaks, not how Arabic names the thing: a name in -s is
 * also spelled with ز (Panthers → بانثرز, as Arabic sports pages write team names) and without it
 * (Huguenots → هوغونوت, Mongols → مغول, as Arabic names the people).
 */
export function transliterate(word: string, arabicWord = false): string[] {
  const w = word.toLowerCase().replace(/’/g, "'");
  if (!/^[a-z]+(?:'[a-z]+)*$/.test(w)) return [];
  const singular = singularSpellings(w);
  const spellings = singular.length === 0 ? spell(w) : [...new Set([...spell(w), ...singular.map((s) => s + 'ز'), ...singular])];
  return arabicWord ? [...spellings, ...shortVowelUnwritten(spellings)] : spellings;
}

/**
 * A short Arabic word typed in Latin letters (wafd → وفد, harb → حرب, jaish → جيش) writes its short vowel, which Arabic
 * leaves unwritten: its spellings of three letters without one inner vowel letter. Only for a lower-case word the
 * dictionary lacks (english.ts): a name keeps its vowels (Sam → سام, not سم), and a longer word is found by the spelling
 * matcher, which ignores vowels.
 */
function shortVowelUnwritten(spellings: string[]): string[] {
  const result = new Set<string>();
  for (const s of spellings.filter((s) => s.length === 4)) {
    for (let i = 1; i < s.length - 1; i++) if ('اوي'.includes(s[i]!)) result.add(s.slice(0, i) + s.slice(i + 1));
  }
  // Only a spelling the analyzer keeps whole: one it strips (سوكي → سك) is an ending read off, not the word.
  return [...result].filter((s) => !spellings.includes(s) && analyze(s).join(' ') === s);
}

/**
 * The spellings of a name in -s without it (Huguenots → هوغونوت), [] for any other word. A name may only end in s
 * (Jones, James, Wales): its singular is a guess, and a short guess is another word or name (جون John, جام, وال).
 */
export function singularSpellings(word: string): string[] {
  const w = word.toLowerCase();
  return /^[a-z]+$/.test(w) && w.length > 3 && /[^su']s$/.test(w) ? spell(w.slice(0, -1)) : [];
}

function spell(w: string): string[] {
  let spellings = [''];
  for (let i = 0; i < w.length; ) {
    let options: string[] | undefined;
    let used = 1;
    for (const [digraph, arabic] of DIGRAPHS) {
      if (w.startsWith(digraph, i)) {
        options = arabic;
        used = digraph.length;
        break;
      }
    }
    // ow before a consonant is one vowel (Bowl → بول, Brown → براون); before a vowel the w is a consonant (Howard).
    if (!options && w.startsWith('ow', i) && !/[aeiouy]/.test(w[i + 2] ?? '')) {
      options = ['و', 'او'];
      used = 2;
    }
    if (!options) {
      const ch = w[i]!;
      // c and g soften before e, i, y (Cicero, George); a final silent e is dropped (Blaise).
      if (ch === 'c') options = /[eiy]/.test(w[i + 1] ?? '') ? ['س'] : ['ك'];
      else if (ch === 'e' && i === w.length - 1 && i > 2) options = [''];
      // A final a is most often the feminine ending in an Arabic name (Osama → أسامة), else a long ا (Chelsea).
      else if (ch === 'a' && i === w.length - 1 && i > 1) options = ['ا', 'ه'];
      else options = SINGLE[ch] ?? [''];
    }
    // A word-initial vowel is written on an alif (Idlib → إدلب, Omar → أومار, Europe → أوروبا), a short one also as the alif alone.
    if (i === 0 && /[aeiou]/.test(w[0]!)) options = initialVowel(options, used === 1);
    const next: string[] = [];
    for (const prefix of spellings) for (const option of options) if (next.length < MAX_SPELLINGS) next.push(prefix + option);
    spellings = next;
    i += used;
  }
  return [...new Set(spellings)].filter((s) => s !== '');
}

function initialVowel(options: string[], short: boolean): string[] {
  const onAlif = options.map((o) => (o.startsWith('ا') || o.startsWith('ع') ? o : 'ا' + o));
  // An Arabic name's initial a is as often an ع (Alloush → علوش, Ali → علي).
  const withAin = onAlif.includes('ا') ? [...onAlif, 'ع'] : onAlif;
  return [...new Set(short && !withAin.includes('ا') ? ['ا', ...withAin] : withAin)];
}

/** How Arabic writes the English names of the letters (ABC → أيه بي سي, NFL → إن إف إل, HD → إتش دي). */
const LETTER_NAMES: Record<string, string> = {
  a: 'أيه', b: 'بي', c: 'سي', d: 'دي', e: 'إي', f: 'إف', g: 'جي', h: 'إتش', i: 'آي', j: 'جيه', k: 'كيه', l: 'إل', m: 'إم',
  n: 'إن', o: 'أو', p: 'بي', q: 'كيو', r: 'آر', s: 'إس', t: 'تي', u: 'يو', v: 'في', w: 'دبليو', x: 'إكس', y: 'واي', z: 'زد',
};

/** An acronym spelled out letter by letter in Arabic script (empty for anything but 2–5 capitals). */
export function spellAcronym(word: string): string {
  if (!/^[A-Z]{2,5}$/.test(word)) return '';
  return [...word.toLowerCase()].map((ch) => LETTER_NAMES[ch]).join(' ');
}
