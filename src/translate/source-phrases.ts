/**
 * Phrases that name whose word a question asks for (according to Reuters, as per the agency) carry no content of
 * their own, but their head word translates as another one: FreeDict reads according as توافق / اتفاق (agreement),
 * which then matches every passage about an agreement. The source named after them stays in the question.
 */
const SOURCE_PHRASE = /\b(?:according|pursuant)\s+to\b|\bas\s+per\b/gi;

/** The question with its source phrases removed (their place kept as a space, so words stay apart). */
export function withoutSourcePhrases(question: string): string {
  return question.replace(SOURCE_PHRASE, ' ');
}
