/**
 * Writes tests/fixtures/dict/freedict-eng-ara.{index,dict.dz}: a tiny English→Arabic dictionary in
 * dictd format (FreeDict's entry layout), so tests exercise the real reader without the Debian package.
 * The entries are written here by hand for the seeds' vocabulary, not copied from FreeDict.
 * The .dz is plain gzip (dictzip's random-access header is optional for readers that gunzip whole).
 * Run: npx tsx scripts/make-fixture-dictionary.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { encodeDictdNumber } from '../src/translate/dictd.js';

const ENTRIES: Array<[string, string[]]> = [
  ['armed', ['مسلح']],
  ['delegation', ['الوفد']],
  ['fail', ['فشل']],
  ['faction', ['الفصيل', 'الفئة']],
  ['head', ['الرأس', 'يرأس']],
  ['opposition', ['المعارضة']],
  ['regime', ['النظام']],
  ['talks', ['المحادثات']],
  ['threaten', ['هدد']],
  ['turkish', ['تركي']],
  ['turkey', ['تركيا']],
  ['united nations', ['الأمم المتحدة']],
  ['ceasefire', ['وقف إطلاق النار', 'الهدنة']],
  ['foreign minister', ['وزير الخارجية']],
  ['fighting', ['القتال']],
  ['resume', ['استأنف', 'الملخص']],
  // Words the seeds never mention: an English question made of them must be refused.
  ['recipe', ['الوصفة']],
  ['chocolate', ['الشوكولاتة']],
  ['cake', ['الكعكة']],
];

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'tests', 'fixtures', 'dict');
fs.mkdirSync(out, { recursive: true });
const header = '00-database-info\nIsnad test fixture: a hand-written English→Arabic dictionary in dictd format.\n';
let body = Buffer.from(header, 'utf8');
const lines = [`00databaseinfo\t${encodeDictdNumber(0)}\t${encodeDictdNumber(body.length)}`];
for (const [headword, translations] of [...ENTRIES].sort((a, b) => a[0].localeCompare(b[0]))) {
  const text =
    translations.length === 1
      ? `${headword}\n${translations[0]}\n`
      : `${headword}\n${translations.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`;
  const bytes = Buffer.from(text, 'utf8');
  lines.push(`${headword}\t${encodeDictdNumber(body.length)}\t${encodeDictdNumber(bytes.length)}`);
  body = Buffer.concat([body, bytes]);
}
fs.writeFileSync(path.join(out, 'freedict-eng-ara.index'), lines.join('\n') + '\n');
fs.writeFileSync(path.join(out, 'freedict-eng-ara.dict.dz'), zlib.gzipSync(body, { level: 9 }));
process.stdout.write(`wrote ${ENTRIES.length} entries to ${out}\n`);
