/**
 * MSA words of the news register with the near-synonym a paper may write instead (أخفقت / فشلت, مندوب / ممثل, بثّت /
 * أذاعت), in the colloquial lexicon's formats (dialect-lexicon.ts builds one table of them). Like the colloquial
 * words they are only offered as readings of a question word the collection does not use as written, so a text that
 * uses the question's own word keeps it. General usage only, each pair one a reader would use for the other in any
 * news story; in normalized spelling (أ→ا, ة→ه, ى→ي, ئ→ي).
 */

/** [past, imperfect stem, other past, other imperfect stem, other feminine past]: as COLLOQUIAL_VERBS. */
export const NEWS_VERBS: ReadonlyArray<readonly [string, string, string, string, string?]> = [
  ['اخفق', 'خفق', 'فشل', 'فشل'], // fail
  // broadcast (not نشر, which is also to publish a book, xquad-dev's sense)
  ['بث', 'بث', 'اذاع', 'ذيع', 'اذاعت'],
  ['تراس', 'تراس', 'راس', 'راس'], // chair, head (يترأس / يرأس)
  ['بحث', 'بحث', 'ناقش', 'ناقش'], // discuss
  ['تحادث', 'تحادث', 'تحدث', 'تحدث'], // talk with
  ['اعرب', 'عرب', 'عبر', 'عبر'], // express (أعرب عن / عبّر عن)
  ['استانف', 'ستانف', 'واصل', 'واصل'], // resume, carry on
  ['استغرق', 'ستغرق', 'استمر', 'ستمر'], // take (time): كم تستغرق = كم تستمر
  ['ضم', 'ضم', 'شمل', 'شمل'], // include, comprise (تضم المناطق = تشمل المناطق)
  ['تزعم', 'تزعم', 'قاد', 'قود', 'قادت'], // lead (يتزعم الوفد = يقود الوفد)
  ['التام', 'لتيم', 'اجتمع', 'جتمع'], // convene (التأم الاجتماع، تلتئم الأطراف = تجتمع)
  ['توافق', 'توافق', 'اتفق', 'تفق'], // agree (توافق الطرفان على = اتفقا على)
];

/** [word, other word]: as COLLOQUIAL_NOUNS (the article added to both when the word is listed without it). */
export const NEWS_NOUNS: ReadonlyArray<readonly [string, string]> = [
  ['اخفاق', 'فشل'], // failure
  ['مندوب', 'ممثل'], ['مندوبه', 'ممثله'], ['مندوبين', 'ممثلين'], ['مندوبون', 'ممثلون'], ['مندوبو', 'ممثلو'], // envoy, representative
  ['فنيه', 'تقنيه'], // technical (المحادثات الفنية; not فني, also "a technician")
  ['رجوع', 'عوده'], // return
  ['غرض', 'هدف'], // purpose
  ['مسوده', 'مشروع'], // draft
  ['تنحي', 'رحيل'], // stepping down
  ['امتداد', 'طول'], // along (على امتداد الحدود = على طول الحدود)
  ['اقامه', 'انشاء'], // setting up (إقامة مناطق = إنشاء مناطق)
  ['موالي', 'تابع'], ['مواليه', 'تابعه'], // loyal to, affiliated with (الميليشيات الموالية / التابعة لإيران)
  ['تهديه', 'هدنه'], // calm, truce (التهدئة / الهدنة)
  ['ترسيخ', 'تعزيز'], // consolidating (ترسيخ الهدنة = تعزيزها)
  ['تخوم', 'حدود'], // borders, edges
  ['انفراد', 'منفصل'], // apart, separately (اجتمع على انفراد = اجتماعات منفصلة)
  ['متحاربه', 'متنازعه'], ['متحاربين', 'متنازعين'], // warring (الأطراف المتحاربة / المتنازعة)
  ['مختص', 'خبير'], ['مختصون', 'خبراء'], ['مختصين', 'خبراء'], // specialists, experts
  ['امضاء', 'توقيع'], // signing (the noun only: the verb أمضى is also to spend time)
  ['بعثه', 'وفد'], ['بعثات', 'وفود'], // mission, delegation (البعثة الروسية = الوفد الروسي)
  ['ناطق', 'متحدث'], ['ناطقه', 'متحدثه'], // spokesman (الناطق باسم = المتحدث باسم)
  ['كافل', 'ضامن'], ['كافله', 'ضامنه'], ['كافلين', 'ضامنين'], // guarantor (الدول الكافلة = الضامنة)
  ['تهكم', 'سخريه'], // mockery, sarcasm
];

/**
 * [verb form, other word]: single forms of a verb read as another word (not every person, as NEWS_VERBS gives), so
 * taken as written, never with the article NEWS_NOUNS get.
 */
