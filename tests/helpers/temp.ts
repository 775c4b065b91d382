import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A temp folder removed after the test. */
export function tempDir(prefix = 'isnad-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A temp copy of seeds/ that a test may change freely. */
export function copyOfSeeds(): string {
  const dir = tempDir('isnad-docs-');
  fs.cpSync(path.resolve('seeds'), dir, { recursive: true });
  return dir;
}

afterEach(() => {
  while (made.length) fs.rmSync(made.pop()!, { recursive: true, force: true });
});
