import { lineAt } from '../text/lines.js';
import type { Passage } from '../types.js';
import type { DocumentText } from './documents.js';
import type { QuoteMatch } from './types.js';

/**
 * The document text at [start, end) of `source` with its lines and passages, from the passages of
 * that document (in order). Undefined when the span is not covered or the file changed.
 */
export async function documentSpan(passages: Passage[], start: number, end: number, documentText: DocumentText): Promise<QuoteMatch | undefined> {
  const covering = passages.filter((p) => p.end > start && p.start < end);
  const first = covering[0];
  const last = covering[covering.length - 1];
  if (!first || !last || start < first.start || end > last.end || end <= start) return undefined;
  let text: string;
  if (covering.length === 1) text = first.text.slice(start - first.start, end - first.start);
  else {
    const file = await documentText(first.source);
    if (file === null) return undefined;
    text = file.slice(start, end);
  }
  const lineOf = (p: Passage, offset: number) => p.line + lineAt(p.text, offset - p.start) - 1;
  return {
    source: first.source,
    start,
    end,
    line: lineOf(first, start),
    endLine: lineOf(last, end - 1),
    ...(first.page ? { page: first.page, endPage: last.page ?? first.page } : {}),
    text,
    passageIds: covering.map((p) => p.id),
  };
}
