import { analyze } from '../text/analyze.js';
import { stripInvisible } from '../text/invisible.js';
import { hasArabicLetters } from '../text/language.js';
import { normalizeWithMap, originalSpan, tokenize } from '../text/normalize.js';
import { lightStems } from '../text/stem.js';
import { confidenceLevel } from '../retrieve/ranker.js';
import { lineLabel } from '../text/lines.js';
import type { Answer } from '../types.js';

const LEVEL_AR = { high: 'عالية', medium: 'متوسطة', low: 'منخفضة' } as const;
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** Wraps the words of `text` whose stem the question also has, without changing any other character. */
export function highlight(text: string, question: string, on: string, off: string): string {
  const wanted = new Set(analyze(question));
  const { text: normalized, map } = normalizeWithMap(text);
  let out = '';
  let at = 0;
  for (const token of tokenize(normalized)) {
    if (!lightStems(token.term).some((stem) => wanted.has(stem))) continue;
    const [start, end] = originalSpan(map, token.start, token.end);
    out += text.slice(at, start) + on + text.slice(start, end) + off;
    at = end;
  }
  return out + text.slice(at);
}

/** A document may hold escape sequences; printed raw they would drive the user's terminal. */
export const printable = stripInvisible;

export function formatAnswer(answer: Answer, options: { color: boolean }): string {
  const on = options.color ? BOLD : '';
  const off = options.color ? RESET : '';
  const arabic = hasArabicLetters(answer.query);
  const lines: string[] = [];
  const list = answer.answered ? answer.results : answer.closest;
  if (!answer.answered) {
    lines.push(
      arabic
        ? 'لا يوجد في الوثائق ما يجيب عن هذا السؤال. (The documents do not answer this question.)'
        : 'The documents do not answer this question. (لا يوجد في الوثائق ما يجيب عن هذا السؤال.)',
    );
    if (list.length > 0) lines.push('', arabic ? 'أقرب المقاطع (ليست إجابات) · closest passages, not answers:' : 'Closest passages (not answers):');
  }
  list.forEach((r, i) => {
    const level = confidenceLevel(r.confidence);
    const sure = arabic ? `الثقة ${Math.round(r.confidence * 100)}% (${LEVEL_AR[level]})` : `confidence ${Math.round(r.confidence * 100)}% (${level})`;
    lines.push('', `${i + 1}. ${printable(r.source)} · ${lineLabel(r)} · ${sure} · id ${r.id}`);
    const text = printable(r.text);
    const body = answer.answered ? highlight(text, answer.query, on, off) : text;
    for (const line of body.split('\n')) lines.push(`   ${line}`);
  });
  if (answer.notice) lines.push('', answer.notice);
  // Each passage is preceded by a blank line; the first one needs none.
  return lines.join('\n').replace(/^\n/, '');
}
