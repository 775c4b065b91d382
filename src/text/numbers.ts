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
const TENS = ['عشر', 'ثلاث', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'];
TENS.forEach((base, k) => add((k + 2) * 10, base + 'ون', base + 'ين'));
add(100, 'مئه', 'مائه');

/** و (and), the article and the attached prepositions a number word carries (والخمسة, بثلاثة, للعشرين). */
const PREFIX = /^(?:و|ف)?(?:بال|لل|ال|ب|ل|ك)?/;

/** The digits a cardinal number word stands for (خمسة → 5, والعشرين → 20), or undefined. */
export function cardinalDigits(word: string): string | undefined {
  const direct = CARDINALS[word];
  if (direct !== undefined) return direct;
  const bare = word.replace(PREFIX, '');
  if (bare === word) return undefined;
  // ست takes the article only: لست is "I am not", بست and وست are names as often as numbers.
  if (bare.length <= 2 && !/ال$|لل$/.test(word.slice(0, -bare.length))) return undefined;
  return CARDINALS[bare];
}