export const NEWS_VERB_FORMS: ReadonlyArray<readonly [string, string]> = [
  // stop, suspend (أوقفت / علّقت مشاركتها): past only, the imperfect توقف is also "a halt"
  ['اوقف', 'علق'], ['اوقفت', 'علقت'],
  // support (تؤيد / تساند): the imperfect and feminine past only, the past أيد being also "hands"
  ['يويد', 'يساند'], ['تويد', 'تساند'], ['ايدت', 'ساندت'],
  // stand in for (ينوب عن تركيا = يمثل تركيا): the imperfect only, the past ناب being also "fang"
  ['ينوب', 'يمثل'], ['تنوب', 'تمثل'],
  // be absent, stay away: a paper writes who did not take part (لم تشارك), so absence is searched by the taking part the
  // text negates. Single forms: every person of غاب would read غابة "forest" (غابه) as taking part, as on xquad-dev.
  ['غابت', 'شاركت'], ['يغيب', 'يشارك'], ['تغيب', 'تشارك'], ['تغيبت', 'شاركت'], ['يتغيب', 'يشارك'], ['تتغيب', 'تشارك'],
  ['بحثت', 'مناقشه'], // discussed / the discussion of (تمت مناقشة)
  // expected (يُنتظر أن = من المتوقع أن)
  ['ينتظر', 'متوقع'], ['ينتظر', 'يتوقع'], ['تنتظر', 'متوقع'], ['تنتظر', 'تتوقع'],
];

/**
 * Words of the news register a paper writes beside each other for one sense (لقاءات / اجتماعات, يقود / يرأس الوفد, الهدنة
 * / وقف إطلاق النار). Unlike the readings above, both words are common, so the collection usually knows the asked word
 * too and a reading would never be offered: the other word is searched as an alternative of the asked one
 * (query-terms.ts), the passage scoring the better of the two. [asked word, other word(s), 'both' when the other word
 * asked also means the first]; one way where the other word has a second sense a question may mean.
 */
export const NEWS_ALTERNATIVES: ReadonlyArray<readonly [string, string, 'both'?]> = [
  ['لقاء', 'اجتماع'], // meeting; not back: الاجتماعية (social) is analysed as اجتماع too
  // lead → head (a delegation): one way, يرأس is also to chair or preside (a session, a state), where يقود does not fit;
  // the present and "headed by" only, the past رأس being also the noun "head"
  ['يقود', 'يرأس'], ['تقود', 'ترأس'], ['بقيادة', 'برئاسة'],
  ['مسلح', 'عسكري'], // armed → military (المعارضة المسلحة / العسكرية); not back: العسكري is also a state's army
  ['يدعم', 'يساند', 'both'], ['تدعم', 'تساند', 'both'], ['دعمت', 'ساندت', 'both'], // support
  ['هدنة', 'وقف إطلاق النار'], // truce
];

const alternativeTables = new WeakMap<(text: string) => string[], ReadonlyMap<string, string[][]>>();
/**
 * NEWS_ALTERNATIVES by analyzed term: each news word (one term) → its other words' terms, as `analyze` (analyze.ts, passed
 * in: it reads this file's tables through lexicon-forms.ts) gives them. One table for the retrieval that searches the
 * alternatives (query-terms.ts) and for lexicon-forms.ts, which leaves such a word under clitics to it.
 */
export function newsAlternativeTerms(analyze: (text: string) => string[]): ReadonlyMap<string, string[][]> {
  const built = alternativeTables.get(analyze);
  if (built) return built;
  const table = new Map<string, string[][]>();
  const add = (from: string[], to: string[]) => {
    if (from.length === 1 && to.length > 0) table.set(from[0]!, [...(table.get(from[0]!) ?? []), to]);
  };
  for (const [asked, other, both] of NEWS_ALTERNATIVES) {
    add(analyze(asked), analyze(other));
    if (both) add(analyze(other), analyze(asked));
  }
  alternativeTables.set(analyze, table);
  return table;
}

/** Bodies the news names by what they are, in two words (المنظمة الدولية, "the international organisation"), with their names. */
const NAMED_BODIES: ReadonlyMap<string, string> = new Map([
  ['المنظمه الدوليه', 'الامم المتحده'], ['المنظمه الامميه', 'الامم المتحده'],
]);

/** The name of the body two question words describe (المنظمة الدولية, للمنظمة الأممية → الأمم المتحدة), or undefined. */
export function namedBody(first: string, second: string): string | undefined {
  return NAMED_BODIES.get(`${first.replace(/^[وف]?(?:لل|بال|ال)/, 'ال')} ${second}`);
}
