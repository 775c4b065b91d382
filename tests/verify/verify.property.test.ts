/** Property: any stretch of a seed document, however it is written (diacritics, spacing), is found verbatim at its exact place. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import { normalize } from '../../src/text/normalize.js';

const files = fs.readdirSync('seeds').map((f) => ({ source: f, text: fs.readFileSync(path.join('seeds', f), 'utf8') }));
let indexDir: string;
let collection: Collection;

beforeAll(async () => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-verify-prop-'));
  collection = await openCollection(loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: createLogger('silent') });
}, 30_000);
afterAll(() => fs.rmSync(indexDir, { recursive: true, force: true }));

const words = (text: string) => [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));

test('a stretch of 4–60 words, with diacritics and spacing changed, is verbatim and cited exactly', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: files.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 4, max: 60 }),
      fc.boolean(),
      async (f, at, length, decorate) => {
        const file = files[f]!;
        const w = words(file.text);
        const first = Math.floor(at * Math.max(1, w.length - length));
        const last = Math.min(w.length - 1, first + length - 1);
        const exact = file.text.slice(w[first]!.start, w[last]!.end);
        const quote = decorate ? exact.replace(/([\u0627-\u064A])(\s)/g, '$1\u064E$2').replace(/\s+/g, '  ') : exact;
        const results = await collection.verifyQuotes(quote);
        const r = results[0]!;
        expect(r.verdict).toBe('verbatim');
        const m = r.match!;
        expect(m.text).toBe(files.find((x) => x.source === m.source)!.text.slice(m.start, m.end));
        // The same words (a repeated sentence may be cited at its other occurrence).
        expect(normalize(m.text).match(/[\p{L}\p{N}]+/gu)).toEqual(normalize(exact).match(/[\p{L}\p{N}]+/gu));
      },
    ),
    { numRuns: 80, seed: 11 },
  );
}, 60_000);
