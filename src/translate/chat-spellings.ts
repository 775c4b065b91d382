/**
 * English as typed in chat, read as the words a dictionary lists: contractions written without their
 * apostrophe (whats, dont), common shortenings (govt, intl, ppl, yrs, opp, deleg, conf), a capitalized US (the country, not the
 * pronoun), and the particles of foreign and Arabic names (de Mistura, al-Nusra), which the dictionary
 * reads as other words (de → Delaware, al → Alabama) while Arabic text writes them apart or not at all.
 * General English only: nothing here is about one collection.
 */
import { wordTable } from './word-table.js';

const SHORTENED = wordTable(
  'wat:what wut:what whats:what_is whos:who_is wheres:where_is whens:when_is whys:why_is hows:how_is thats:that_is ' +
    'theres:there_is heres:here_is dont:do_not doesnt:does_not didnt:did_not isnt:is_not arent:are_not ' +
    'wasnt:was_not werent:were_not cant:can_not couldnt:could_not wouldnt:would_not shouldnt:should_not ' +
    'hasnt:has_not havent:have_not hadnt:had_not im:i_am ive:i_have u:you ur:your r:are pls:please ' +
    'plz:please thx:thanks abt:about bc:because cuz:because coz:because bcoz:because tho:though thru:through ' +
    'govt:government gov:government intl:international natl:national dept:department pres:president ' +
    'info:information ppl:people yr:year yrs:years hrs:hours mins:minutes tmrw:tomorrow ' +
    'tmr:tomorrow yday:yesterday approx:approximately msg:message vs:against w:with ' +
    'opp:opposition deleg:delegation delegs:delegations conf:conference hq:headquarters rep:representative ' +
    'reps:representatives gonna:going_to wanna:want_to',
);

/** Name particles: the name is matched by its other words (دي ميستورا, النصرة). */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'du', 'al', 'el', 'von']);

/** The words a typed word stands for: itself, its spelled-out form, or nothing for a name particle. */
export function asDictionaryWords(word: string): string[] {
  // Capitals mark the country (US, U.S. is split by the tokenizer into letters and left alone).
  if (word === 'US') return ['USA'];
  const lower = word.toLowerCase();
  if (NAME_PARTICLES.has(lower)) return [];
  // A word in capitals is an abbreviation of its own (BC, IM), not a chat spelling.
  const long = word.length > 1 && word === word.toUpperCase() ? undefined : SHORTENED.get(lower);
  return long === undefined ? [word] : long.split(' ');
}
