import { describe, expect, it, test } from 'vitest';
import { FORMAT_VERSION, parseManifest } from '../../src/index/snapshot.js';

const withSkipped = (skipped: object[]) => ({
  formatVersion: FORMAT_VERSION,
  chunkerVersion: 1,
  analyzerVersion: 1,
  model: null,
  vectorStore: 'flat',
  docsDir: '/docs',
  builtAt: '2026-01-01T00:00:00Z',
  passages: 0,
  files: [],
  skipped,
  checksums: {},
});

test("a stored skip keeps its code when it is one of Isnad's error codes; an unknown code is dropped, the skip and its reason kept", () => {
  const parsed = parseManifest(
    withSkipped([
      { source: 'scan.pdf', reason: 'no text layer', code: 'NO_TEXT_LAYER' },
      { source: 'old.pdf', reason: 'refused by an older version', code: 'SOMETHING_RETIRED' },
      { source: 'link.txt', reason: 'broken symbolic link' },
    ]),
    'manifest.json',
  );
  expect(parsed.skipped.map((s) => [s.source, s.reason, s.code])).toEqual([
    ['scan.pdf', 'no text layer', 'NO_TEXT_LAYER'],
    ['old.pdf', 'refused by an older version', undefined],
    ['link.txt', 'broken symbolic link', undefined],
  ]);
});

const files = Array.from({ length: 5 }, (_, i) => ({ source: `d${i}.txt`, hash: `h${i}`, bytes: 10 * i, mtimeMs: 1.5e12 + i, passages: i }));
const manifest = {
  formatVersion: FORMAT_VERSION, chunkerVersion: 3, analyzerVersion: 2, readers: { text: 1 }, model: null, vectorStore: 'usearch',
  docsDir: '/docs', builtAt: '2026-01-01T00:00:00.000Z', passages: 10, files, skipped: [], checksums: { 'a.bin': 'ff' },
  stamps: { 'a.bin': { bytes: 3, mtimeMs: 1.5e12 } },
};

describe('parseManifest', () => {
  it('reads a manifest whole, its document list included', () => {
    expect(parseManifest(JSON.parse(JSON.stringify(manifest)), 'm.json')).toEqual(manifest);
  });

  it('reads manifests of format 4 (graph keys mixed), 3 (passage texts in parts) and 2 before them, and refuses 5 (a newer Isnad) as INDEX_CORRUPT', () => {
    expect([2, 3, 4].map((formatVersion) => parseManifest({ ...manifest, formatVersion }, 'm.json').formatVersion)).toEqual([2, 3, 4]);
    expect(() => parseManifest({ ...manifest, formatVersion: 5 }, 'm.json')).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/formatVersion/) }));
  });

  it.each([
    ['a negative size', (m: typeof manifest) => ({ ...m, files: m.files.map((f, i) => (i === 3 ? { ...f, bytes: -1 } : f)) }), /files\.3\.bytes/],
    ['a missing hash', (m: typeof manifest) => ({ ...m, files: m.files.map((f, i) => (i === 1 ? { ...f, hash: undefined } : f)) }), /files\.1\.hash/],
    ['a list that is not one', (m: typeof manifest) => ({ ...m, files: 'none' }), /files/],
    ['a bad head with a good list', (m: typeof manifest) => ({ ...m, passages: 'ten' }), /passages/],
  ])('names the place of %s, as INDEX_CORRUPT', (_name, damage, where) => {
    expect(() => parseManifest(damage(manifest), 'm.json')).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT', message: expect.stringMatching(where) }));
  });
});
