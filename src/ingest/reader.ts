/**
 * Turning a file's bytes into the text that is chunked and quoted. Each format gets one reader;
 * `.txt`/`.md` is the first. The manifest records every reader's version, so upgrading a reader
 * (a better PDF extractor, say) makes the next open reindex instead of serving text from the old one.
 * Citations are checked against the same reader's output, never against a second decoder.
 */
import { docxReader } from './readers/docx.js';
import { htmlReader } from './readers/html.js';
import { pdfReader } from './readers/pdf.js';

export type { DocumentReader, ReadRefusal, ReadText, RefusalCode } from './readers/reader-types.js';
import type { DocumentReader } from './readers/reader-types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Plain text and Markdown, UTF-8; a leading BOM is dropped, nothing else changes. */
export const plainTextReader: DocumentReader = {
  name: 'plain-text',
  extensions: ['.txt', '.md'],
  version: 1,
  async read(bytes) {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      return { reason: 'UTF-16 encoded; re-save it as UTF-8' };
    }
    if (bytes.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { reason: 'not valid UTF-8; re-save it as UTF-8' };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  },
};

const READERS: readonly DocumentReader[] = [plainTextReader, pdfReader, docxReader, htmlReader];

export const DOCUMENT_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

/** The reader for a file name (by extension, case-insensitive), or undefined when no reader takes it. */
export function readerFor(fileName: string): DocumentReader | undefined {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot).toLowerCase();
  return READERS.find((r) => r.extensions.includes(extension));
}

/** What the manifest records: reader name → version. */
export function readerVersions(): Record<string, number> {
  return Object.fromEntries(READERS.map((r) => [r.name, r.version]));
}

/** Why an index built with `recorded` readers must be rebuilt, or null when every reader is unchanged. */
export function readersChanged(recorded: Record<string, number>): string | null {
  for (const reader of READERS) {
    const before = recorded[reader.name];
    if (before !== reader.version) return `document reader ${reader.name} changed (version ${before ?? 'unrecorded'} → ${reader.version})`;
  }
  return null;
}
