import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

type BundleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
  importModule: (specifier: string) => Promise<unknown>,
) => void;

/**
 * Runs a terminal command's CommonJS bundle (scripts/bundle-commands.ts) with V8's code cache kept beside it,
 * in `<bundle>.cache`. Node 20 has no compile cache of its own (22 has), and compiling the bundle's functions
 * again on every start was a sixth of `ask`'s own work. The cache is written when a run succeeds without one
 * (or with one V8 rejects: another Node version), holding every function that run compiled; writing it is best
 * effort (a read-only install just starts without it). A build empties the folder, caches included.
 */
export function runBundle(bundle: URL): void {
  const file = fileURLToPath(bundle);
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // the first run after a build
  }
  // As Node wraps a CommonJS file, plus the bundle's import() (it cannot import() itself: see the bundler).
  const source = `(function (exports, require, module, __filename, __dirname, __isnadImport) {${fs.readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // After a run that worked: one cut short by a usage error would cache little more than argument parsing.
    process.once('exit', (code) => code === 0 && writeCache(script, cacheFile));
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as BundleFunction;
  run(module.exports, createRequire(file), module, file, path.dirname(file), (specifier) => import(specifier));
}

function writeCache(script: vm.Script, cacheFile: string): void {
  const partial = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, script.createCachedData());
    fs.renameSync(partial, cacheFile); // whole or not at all: another run may be reading it
  } catch {
    fs.rmSync(partial, { force: true });
  }
}
