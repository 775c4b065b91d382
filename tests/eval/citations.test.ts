import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileReader } from '../../src/collection/document-reader.js';
import { checkCitations, citationProblem } from '../../src/eval/citations.js';
import { tempDir } from '../helpers/temp.js';

const FILE = 'سطر أول.\nبدأت المحادثات السورية في أستانا.\n';

describe('citation fidelity', () => {
  const start = FILE.indexOf('بدأت');
  const end = FILE.indexOf('.', start) + 1;
  const good = { id: 'p1', source: 'a.txt', start, end, text: FILE.slice(start, end) };

  it('accepts a text equal to the file sliced at start..end', () => {
    expect(citationProblem(good, FILE)).toBeNull();
  });

  it('catches a wrong offset, an out-of-range offset and a missing file', () => {
    expect(citationProblem({ ...good, start: start + 1, end: end + 1 }, FILE)).toMatch(/differs/);
    expect(citationProblem({ ...good, end: FILE.length + 5 }, FILE)).toMatch(/outside the file/);
    expect(citationProblem(good, null)).toMatch(/missing/);
  });

  it('checks against files on disk, decoded like ingest (BOM stripped)', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '\uFEFF' + FILE);
    const { checked, errors } = await checkCitations(
      [good, { ...good, id: 'p2', start: start - 1 }, { ...good, id: 'p3', source: 'gone.txt' }, { ...good, id: 'p4', source: '../a.txt' }],
      fileReader(dir),
    );
    expect(checked).toBe(4);
    expect(errors.map((e) => e.id)).toEqual(['p2', 'p3', 'p4']);
  });
});
