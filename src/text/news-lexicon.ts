/**
 * MSA words of the news register with the near-synonym a paper may write instead (أخفقت / فشلت, مندوب / ممثل, بثّت /
 * أذاعت), in the colloquial lexicon's two formats (dialect-lexicon.ts builds one table of both). Like the colloquial
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
];

/** [word, other word]: as COLLOQUIAL_NOUNS (the article added to both when the word is listed without it). */
export const NEWS_NOUNS: ReadonlyArray<readonly [string, string]> = [
  // stop, suspend (أوقفت / علّقت مشاركتها): past only, the imperfect توقف is also "a halt"
  ['اوقف', 'علق'], ['اوقفت', 'علقت'],
  ['اخفاق', 'فشل'], // failure
  ['مندوب', 'ممثل'], ['مندوبه', 'ممثله'], ['مندوبين', 'ممثلين'], ['مندوبون', 'ممثلون'], ['مندوبو', 'ممثلو'], // envoy, representative
  ['فنيه', 'تقنيه'], // technical (المحادثات الفنية; not فني, also "a technician")
  ['رجوع', 'عوده'], // return
  ['غرض', 'هدف'], // purpose
  ['مسوده', 'مشروع'], // draft
  ['تنحي', 'رحيل'], // stepping down
  ['بحثت', 'مناقشه'], // discussed / the discussion of (تمت مناقشة)
  // expected (يُنتظر أن = من المتوقع أن)
  ['ينتظر', 'متوقع'], ['ينتظر', 'يتوقع'], ['تنتظر', 'متوقع'], ['تنتظر', 'تتوقع'],
];
