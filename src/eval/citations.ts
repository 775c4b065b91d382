/** A returned passage as the citation check sees it. */
export interface Citation {
  id: string;
  source: string;
  start: number;
  end: number;
  text: string;
}

export interface CitationError {
  id: string;
  source: string;
  start: number;
  end: number;
  problem: string;
}

/** Why `citation` does not quote `fileText` exactly at start..end, or null when it does. */
export function citationProblem(citation: Citation, fileText: string | null): string | null {
  if (fileText === null) return 'source file is missing or unreadable';
  const { start, end } = citation;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > fileText.length) {
    return `offsets ${start}..${end} are outside the file (length ${fileText.length})`;
  }
  const slice = fileText.slice(start, end);
  if (slice === citation.text) return null;
  let at = 0;
  while (at < slice.length && slice[at] === citation.text[at]) at++;
  return `text differs from the file at ${start}..${end} (first difference at +${at})`;
}

/** Every citation that is not its file sliced at start..end. */
export async function checkCitations(
  citations: Iterable<Citation>,
  read: (source: string) => Promise<string | null>,
): Promise<{ checked: number; errors: CitationError[] }> {
  const errors: CitationError[] = [];
  let checked = 0;
  for (const c of citations) {
    checked++;
    const problem = citationProblem(c, await read(c.source));
    if (problem) errors.push({ id: c.id, source: c.source, start: c.start, end: c.end, problem });
  }
  return { checked, errors };
}
