/** What Verify quote tells a user about one quote: where it comes from and what was changed. */

export type Verdict = 'verbatim' | 'altered' | 'not_found';

/** The kind of a change, when it is clear from the words themselves. */
export type ChangeKind = 'number' | 'date' | 'name' | 'negation';

/**
 * One difference between the quote and the document. `replace`: the quote says `quote` where the
 * document says `document`; `insert`: the quote adds `quote`; `delete`: the quote drops `document`.
 * Both strings are slices of the quote and of the document as written.
 */
export interface QuoteChange {
  op: 'replace' | 'insert' | 'delete';
  quote: string;
  document: string;
  kind: ChangeKind | null;
}

/** The place in the documents a quote was aligned to. `text === file.slice(start, end)`. */
export interface QuoteMatch {
  source: string;
  start: number;
  end: number;
  /** 1-based line of `start` and of the last character. */
  line: number;
  endLine: number;
  /** Pages of `start` and of the last character, for a paged document (PDF): the lines count within them. */
  page?: number;
  endPage?: number;
  text: string;
  /** Ids of the passages the span covers, in document order (more than one when it crosses a boundary). */
  passageIds: string[];
}

/**
 * The document text of the match with the quote's differences marked: `same` parts are the
 * document as written, `document` parts are document words the quote changed or dropped,
 * `quote` parts are the quote's words that the document does not have.
 */
export interface DiffPart {
  kind: 'same' | 'document' | 'quote';
  text: string;
}

export interface VerifyResult {
  /** The quoted text that was checked (one quote of the message, markup removed). */
  quote: string;
  verdict: Verdict;
  /** Verbatim only: true when the words match but are written differently (diacritics, hamza, ى/ي, ة/ه…). */
  spellingDiffers: boolean;
  match: QuoteMatch | null;
  /** 0..1, weighted share of words the quote and the matched place have in common. */
  similarity: number;
  changes: QuoteChange[];
  diff: DiffPart[];
}
