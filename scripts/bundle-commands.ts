/**
 * Bundles the terminal commands (ask, verify, ingest) for a fast start; `npm run build` runs it after tsc.
 *   node --import tsx scripts/bundle-commands.ts [--from dist/src] [--out dist/cli]
 * For each command it writes `<out>/<command>.cjs`, the command and everything it imports in one CommonJS file,
 * and `<out>/<command>.js`, which runs that file with V8's code cache (src/cli/run-bundle.ts, copied beside them).
 * Why (issue 14): resolving, reading and compiling ~100 of our modules and ~40 of our dependencies' one by one,
 * then compiling their functions again on every start, was most of what `npm run ask` itself spent.
 * Left outside, loaded from node_modules when used: native addons and what a command needs only sometimes
 * (the model runtime, the vector stores' libraries, the PDF and DOCX readers). A module the bundle reaches only
 * through `await import()` is still evaluated only then; its own imports with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const COMMANDS = ['ask', 'verify', 'ingest'] as const;

const EXTERNAL = ['@huggingface/transformers', 'onnxruntime-node', 'hnswlib-node', 'usearch', 'vectra', 'pdfjs-dist', 'mammoth', 'discord.js'];

/**
 * Each bundled module keeps its own `import.meta.url`: the file it was bundled from (dist/src/… in the build),
 * so what it finds beside itself (ranker-weights.json, the reindex worker, package.json above) is still found.
 */
function ownImportMetaUrl(outdir: string): Plugin {
  return {
    name: 'own-import-meta-url',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const own = path.relative(outdir, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(own)}, require("node:url").pathToFileURL(__filename)).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * A script compiled with V8's code cache (vm.Script) may not call import() on Node 20 without an experimental
 * option that prints a warning. The bundle's import()s of what stays outside it (the model runtime, the PDF reader,
 * node:readline) are all written `import("…")` by esbuild: they go through the runner's own import instead, passed in
 * as `__isnadImport`. Anything else that would call import() fails the build here rather than a user's run.
 */
function importsThroughRunner(code: string, bundle: string): string {
  const rewritten = code.replace(/\bimport\(("[^"\n]+")\)/g, '__isnadImport($1)');
  // The one import() left is text: the source of the reindex worker started from TypeScript (build-off-thread.ts).
  const left = [...rewritten.matchAll(/\bimport\((?!\$\{)/g)];
  if (left.length > 0) {
    const at = left[0]!.index;
    throw new Error(`${bundle}: an import() the runner cannot serve: …${rewritten.slice(Math.max(0, at - 80), at + 80)}…`);
  }
  return rewritten;
}

/** Bundles `<from>/cli/<command>.(js|ts)` into `outdir` (emptied first); returns the files written. */
export async function bundleCommands(from: string, outdir: string): Promise<string[]> {
  const source = path.resolve(from);
  const ext = fs.existsSync(path.join(source, 'cli', 'ask.js')) ? 'js' : 'ts';
  const out = path.resolve(outdir);
  fs.rmSync(out, { recursive: true, force: true }); // a code cache must never outlive the bundle it was made from
  fs.mkdirSync(out, { recursive: true });
  // The runner beside the bundles (an ES module: it is what imports for them), so dist/cli/ runs on its own.
  const runner = path.join(out, 'run-bundle.js');
  await build({ entryPoints: [path.join(source, 'cli', `run-bundle.${ext}`)], outfile: runner, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  const written: string[] = [runner];
  for (const command of COMMANDS) {
    const bundle = path.join(out, `${command}.cjs`);
    const result = await build({
      entryPoints: [path.join(source, 'cli', `${command}.${ext}`)],
      outfile: bundle,
      write: false,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: EXTERNAL,
      // Our modules are ES modules, strict by definition; the CommonJS wrapper is not unless told.
      banner: { js: '"use strict";' },
      plugins: [ownImportMetaUrl(out)],
      logLevel: 'warning',
    });
    fs.writeFileSync(bundle, importsThroughRunner(result.outputFiles[0]!.text, bundle));
    const entry = path.join(out, `${command}.js`);
    fs.writeFileSync(entry, `import { runBundle } from './run-bundle.js';\nrunBundle(new URL('./${command}.cjs', import.meta.url));\n`);
    written.push(bundle, entry);
  }
  return written;
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const { values } = parseArgs({ options: { from: { type: 'string', default: 'dist/src' }, out: { type: 'string', default: 'dist/cli' } } });
  await bundleCommands(values.from, values.out); // quiet on success, as tsc is: `npm ci` runs it
}
