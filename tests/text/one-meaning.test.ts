import { describe, expect, it } from 'vitest';
import { searched } from '../helpers/lexical-search.js';
import { analyzeQuestion } from '../../src/text/analyze.js';
import { readLatinWords } from '../../src/text/arabizi.js';
import { dialectReadingsOf } from '../../src/text/dialect-readings.js';

/**
 * One definition per meaning in src/text (eval/JOURNAL.md, round 24): where a shared list now serves a caller that
 * lacked one of its cases, that caller reads the case like the others.
 */

describe('one list of tense prefixes', () => {
  it('knows Moroccan Arabizi kaye7ki as the lexicon verb under كـ, not as the collection word nearest its spelling', () => {
    const rewritten = readLatinWords('chkoun kaye7ki m3a el wafd?', (spellings) => (spellings[0]!.startsWith('ك') ? 'كايد' : null));
    expect(rewritten).toContain('كيحكي');
    expect(rewritten).not.toContain('كايد');
  });
});

describe('one list of tense particles', () => {
  it('reads the light verb after the plural غاديين as the frame of the question, as after غادي', () => {
    const stems = (q: string) => analyzeQuestion(q).flatMap((w) => w.stems);
    expect(stems('شنو غادي يديرو الفصائل؟')).not.toContain('يديرو');
    expect(stems('شنو غاديين يديرو الفصائل؟')).not.toContain('يديرو');
  });
});

describe('one list of pronoun endings', () => {
  it('reads a plural verb with the feminine "you" (ـوكن) as its MSA word, like ـوكم', () => {
    expect(dialectReadingsOf('يشوفوكم').msa).toContain('يري');
    expect(dialectReadingsOf('يشوفوكن').msa).toContain('يري');
  });
});

describe('the news future of a chat plural', () => {
  it('finds the passage that writes سيمثل for رح يمثلو', () => {
    const passages = ['تمثل المعارضة فصائل عسكرية في الجولة المقبلة', 'سيمثل محمد علوش المعارضة في الجولة المقبلة'];
    expect(searched(passages, 'مين رح يمثلو المعارضة بالجولة الجاية؟')[0]).toBe(1);
  });
});
