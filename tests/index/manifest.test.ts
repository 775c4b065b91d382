import { expect, test } from 'vitest';
import { FORMAT_VERSION, parseManifest } from '../../src/index/snapshot.js';

const manifest = (skipped: object[]) => ({
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
    manifest([
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
