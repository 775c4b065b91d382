/**
 * Cardinal number words read as the digits the same text would otherwise write: a question asking
 * about خمسة استحواذات meets a passage saying 5 استحواذات, and the other way round. Works on normalized
 * words (ة→ه, أ→ا, ى→ي); Arabic-Indic and Persian digits are already ASCII there (normalize.ts).
 * Single words only: compounds (خمسة عشر, ثلاثة آلاف) keep their words. ألف (also "authored") and the
 * ordinals (أول is also "first of all", الثاني "the second one") are left alone: too ambiguous.
 */
const CARDINALS: Record<string, string> = {};
function add(value: number, ...forms: string[]): void {
  for (const form of forms) CARDINALS[form] = String(value);
}
add(1, 'واحد', 'واحده');
add(2, 'اثنان', 'اثنين', 'اثنتان', 'اثنتين');
add(3, 'ثلاث', 'ثلاثه');
add(4, 'اربع', 'اربعه');
add(5, 'خمس', 'خمسه');
add(6, 'ست', 'سته');
add(7, 'سبع', 'سبعه');
add(8, 'ثمان', 'ثماني', 'ثمانيه');
add(9, 'تسع', 'تسعه');
add(10, 'عشر', 'عشره');
// The teens as the dialects say them in one word (Levantine خمستعش, Egyptian خمستاشر, Gulf خمسطعش, Moroccan خمسطاش):
// the MSA ones are two words (خمسة عشر) and keep them. Not تن + عش: تنعش is MSA "revives".
const TEEN_UNITS: Array<[number, string[]]> = [
  [11, ['حد', 'احد', 'حدا', 'احدا', 'حض']], [12, ['اطن', 'اتن', 'طن', 'ثن']], [13, ['تلت', 'تلط', 'ثلط', 'ثلت']],
  [14, ['اربعت', 'اربعط', 'ربعط', 'ربعت']], [15, ['خمست', 'خمسط']], [16, ['ست', 'سط']], [17, ['سبعت', 'سبعط']],
  [18, ['تمنت', 'تمنط', 'ثمنط', 'ثمنت']], [19, ['تسعت', 'تسعط']],
];
for (const [value, heads] of TEEN_UNITS) for (const head of heads) add(value, head + 'عش', head + 'اش', head + 'اشر', head + 'عشر');
const TENS = ['عشر', 'ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'];
TENS.forEach((base, k) => add((k + 2) * 10, base + 'ون', base + 'ين'));
add(100, 'مئه', 'مائه');

/**
 * Every form with the و/ف (and), article and attached prepositions a number word carries (والخمسة,
 * بثلاثة, للعشرين), listed once so a lookup is one map read (the stemmer asks for every word indexed).
 * ست takes the article only: لست is "I am not", بست and وست are names as often as numbers.
 */
const FORMS = new Map<string, string>();
for (const [word, digits] of Object.entries(CARDINALS)) {
  for (const and of ['', 'و', 'ف']) {
    for (const before of ['', 'بال', 'لل', 'ال', 'ب', 'ل', 'ك']) {
      const article = before === 'بال' || before === 'لل' || before === 'ال';
      if (word.length <= 2 && (and !== '' || before !== '') && !article) continue;
      FORMS.set(and + before + word, digits);
    }
  }
}

/** The digits a cardinal number word stands for (خمسة → 5, والعشرين → 20), or undefined. */
export function cardinalDigits(word: string): string | undefined {
  return FORMS.get(word);
}

/**
 * A number from 21 to 99 said in two words, its unit then و and its tens (تلاتة وعشرين, خمسة وثلاثين → 23, 35):
 * `unit` is the first word and its readings (the dialect spelling تلاتة reads as ثلاثة), `tens` the next word.
 */
