import { describe, expect, it } from 'vitest';
import { formatAnswer, highlight } from '../../src/cli/format-terminal.js';
import type { Answer } from '../../src/types.js';

const passage = (text: string) => ({ id: 'abc123def456', source: '001.txt', start: 0, end: text.length, line: 3, text, score: 0.9 });

describe('terminal formatting', () => {
  it('highlights the question words without changing any other character', () => {
    const text = 'يرأس وفدُ النظام السوري بشار الجعفري.';
    const marked = highlight(text, 'من يرأس وفد النظام؟', '[', ']');
    expect(marked).toBe('[يرأس] [وفدُ] [النظام] السوري بشار الجعفري.');
    expect(marked.replace(/[[\]]/g, '')).toBe(text);
  });

  it('never cuts a character outside the basic plane in half', () => {
    const marked = highlight('كلمة 𐌰𐌱 أخرى', '𐌰𐌱', '[', ']');
    expect(marked).toBe('كلمة [𐌰𐌱] أخرى');
  });

  it('shows file, line, score and id, and strips terminal control sequences from document text', () => {
    const answer: Answer = { query: 'سؤال', answered: true, results: [passage('نص \u001b[2Jخطير\r')], closest: [], mode: 'lexical' };
    const out = formatAnswer(answer, { color: false });
    expect(out).toContain('1. 001.txt · line 3 · score 0.900 · id abc123def456');
    expect(out).toContain('نص [2Jخطير');
    expect(out).not.toMatch(/[\u001b\r]/);
  });

  it('cites "lines 9–10" for a passage that spans two lines, so the answering sentence is found', () => {
    const twoLines = { ...passage('السطر الأول.\nالسطر الثاني.'), line: 9 };
    const out = formatAnswer({ query: 'سطر', answered: true, results: [twoLines], closest: [], mode: 'lexical' }, { color: false });
    expect(out).toContain('1. 001.txt · lines 9–10 · score');
  });

  it('says plainly when nothing answers and labels the closest passages as not answers', () => {
    const answer: Answer = { query: 'سعر النفط؟', answered: false, results: [], closest: [passage('نص قريب')], mode: 'lexical' };
    const out = formatAnswer(answer, { color: false });
    expect(out.split('\n')[0]).toContain('لا يوجد في الوثائق ما يجيب عن هذا السؤال');
    expect(out).toContain('ليست إجابات');
  });
});
