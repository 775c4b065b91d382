/**
 * Scaffolding of English questions: words that say what kind of answer is wanted rather than what the passage says,
 * but that translate as content words and then match passages about something else.
 * - Phrases that name whose word a question asks for (according to Reuters, as per the agency): FreeDict reads
 *   according as توافق / اتفاق (agreement), which matches every passage about an agreement. The source named after
 *   them stays in the question.
 * - A part of a name (the last name of the player, her first name): the question asks for a name (a function word),
 *   and last / first alone translate as آخر مرة / أول, which every passage about a last or first event has.
 * - How old: asks for an age (العمر), while old alone translates as قديم.
 */
const SOURCE_PHRASE = /\b(?:according|pursuant)\s+to\b|\bas\s+per\b/gi;
const NAME_PART = /\b(?:last|first|full|family|middle|maiden)\s+(?=names?\b)/gi;
const HOW_OLD = /\bhow\s+old\b/gi;

/** The question with its scaffolding removed (a removed phrase's place kept as a space, so words stay apart) or, for
 *  how old, read as the noun it asks for. */
export function withoutScaffolding(question: string): string {
  return question.replace(SOURCE_PHRASE, ' ').replace(NAME_PART, ' ').replace(HOW_OLD, 'what age');
}
