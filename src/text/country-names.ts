/**
 * A country named by its people or its capital, as news and chat both do (الأتراك, أنقرة for تركيا; الأمريكان,
 * واشنطن for الولايات المتحدة; موسكو for the Russian government; "the Russians", "Moscow's proposal"). A text may say
 * the country where a question says its people, or the other way round, so the country's own words are searched
 * beside the word as written: in Arabic questions (questionTerms) and in English ones (translate/news-senses.ts, which
 * translates the country's headword). One table for both languages. Arabic adjectives (التركي, الروسية) are not
 * listed: a text writes them as adjectives, and the light stemmer already meets them (الروس / الروسية). Arabic in
 * normalized spelling (أ→ا, ة→ه, ى→ي), without the article; English in lower case, the country as FreeDict's headword.
 */
import { isArabicWord } from './language.js';

const COUNTRIES: ReadonlyArray<readonly [country: string, names: string, english: string, englishNames: string]> = [
  ['روسيا', 'روس موسكو كرملين', 'russia', 'russian russians moscow kremlin'],
  ['تركيا', 'اتراك انقره', 'turkey', 'turkish turk turks ankara'],
  ['ايران', 'ايرانيين ايرانيون طهران', 'iran', 'iranian iranians tehran'],
  // Not bare امريكي: an adjective (الوفد الأمريكي), as above.
  ['الولايات المتحده', 'امريكا اميركا امريكان اميركان ميريكان مريكان امريكيين امريكيون اميركيين اميركيون واشنطن', 'usa', 'american americans washington'],
  ['سوريا', 'سوريين سوريون دمشق', 'syria', 'syrian syrians damascus'],
  ['الاردن', 'اردنيين اردنيون', 'jordan', 'jordanian jordanians amman'],
  ['كازاخستان', 'كازاخ', 'kazakhstan', 'kazakh kazakhs kazakhstani astana'],
  ['مصر', 'مصريين مصريون قاهره', 'egypt', 'egyptian egyptians cairo'],
  ['السعوديه', 'سعوديين سعوديون', 'saudi', 'saudis riyadh'],
  ['العراق', 'عراقيين عراقيون بغداد', 'iraq', 'iraqi iraqis baghdad'],
  ['لبنان', 'لبنانيين لبنانيون بيروت', 'lebanon', 'lebanese beirut'],
  ['فرنسا', 'فرنسيين فرنسيون باريس', 'france', 'french paris'],
  ['بريطانيا', 'بريطانيين بريطانيون انجليز انكليز لندن', 'britain', 'british london'],
  ['الصين', 'صينيين صينيون بكين', 'china', 'chinese beijing'],
  ['المانيا', 'المان برلين', 'germany', 'german germans berlin'],
  ['اسرائيل', 'اسرائيليين اسرائيليون', 'israel', 'israeli israelis'],
  ['قطر', 'قطريين قطريون', 'qatar', 'qatari qataris doha'],
  ['اليمن', 'يمنيين يمنيون', 'yemen', 'yemeni yemenis'],
  ['ليبيا', 'ليبيين ليبيون', 'libya', 'libyan libyans tripoli'],
  ['افغانستان', 'افغان كابول', 'afghanistan', 'afghan afghans kabul'],
  ['باكستان', 'باكستانيين باكستانيون', 'pakistan', 'pakistani pakistanis islamabad'],
  ['الهند', 'هنود', 'india', 'indian indians'],
  ['اليابان', 'يابانيين يابانيون طوكيو', 'japan', 'japanese tokyo'],
  ['اوكرانيا', 'اوكرانيين اوكرانيون كييف', 'ukraine', 'ukrainian ukrainians kyiv kiev'],
];

const BY_NAME: ReadonlyMap<string, string[]> = new Map(
  COUNTRIES.flatMap(([country, names]) => names.split(' ').map((name) => [name, country.split(' ')] as const)),
);

const BY_ENGLISH_NAME: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([, , english, names]) => names.split(' ').map((name) => [name, english] as const)),
);

/** The dictionary headword of the country an English word (lower case) names by its people or capital, or none. */
export function englishCountryNamed(word: string): string | undefined {
  return BY_ENGLISH_NAME.get(word);
}

/**
 * The words of the country `word` names by its people or capital, or none. `word` is normalized; and (و, ف), a
 * preposition (ب, ل, ك) and the article may be on it (والأتراك, بموسكو, للروس).
 */
export function countryNamed(word: string): string[] {
  if (!isArabicWord(word)) return [];
  const bare = word.replace(/^[وف](?=.{4,})/, '');
  const candidates = [bare, bare.replace(/^[بلك](?=.{4,})/, '')].flatMap((w) => [w, w.replace(/^(?:ال|ل(?=ل))(?=.{3,})/, '')]);
  for (const candidate of candidates) {
    const country = BY_NAME.get(candidate.startsWith('ل') && !BY_NAME.has(candidate) ? candidate.slice(1) : candidate);
    if (country) return country;
  }
  return [];
}
