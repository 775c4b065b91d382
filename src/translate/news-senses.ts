import { analyze } from '../text/analyze.js';
import { englishCountryNamed } from '../text/country-names.js';
import { lemmaCandidates } from './lemma.js';
import { wordListTable } from './word-table.js';

/**
 * Senses of general news English that FreeDict does not give, and places asked by another name. FreeDict gives one
 * sense per headword, often not the one news is written in: round → الدورة (news: الجولة), held → محمول (عقد),
 * spokesman → الناطق (المتحدث), countries → البلاد (الدول), faction → الفئة (الفصيل), lead → التقدّم (يقود).
 * A country is asked by its people or its capital (the Russians, the Iranian side, Moscow's proposal), which the
 * dictionary translates as another word or not at all (kazakh, jordanian: no entry); their table is
 * text/country-names.ts, shared with Arabic questions. General usage only, nothing about one collection;
 * english.ts keeps a sense only when the collection writes it (with its other forms).
 */

/** word → senses as news Arabic writes them (comma between senses). A word with none (meeting:) stops the look-up at
 *  the word as asked: the noun keeps the dictionary's اجتماع, not its verb's news sense (met → التقى). */
const SENSES = wordListTable(
  'round:جولة talks:محادثات,مباحثات,مفاوضات negotiation:مفاوضات,مباحثات hold:عقد country:دولة nation:دولة ' +
    'faction:فصيل,فصائل militia:ميليشيا,ميليشيات,مليشيات spokesman:متحدث spokeswoman:متحدث spokesperson:متحدث ' +
    'reporter:صحفي journalist:صحفي lead:قاد,يقود head:رأس,يرأس,رئاسة chair:يرأس,رئاسة official:رسمي next:مقبل ' +
    'tell:قال,ذكر time:ساعة leave:غادر,ترك end:انتهى finish:انتهى armed:مسلح rebel:متمرد ' +
    'authority:سلطات envoy:مبعوث,موفد mediator:وسيط,وساطة paper:وثيقة media:إعلام host:استضاف,يستضيف ' +
    'side:طرف,جانب settlement:تسوية sign:وقع,توقيع military:عسكري safe:آمن broadcast:أذاع,بث remark:تصريح ' +
    'statement:تصريح news:أنباء sponsor:راع,راعية,رعاية prepare:أعد,إعداد establish:أنشأ,إنشاء establishment:إنشاء ' +
    'arrive:وصل,وصول table:طاولة back:دعم,ساند,يساند monitor:رصد,مراقبة consultation:مشاورات,تشاور ' +
    'rebel:متمرد,فصيل,فصائل,مسلح participation:مشاركة attend:شارك,حضر ' +
    'met,meet,meets:التقى,التقت,يلتقي meeting,meetings: chat:حديث,تحدث include:شمل,يشمل,تشمل',
);

/** Weight of a sense or a country from these tables: a usual second sense (DEFAULT_TRANSLATION.senseDecay). */
export const NEWS_SENSE_WEIGHT = 0.85;

/** Whether a word is a people's or a capital's name: asked whole, never split as a compound (jordan + ian). */
export function isPlaceName(word: string): boolean {
  return englishCountryNamed(placeKey(word)) !== undefined;
}

const placeKey = (word: string) => word.toLowerCase().replace(/['’]s?$/, '');

type Alternative = { terms: string[]; weight: number };

export interface NewsLookup {
  /** A headword's translations as alternatives, with their other forms in the collection. */
  translate: (headword: string) => Alternative[];
  /** Alternatives with their other forms in the collection added. */
  withForms: (alternatives: Alternative[]) => Alternative[];
  /** Whether the collection has a term. */
  known: (term: string) => boolean;
}

/**
 * A word's news senses and (when `countryWanted`) the country its people or capital stands for, those the collection
 * writes, at NEWS_SENSE_WEIGHT: added beside the dictionary's own senses, not instead (the question may mean either).
 */
export function newsAlternatives(word: string, countryWanted: boolean, lookup: NewsLookup): Alternative[] {
  const country = englishCountryNamed(placeKey(word));
  if (country !== undefined && !countryWanted) return [];
  const senses = country !== undefined ? lookup.translate(country)
    : lookup.withForms(findSenses(word).map((s) => ({ terms: analyze(s), weight: 1 })).filter((a) => a.terms.length > 0));
  return senses.filter((a) => a.terms.every(lookup.known)).map((a) => ({ terms: a.terms, weight: a.weight * NEWS_SENSE_WEIGHT }));
}

function findSenses(word: string): string[] {
  for (const form of [word.toLowerCase(), ...lemmaCandidates(word)]) {
    const found = SENSES.get(form);
    if (found) return found;
  }
  return [];
}
