import type { ChangeKind } from './types.js';
import { MONTHS } from '../text/numbers.js';

/**
 * Word lists that make a change's kind clear. All in normalized spelling (ة→ه, ى→ي, أ/إ/آ→ا),
 * compared after dropping a leading conjunction/preposition and the article (وال، بال، لل…).
 */
const NEGATIONS = new Set(['لا', 'لم', 'لن', 'ليس', 'ليست', 'ليسوا', 'لسنا', 'غير', 'عدم', 'دون', 'بدون', 'not', 'no', 'never', 'without']);

const NUMBER_WORDS = new Set(
  (
    'واحد واحده احد احدي اثنان اثنين اثنتان اثنتين ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه ثمان تسع تسعه عشر عشره ' +
    'عشرون عشرين ثلاثون ثلاثين اربعون اربعين خمسون خمسين مئه مائه مئات الف الاف مليون ملايين مليار ' +
    'اول اولي ثاني ثانيه ثالث ثالثه رابع رابعه خامس خامسه سادس سادسه سابع سابعه ثامن ثامنه تاسع تاسعه عاشر عاشره اخير اخيره ' +
    'يومين يوما ايام اسبوعين اسابيع شهرين اشهر سنتين عامين نصف ربع ثلث مره مرتين ' +
    'one two three four five six seven eight nine ten hundred thousand million billion first second third fourth fifth sixth seventh eighth ninth tenth twice'
  ).split(/\s+/),
);

const DATE_WORDS = new Set([
  ...MONTHS,
  ...'السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه امس غدا monday tuesday wednesday thursday friday saturday sunday yesterday tomorrow today'.split(' '),
]);

/** Countries, capitals, nationalities and common given names: a change between two of these swaps who or where. */
const NAME_WORDS = new Set(
  (
    'سوريا سوريه روسيا تركيا ايران العراق الاردن لبنان مصر السعوديه قطر الامارات الكويت اليمن ليبيا تونس الجزائر المغرب فلسطين اسرائيل ' +
    'امريكا الصين فرنسا المانيا بريطانيا ايطاليا اسبانيا اليابان الهند باكستان افغانستان كازاخستان اوكرانيا السودان عمان البحرين ' +
    'دمشق موسكو انقره طهران بغداد عمان بيروت القاهره الرياض الدوحه جنيف استانا استانه باريس لندن واشنطن نيويورك برلين بكين ادلب حمص حلب درعا الغوطه ' +
    'سوري روسي تركي ايراني عراقي اردني لبناني مصري سعودي قطري امريكي صيني فرنسي الماني بريطاني كازاخستاني اممي ' +
    'سوريه روسيه تركيه ايرانيه عراقيه امريكيه فرنسيه كازاخستانيه الكازاخستانيه ' +
    'محمد احمد علي حسين حسن عمر خالد بشار اسامه ابو عبد عبدالله يوسف ابراهيم مصطفي سامي سعيد محمود فاطمه عائشه مريم زينب ' +
    'سلمان فيصل حمد تميم رجب فلاديمير بوتين اردوغان ترامب بايدن ماكرون ' +
    'russia turkey iran syria jordan egypt iraq lebanon israel america china france germany britain geneva astana moscow ankara tehran damascus paris london'
  ).split(/\s+/),
);

/** The word without a leading و/ف/ب/ل/ك and article: "وبالجولة" → "جوله", "الرابعه" → "رابعه". */
export function bare(term: string): string {
  let w = term;
  if (w.length > 3 && 'وف'.includes(w[0]!)) w = w.slice(1);
  if (w.length > 3 && 'بلك'.includes(w[0]!)) w = w.slice(1);
  if (w.length > 3 && w.startsWith('ال')) w = w.slice(2);
  else if (w.length > 3 && w.startsWith('ل') && w[1] === 'ل') w = w.slice(2);
  return w;
}

const inList = (list: Set<string>, term: string) => list.has(term) || list.has(bare(term)) || list.has('ال' + bare(term));
const isNumber = (term: string) => /\d/.test(term) || inList(NUMBER_WORDS, term);
export const isNegation = (term: string) => NEGATIONS.has(term) || NEGATIONS.has(term.replace(/^[وف]/, ''));

/**
 * Names the kind of a change from the (normalized) words on each side: negation when exactly one
 * side negates, then number, date, name. Null when no list makes it clear.
 */
export function changeKind(quoteTerms: string[], documentTerms: string[]): ChangeKind | null {
  const negates = (terms: string[]) => terms.some(isNegation);
  if (negates(quoteTerms) !== negates(documentTerms)) return 'negation';
  const all = [...quoteTerms, ...documentTerms];
  // Weekdays with their article first: "الاثنين" is Monday, "اثنين" is two.
  if (all.some((t) => DATE_WORDS.has(t) || DATE_WORDS.has(t.replace(/^[وفبل]/, '')))) return 'date';
  if (all.some(isNumber)) return 'number';
  if (all.some((t) => inList(NAME_WORDS, t))) return 'name';
  return null;
}
