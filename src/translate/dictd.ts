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
const B64_VALUE = new Map([...B64].map((ch, i) => [ch, i]));

export function decodeDictdNumber(text: string): number {
  let value = 0;
  for (const ch of text) {
    const digit = B64_VALUE.get(ch);
    if (digit === undefined) return NaN;
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
export const DEFAULT_DICT_DIR = '/usr/share/dictd';

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
    const entries = new Map<string, Array<[number, number]>>();
    const lines = fs.readFileSync(indexFile, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line === '') return;
      const [headword, off, len] = line.split('\t');
      const offset = decodeDictdNumber(off ?? '');
      const length = decodeDictdNumber(len ?? '');
      if (!headword || !Number.isFinite(offset) || !Number.isFinite(length) || offset + length > body.length) {
        throw new IsnadError('DICTIONARY_INVALID', `${indexFile} line ${i + 1} is not "headword<TAB>offset<TAB>length" within ${bodyFile}. Reinstall the dictionary.`, { file: indexFile });
      }
      if (headword.startsWith('00database')) return;
      const key = headword.toLowerCase();
      const list = entries.get(key) ?? [];
      list.push([offset, length]);
      entries.set(key, list);
    });
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
