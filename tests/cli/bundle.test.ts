/**
 * `npm run ask|verify|ingest` run the commands bundled by scripts/bundle-commands.ts, with V8's code cache
 * (src/cli/run-bundle.ts). Bundled here from the sources, as `npm run build` bundles the compiled ones: the
 * bundle must answer exactly as the sources do, with or without its cache, and still load what stays outside it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCommands } from '../../scripts/bundle-commands.js';
import { tempDir } from '../helpers/temp.js';

const QUESTION = 'من يرأس وفد النظام السوري؟';
let out = '';

/** A command as a user runs it: the bundle with plain node, the sources through tsx. */
function run(entry: string, args: string[], env: Record<string, string>) {
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const result = spawnSync(process.execPath, [...loader, entry, ...args], {
    env: { ...process.env, MODEL_ID: 'none', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  // Inside the project, as dist/cli is: what stays outside the bundle is imported from the project's node_modules.
  fs.mkdirSync('node_modules/.cache', { recursive: true });
  out = fs.mkdtempSync(path.resolve('node_modules/.cache/isnad-bundle-'));
  await bundleCommands('src', out);
}, 60_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

// Each test spawns the real commands (2–4 times); on a shared 2-core machine one spawn can take several seconds.
describe('the bundled commands', { timeout: 120_000 }, () => {
  it('answer exactly as the sources do: first run, from the code cache it wrote, and with a damaged cache', () => {
    const env = { DOCS_DIR: path.resolve('seeds'), INDEX_DIR: path.join(tempDir(), 'index') };
    const fromSources = run('src/cli/ask.ts', [QUESTION], env);
    expect(fromSources.code).toBe(0);
    expect(fromSources.stdout).toContain('بشار الجعفري');

    const cache = path.join(out, 'ask.cjs.cache');
    fs.rmSync(cache, { force: true });
    const first = run(path.join(out, 'ask.js'), [QUESTION], env);
    expect(first).toMatchObject({ code: 0, stdout: fromSources.stdout, stderr: '' });
    expect(fs.statSync(cache).size).toBeGreaterThan(10_000);

    const cached = run(path.join(out, 'ask.js'), [QUESTION], env);
    expect(cached).toMatchObject({ code: 0, stdout: fromSources.stdout, stderr: '' });

    fs.writeFileSync(cache, 'not a code cache');
    const damaged = run(path.join(out, 'ask.js'), [QUESTION], env);
    expect(damaged).toMatchObject({ code: 0, stdout: fromSources.stdout, stderr: '' });
    expect(fs.statSync(cache).size).toBeGreaterThan(10_000); // rejected, then written again
  });

  it('write no cache after a failed run, and report it as the sources do', () => {
    const cache = path.join(out, 'verify.cjs.cache');
    fs.rmSync(cache, { force: true });
    const missing = path.join(tempDir(), 'nothing-here');
    const bundled = run(path.join(out, 'verify.js'), ['--docs', missing, 'نص'], {});
    const fromSources = run('src/cli/verify.ts', ['--docs', missing, 'نص'], {});
    expect(bundled.code).toBe(1);
    expect(bundled).toEqual(fromSources);
    expect(bundled.stderr).toContain('[DOCS_NOT_FOUND]');
    expect(fs.existsSync(cache)).toBe(false);
  });

  it('load the readers kept outside the bundle (PDF, Word) without an experimental-feature warning', () => {
    const docs = tempDir();
    for (const name of ['report.pdf', 'statement.docx', 'article.html']) fs.copyFileSync(path.join('tests/fixtures/formats', name), path.join(docs, name));
    const env = { DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index') };
    const ingest = run(path.join(out, 'ingest.js'), [], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toContain('files: 3');
    expect(ingest.stderr).not.toMatch(/warning/i);
    const answer = run(path.join(out, 'ask.js'), ['--top', '1', 'هل تعمل المحطة بالطاقة الشمسية؟'], env);
    expect(answer.code).toBe(0);
    expect(answer.stdout).toContain('report.pdf · page 2');
  });
});