export function twoWordNumber(unit: readonly string[], tens: string): string | undefined {
  const ten = tens.startsWith('و') ? Number(cardinalDigits(tens)) : NaN;
  const one = unit.map((w) => Number(cardinalDigits(w))).find((n) => n >= 1 && n <= 9);
  return one !== undefined && ten >= 20 && ten <= 90 && ten % 10 === 0 ? String(ten + one) : undefined;
}

/** Month names as texts write them: the Egyptian and Gulf ones, the Levantine and Iraqi ones (كانون, تشرين: the first word), English. */
export const MONTHS: ReadonlySet<string> = new Set(
  (
    'يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر ' +
    'كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين ' +
    'january february march april may june july august september october november december'
  ).split(' '),
);

/** The ordinals a date's day is said with (في السادس من فبراير), without the article; حادي only before عشر or a ten. */
const ORDINAL_UNITS: Record<string, number> = {
  اول: 1, حادي: 1, ثاني: 2, ثالث: 3, رابع: 4, خامس: 5, سادس: 6, سابع: 7, ثامن: 8, تاسع: 9, عاشر: 10,
};
const ORDINAL_TENS: Record<string, number> = { عشرين: 20, ثلاثين: 30 };
/** Words a date may hold between the day and its month: "of (the month)", and a second day of a range (…والرابع والعشرين من). */
const DAY_TO_MONTH = new Set(['من', 'شهر']);

const withoutArticle = (word: string) => word.replace(/^و(?=ال)/, '').replace(/^ال(?=..)/, '');

/** The day an ordinal said at words[i] names (السادس, الخامس عشر, الثالث والعشرين) and how many words it took, or undefined. */
function ordinalAt(words: readonly string[], i: number): { day: number; width: number } | undefined {
  const word = withoutArticle(words[i] ?? '');
  const tens = ORDINAL_TENS[word];
  if (tens !== undefined) return { day: tens, width: 1 };
  const unit = ORDINAL_UNITS[word];
  if (unit === undefined) return undefined;
  const next = words[i + 1] ?? '';
  if (next === 'عشر' && unit < 10) return { day: 10 + unit, width: 2 };
  const nextTens = next.startsWith('و') ? ORDINAL_TENS[withoutArticle(next.slice(1))] : undefined;
  if (nextTens !== undefined && unit < 10) return { day: nextTens + unit, width: 2 };
  return word === 'حادي' ? undefined : { day: unit, width: 1 };
}

/**
 * A day of the month said as an ordinal before its month (السادس من شباط, الخامس عشر من فبراير, الثالث والعشرين والرابع
 * والعشرين من كانون الثاني → 6, 15, 23 and 24), as its digits, which is how a news text dates it (6 فبراير), and the
 * number of words it took. Only before a month: alone, السادس is "the sixth" of anything.
 */
export function ordinalDay(words: readonly string[], i: number): { digits: string; width: number } | undefined {
  const first = ordinalAt(words, i);
  if (first === undefined || first.day > 31) return undefined;
  for (let j = i + first.width; j < words.length && j <= i + 6; ) {
    if (MONTHS.has(words[j]!)) return { digits: String(first.day), width: first.width };
    if (DAY_TO_MONTH.has(words[j]!)) { j++; continue; }
    const another = words[j]!.startsWith('و') ? ordinalAt([words[j]!.slice(1), ...words.slice(j + 1)], 0) : undefined;
    if (another === undefined) return undefined;
    j += another.width;
  }
  return undefined;
}

/**
 * A year said by its last two digits after "year" (سنة 98، سنة ال50، بعام 79 → 1998, 1950, 1979), as chat says it and a
 * text never writes it: both centuries, the collection knowing the one meant (`previous`: the word before). Undefined
 * for any other number or word before it (عمره 98 سنة is an age).
 */
export function shortYear(previous: string | undefined, word: string): string[] | undefined {
  const digits = /^(?:ال)?(\d\d)$/.exec(word)?.[1];
  return digits !== undefined && /^[وبفل]?(?:ال)?(?:سنه|عام)$/.test(previous ?? '') ? ['19' + digits, '20' + digits] : undefined;
}
