/**
 * Writes tests/fixtures/dict/freedict-eng-ara.{index,dict.dz}: a tiny English→Arabic dictionary in
 * dictd format (FreeDict's entry layout), so tests exercise the real reader without the Debian package.
 * The entries are written here by hand for the seeds' vocabulary, not copied from FreeDict.
 * Run: npx tsx scripts/make-fixture-dictionary.ts
 */
import path from 'node:path';
import { writeDictionary } from '../tests/helpers/dictionary.js';

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
writeDictionary(out, ENTRIES);
process.stdout.write(`wrote ${ENTRIES.length} entries to ${out}\n`);
