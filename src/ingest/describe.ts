import { DOCUMENT_EXTENSIONS } from './reader.js';
import type { FileChanges, ReindexSummary } from '../types.js';

/** "1 file", "2 files". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "3 added, 1 changed, 2 removed, 3534 unchanged", or "nothing changed". */
export function describeChanges(summary: Pick<ReindexSummary, 'changes' | 'nothingChanged'>): string {
  if (summary.nothingChanged) return 'nothing changed';
  const c: FileChanges = summary.changes;
  return `${c.added} added, ${c.changed} changed, ${c.removed} removed, ${c.unchanged} unchanged`;
}

/** "2 .pdf files, 1 .docx file": unsupported files by extension, most first; null when there are none. */
export function listUnsupported(unsupported: Record<string, number>): string | null {
  const parts = Object.entries(unsupported)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([extension, count]) => (extension === '' ? `${plural(count, 'file')} without an extension` : `${count} ${extension} ${count === 1 ? 'file' : 'files'}`));
  return parts.length === 0 ? null : parts.join(', ');
}

/** The one warning about them: "2 .pdf files skipped: not supported yet (…)". */
export function describeUnsupported(unsupported: Record<string, number>): string | null {
  const list = listUnsupported(unsupported);
  return list === null ? null : `${list} skipped: not supported yet (Isnad reads ${DOCUMENT_EXTENSIONS.join(', ')})`;
}
