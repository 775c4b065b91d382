import { readQuestion } from '../../src/retrieve/question.js';
import { analyzeQuestion } from '../../src/text/analyze.js';

/** The words a question searches, each as its first stem, after the question is read as a user typed it. */
export const askedStems = (question: string) => analyzeQuestion(readQuestion(question).search).map((w) => w.stems[0]);
