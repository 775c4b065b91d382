import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { encodeDictdNumber, ENG_ARA } from '../../src/translate/dictd.js';

/**
 * Writes `<dir>/freedict-eng-ara.{index,dict.dz}`: a small English→Arabic dictionary in dictd format with
 * FreeDict's entry layout (one translation per line, numbered when several). The .dz is plain gzip
 * (dictzip's random-access header is optional for readers that gunzip whole).
 */
export function writeDictionary(dir: string, entries: ReadonlyArray<readonly [string, readonly string[]]>): void {
  fs.mkdirSync(dir, { recursive: true });
  const header = '00-database-info\nIsnad test fixture: a hand-written English→Arabic dictionary in dictd format.\n';
  let body = Buffer.from(header, 'utf8');
  const lines = [`00databaseinfo\t${encodeDictdNumber(0)}\t${encodeDictdNumber(body.length)}`];
  for (const [headword, translations] of [...entries].sort((a, b) => a[0].localeCompare(b[0]))) {
    const text =
      translations.length === 1
        ? `${headword}\n${translations[0]}\n`
        : `${headword}\n${translations.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`;
    const bytes = Buffer.from(text, 'utf8');
    lines.push(`${headword}\t${encodeDictdNumber(body.length)}\t${encodeDictdNumber(bytes.length)}`);
    body = Buffer.concat([body, bytes]);
  }
  fs.writeFileSync(path.join(dir, `${ENG_ARA}.index`), lines.join('\n') + '\n');
  fs.writeFileSync(path.join(dir, `${ENG_ARA}.dict.dz`), zlib.gzipSync(body, { level: 9 }));
}
