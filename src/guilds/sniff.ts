import path from 'node:path';
import { IsnadError } from '../errors.js';

/** What the bytes of a file are, by their first bytes and content, never by the name. */
export type SniffedKind = 'pdf' | 'zip' | 'html' | 'text' | 'binary';

export function sniff(bytes: Uint8Array): SniffedKind {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head.includes(0)) return 'binary';
  const text = new TextDecoder('utf-8', { fatal: true });
  try {
    text.decode(bytes);
  } catch {
    return 'binary';
  }
  const start = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  return 'text';
}

/** Which sniffed kind each accepted extension must have. Formats read by src/ingest are added here too. */
export const UPLOAD_KINDS: Record<string, SniffedKind[]> = {
  '.txt': ['text'],
  '.md': ['text'],
};

const MAX_NAME = 100;

/**
 * A name safe to store under: no folders, no control or bidi-override characters, no leading dot,
 * an accepted extension. Refuses (rather than silently rewrites) names that try to leave the folder.
 */
export function cleanFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) {
    throw new IsnadError('FILE_NAME_INVALID', 'The file name has control or direction characters; rename the file and upload it again.');
  }
  if (/[\\/]/.test(name) || name.split('.').every((part) => part === '') || name.startsWith('.')) {
    throw new IsnadError('FILE_NAME_INVALID', 'The file name holds a folder path (/, \\ or ..); give a plain name such as report.txt.');
  }
  const extension = path.extname(name).toLowerCase();
  if (!(extension in UPLOAD_KINDS)) {
    throw new IsnadError('FILE_NAME_INVALID', `Files ending in "${extension || '(none)'}" are not accepted; send ${Object.keys(UPLOAD_KINDS).join(', ')}.`);
  }
  const stem = name.slice(0, name.length - extension.length).replace(/[<>:"|?*]/g, '_').slice(0, MAX_NAME);
  return `${stem}${extension}`;
}

/** Refuses bytes that are not what the extension promises (a PDF named .txt, an executable named .md). */
export function checkKind(name: string, bytes: Uint8Array): SniffedKind {
  const kind = sniff(bytes);
  const allowed = UPLOAD_KINDS[path.extname(name).toLowerCase()] ?? [];
  if (!allowed.includes(kind)) {
    throw new IsnadError('FILE_TYPE_MISMATCH', `${name} is named as ${path.extname(name)} but its bytes are ${kind}; upload it with its true extension.`);
  }
  return kind;
}
