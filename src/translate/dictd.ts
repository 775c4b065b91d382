import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { IsnadError } from '../errors.js';

/**
 * Reader for dictionaries in the dictd format (FreeDict's): `<name>.index` lines are
 * `headword TAB offset TAB length`, offsets in dictd's base64; `<name>.dict.dz` is dictzip, which is
 * gzip with an extra header, so plain gunzip reads it (a plain `.dict` is read as is).
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Decodes text[start, end) (default: all of it); NaN when empty or not dictd base64. */
export function decodeDictdNumber(text: string, start = 0, end = text.length): number {
  if (end <= start) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? B64_VALUE[code]! : -1;
    if (digit < 0) return NaN;
    value = value * 64 + digit;
  }
  return value;
}

export function encodeDictdNumber(value: number): string {
  let text = '';
  do {
    text = B64[value % 64] + text;
    value = Math.floor(value / 64);
  } while (value > 0);
  return text;
}

/** The English→Arabic FreeDict database Isnad looks for (Debian: dict-freedict-eng-ara). */
export const ENG_ARA = 'freedict-eng-ara';

export class DictdDictionary {
  private constructor(
    private readonly entries: Map<string, Array<[number, number]>>,
    private readonly body: Buffer,
    readonly file: string,
  ) {}

  get headwords(): number {
    return this.entries.size;
  }

  has(headword: string): boolean {
    return this.entries.has(headword.toLowerCase());
  }

  /** Translations of a headword (case-insensitive), in the dictionary's order, without duplicates. */
  translations(headword: string): string[] {
    const found: string[] = [];
    for (const [offset, length] of this.entries.get(headword.toLowerCase()) ?? []) {
      for (const t of parseEntry(this.body.toString('utf8', offset, offset + length))) if (!found.includes(t)) found.push(t);
    }
    return found;
  }

  /** Opens `<dir>/<name>.index` + `.dict.dz` (or `.dict`); null when the index file is not there. */
  static open(dir: string, name = ENG_ARA): DictdDictionary | null {
    const indexFile = path.join(dir, `${name}.index`);
    if (!fs.existsSync(indexFile)) return null;
    const dz = path.join(dir, `${name}.dict.dz`);
    const plain = path.join(dir, `${name}.dict`);
    const bodyFile = fs.existsSync(dz) ? dz : plain;
    let body: Buffer;
    try {
      const raw = fs.readFileSync(bodyFile);
      body = bodyFile === dz ? zlib.gunzipSync(raw) : raw;
    } catch (error) {
      throw new IsnadError('DICTIONARY_INVALID', `${bodyFile} is missing or not a dictzip/gzip file (${(error as Error).message}). Reinstall dict-freedict-eng-ara, or point DICT_DIR at a folder holding ${name}.index and ${name}.dict.dz.`, { file: bodyFile });
    }
    // Scanned by hand: split() and per-entry arrays took over a second for FreeDict's 87k lines.
    const entries = new Map<string, Array<[number, number]>>();
    const text = fs.readFileSync(indexFile, 'utf8');
    for (let at = 0, line = 1; at < text.length; line++) {
      let next = text.indexOf('\n', at);
      if (next < 0) next = text.length;
      if (next > at) {
        const tab1 = text.indexOf('\t', at);
        const tab2 = tab1 < 0 ? -1 : text.indexOf('\t', tab1 + 1);
        const offset = tab2 < 0 || tab2 > next ? NaN : decodeDictdNumber(text, tab1 + 1, tab2);
        const length = tab2 < 0 || tab2 > next ? NaN : decodeDictdNumber(text, tab2 + 1, next);
        if (tab1 <= at || !(offset + length <= body.length)) {
          throw new IsnadError('DICTIONARY_INVALID', `${indexFile} line ${line} is not "headword<TAB>offset<TAB>length" within ${bodyFile}. Reinstall the dictionary.`, { file: indexFile });
        }
        if (!text.startsWith('00database', at)) {
          const key = text.slice(at, tab1).toLowerCase();
          const list = entries.get(key);
          if (list) list.push([offset, length]);
          else entries.set(key, [[offset, length]]);
        }
      }
      at = next + 1;
    }
    return new DictdDictionary(entries, body, indexFile);
  }
}

/**
 * FreeDict entries read `Headword /phonetics/` then one translation per line, sometimes numbered
 * (`1. …`). Glosses after " - " explain rather than translate, so only the part before is kept.
 */
export function parseEntry(entry: string): string[] {
  const lines = entry.split('\n').slice(1);
  const result: string[] = [];
  for (const line of lines) {
    const text = line.replace(/^\s*\d+\.\s*/, '').split(/\s+-\s+/)[0]!.trim();
    if (text !== '' && !result.includes(text)) result.push(text);
  }
  return result;
}

const opened = new Map<string, DictdDictionary | null>();

/** The dictionary in `dir`, opened on first use and kept for the life of the process (null when absent). */
export function englishArabicDictionary(dir: string): DictdDictionary | null {
  if (!opened.has(dir)) opened.set(dir, DictdDictionary.open(dir));
  return opened.get(dir)!;
}
