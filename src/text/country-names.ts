/**
 * A country named by its people or its capital, as news and chat both do (الأتراك, أنقرة for تركيا; الأمريكان,
 * واشنطن for الولايات المتحدة; موسكو for the Russian government). A text may say the country where a question says
 * its people, or the other way round, so the country's own words are searched beside the word as written
 * (questionTerms). Adjectives (التركي, الروسية) are not listed: a text writes them as adjectives, and the light
 * stemmer already meets them (الروس / الروسية). Normalized spelling (أ→ا, ة→ه, ى→ي), without the article.
 */
import { isArabicWord } from './language.js';

const COUNTRIES: ReadonlyArray<readonly [country: string, names: string]> = [
  ['روسيا', 'روس موسكو'],
  ['تركيا', 'اتراك انقره'],
  ['ايران', 'ايرانيين ايرانيون طهران'],
  // Not bare امريكي: an adjective (الوفد الأمريكي), as above.
  ['الولايات المتحده', 'امريكا اميركا امريكان اميركان ميريكان مريكان امريكيين امريكيون اميركيين اميركيون واشنطن'],
  ['سوريا', 'سوريين سوريون دمشق'],
  ['الاردن', 'اردنيين اردنيون'],
  ['كازاخستان', 'كازاخ'],
  ['مصر', 'مصريين مصريون قاهره'],
  ['السعوديه', 'سعوديين سعوديون'],
  ['العراق', 'عراقيين عراقيون بغداد'],
  ['لبنان', 'لبنانيين لبنانيون بيروت'],
  ['فرنسا', 'فرنسيين فرنسيون باريس'],
  ['بريطانيا', 'بريطانيين بريطانيون انجليز انكليز لندن'],
  ['الصين', 'صينيين صينيون بكين'],
  ['المانيا', 'المان برلين'],
];

const BY_NAME: ReadonlyMap<string, string[]> = new Map(
  COUNTRIES.flatMap(([country, names]) => names.split(' ').map((name) => [name, country.split(' ')] as const)),
);

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
