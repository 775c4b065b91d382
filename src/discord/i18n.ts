/** UI strings, in the language `detectLang` (src/text/language.ts) picks from the user's text. Pure. */
import type { Lang } from '../text/language.js';

const strings = {
  question: { en: 'Question', ar: 'السؤال' },
  answerIntro: { en: 'Passages from the documents, quoted exactly:', ar: 'مقاطع من الوثائق، منقولة بنصها:' },
  confidencehigh: { en: 'Confidence: high', ar: 'الثقة: عالية' },
  confidencemedium: { en: 'Confidence: medium', ar: 'الثقة: متوسطة' },
  confidencelow: { en: 'Confidence: low', ar: 'الثقة: منخفضة' },
  notAnswered: {
    en: 'I found nothing in the documents that answers this question.',
    ar: 'لم أجد في الوثائق ما يجيب عن هذا السؤال.',
  },
  closestLabel: {
    en: 'Nearest passages — **not an answer**, shown only for reference:',
    ar: 'أقرب المقاطع — **ليست إجابة**، للاطلاع فقط:',
  },
  postButton: { en: 'Post passage {n} to channel', ar: 'انشر المقطع {n} في القناة' },
  postedBy: { en: 'Shared by {user}', ar: 'شاركه {user}' },
  line: { en: 'line', ar: 'line' },
  page: { en: 'page', ar: 'page' },
  lines: { en: 'lines', ar: 'lines' },
  cooldown: {
    en: 'Please wait: you can use {command} again {when} (in {seconds} s).',
    ar: 'يُرجى الانتظار: يمكنك استخدام {command} مجددًا {when} (بعد {seconds} ث).',
  },
  forbidden: {
    en: 'You need the Manage Server permission to run /{command}.',
    ar: 'تحتاج إلى صلاحية «إدارة الخادم» لتشغيل ‎/{command}.',
  },
  guildOnly: { en: 'This command only works in a server.', ar: 'هذا الأمر يعمل داخل الخوادم فقط.' },
  reindexRunning: {
    en: 'A reindex is already running; wait for it to finish.',
    ar: 'إعادة الفهرسة جارية بالفعل؛ انتظر حتى تنتهي.',
  },
  reindexStarted: { en: 'Reindexing… the current index keeps answering meanwhile.', ar: 'تجري إعادة الفهرسة… يستمر الفهرس الحالي في الإجابة أثناء ذلك.' },
  reindexDone: { en: 'Reindex finished', ar: 'انتهت إعادة الفهرسة' },
  reindexChanges: {
    en: '{added} added, {changed} changed, {removed} removed, {unchanged} unchanged',
    ar: 'الملفات: {added} مضافة، {changed} معدّلة، {removed} محذوفة، {unchanged} دون تغيير',
  },
  reindexNothingChanged: { en: 'nothing changed', ar: 'لم يتغيّر شيء' },
  reindexUnsupported: { en: 'not read, not supported yet: {list}', ar: 'لم تُقرأ، غير مدعومة بعد: {list}' },
  noExtension: { en: 'no extension', ar: 'بلا امتداد' },
  verbatim: { en: '✅ Verbatim', ar: '✅ مطابق حرفيًا' },
  verbatimSpelling: {
    en: '✅ Verbatim (ignoring diacritics and spelling)',
    ar: '✅ مطابق حرفيًا (مع تجاهل التشكيل والإملاء)',
  },
  altered: { en: '⚠️ Altered: the documents say something else', ar: '⚠️ محرَّف: النص في الوثائق مختلف' },
  notFound: { en: '❌ Not found in the documents', ar: '❌ غير موجود في الوثائق' },
  notFoundDetail: { en: 'Nothing in the documents is close to this quote.', ar: 'لا شيء في الوثائق قريب من هذا الاقتباس.' },
  quotesChecked: { en: '{n} quotes checked:', ar: 'تم التحقق من {n} اقتباسات:' },
  diffLegend: {
    en: '~~struck~~: in the quote, not in the documents · **bold**: what the documents say',
    ar: '~~المشطوب~~: في الاقتباس وليس في الوثائق · **العريض**: ما تقوله الوثائق',
  },
  kind_number: { en: 'number', ar: 'رقم' },
  kind_date: { en: 'date', ar: 'تاريخ' },
  kind_name: { en: 'name', ar: 'اسم' },
  kind_negation: { en: 'negation', ar: 'نفي' },
  correctionButton: { en: 'Post correction {n} to channel', ar: 'انشر التصحيح {n} في القناة' },
  correctionBy: { en: 'Correction shared by {user}: the documents say', ar: 'تصحيح شاركه {user}: النص في الوثائق' },
  emptyMessage: { en: 'That message has no text to verify.', ar: 'لا تحتوي هذه الرسالة على نص للتحقق منه.' },
  documents: { en: 'Documents', ar: 'الوثائق' },
  passages: { en: 'passages', ar: 'مقاطع' },
  noDocuments: { en: 'No documents are indexed.', ar: 'لا توجد وثائق مفهرسة.' },
  docsAdded: { en: '✅ Added {name}: {what}', ar: '✅ تمت إضافة {name}: {what}' },
  docsPagesOne: { en: '{n} page, ', ar: '{n} صفحة، ' },
  docsPagesMany: { en: '{n} pages, ', ar: '{n} صفحة، ' },
  docsPassagesOne: { en: '{n} passage', ar: '{n} مقطعًا' },
  docsPassagesMany: { en: '{n} passages', ar: '{n} مقطعًا' },
  docsRemoved: { en: "🗑️ Removed {name} from this server's index.", ar: '🗑️ حُذف {name} من فهرس هذا الخادم.' },
  docsNone: { en: 'This server has no documents yet: add one with /docs add.', ar: 'لا وثائق لهذا الخادم بعد: أضف واحدة بـ /docs add.' },
  docsListHead: { en: "📚 This server's documents ({count}) — page {page}/{pages}", ar: '📚 وثائق هذا الخادم ({count}) — صفحة {page}/{pages}' },
  privateOnly: {
    en: '🔒 You cannot send messages or embed links in this channel, so only you can see this.',
    ar: '🔒 لا يمكنك إرسال الرسائل أو تضمين الروابط في هذه القناة، لذا لا يرى هذا أحد غيرك.',
  },
  shuttingDown: { en: 'The bot is restarting; try again in a moment.', ar: 'يُعاد تشغيل البوت؛ حاول بعد قليل.' },
  errorPrefix: { en: 'Something went wrong', ar: 'حدث خطأ' },
  passageGone: {
    en: 'That passage is no longer in the index (the documents changed); ask again.',
    ar: 'لم يعد هذا المقطع في الفهرس (تغيّرت الوثائق)؛ اسأل من جديد.',
  },
  unknownPassageId: { en: 'No passage has that id; pick one from the suggestions.', ar: 'لا يوجد مقطع بهذا المعرّف؛ اختر واحدًا من الاقتراحات.' },
  unknownDocument: {
    en: 'No document has that name; pick one from the suggestions or run /source.',
    ar: 'لا توجد وثيقة بهذا الاسم؛ اختر واحدة من الاقتراحات أو شغّل ‎/source.',
  },
  lineBeyondDocument: { en: 'That document has no text at that line; it is shorter.', ar: 'لا نص في هذه الوثيقة عند هذا السطر؛ فهي أقصر من ذلك.' },
  statusPassages: { en: 'Passages', ar: 'المقاطع' },
  statusSkipped: { en: 'Skipped files', ar: 'ملفات متخطاة' },
  statusModel: { en: 'Model', ar: 'النموذج' },
  statusLoaded: { en: 'loaded', ar: 'محمّل' },
  statusLexical: { en: 'lexical-only', ar: 'بحث معجمي فقط' },
  statusDimensions: { en: '{n} dims', ar: '{n} بُعدًا' },
  statusBuilt: { en: 'Index built', ar: 'بُني الفهرس' },
  statusNeverBuilt: { en: 'never built', ar: 'لم يُبنَ بعد' },
  statusReindexing: { en: 'Reindex running', ar: 'إعادة فهرسة جارية' },
  statusVersion: { en: 'Version', ar: 'الإصدار' },
  statusEnglish: { en: 'English questions', ar: 'الأسئلة بالإنجليزية' },
  statusViaDictionary: { en: 'via the dictionary', ar: 'عبر القاموس' },
  statusViaModel: { en: 'via the model', ar: 'عبر النموذج' },
  yes: { en: 'yes', ar: 'نعم' },
  no: { en: 'no', ar: 'لا' },
  reindexCounts: {
    en: 'files {files} · passages {passages} · embedded {embedded} · reused {reused} · skipped {skipped}',
    ar: 'الملفات {files} · المقاطع {passages} · متجهات محسوبة {embedded} · متجهات معاد استخدامها {reused} · متخطاة {skipped}',
  },
  lexicalOnly: { en: 'lexical-only', ar: 'بحث معجمي فقط' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof strings;

export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return strings[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** The language of Discord's client locale ("ar", "ar-SA" → Arabic), for replies with no user text to detect it from. */
export function langOfLocale(locale: string): Lang {
  return locale.startsWith('ar') ? 'ar' : 'en';
}
