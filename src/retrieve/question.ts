import { IsnadError } from '../errors.js';
import { stripDirectionMarks, stripInvisible } from '../text/invisible.js';
import { hasWords } from '../text/normalize.js';

export const MAX_QUESTION_CHARS = 1000;

/** Cleans a question for searching and echoing, or throws QUESTION_INVALID with what to do instead. */
export function cleanQuestion(raw: string, maxChars = MAX_QUESTION_CHARS): string {
  // Invisible characters could make an echoed question render as something else.
  const question = stripDirectionMarks(stripInvisible(raw)).replace(/\s+/g, ' ').trim();
  if (question === '') {
    throw new IsnadError('QUESTION_INVALID', 'The question is empty. Type a question, e.g. "من يرأس وفد النظام السوري؟".');
  }
  if (question.length > maxChars) {
    throw new IsnadError('QUESTION_INVALID', `The question is ${question.length} characters long; the limit is ${maxChars}. Shorten it to the key words.`);
  }
  if (!hasWords(question)) {
    throw new IsnadError('QUESTION_INVALID', 'The question has no words (only punctuation, symbols or emoji). Ask with words.');
  }
  return question;
}
