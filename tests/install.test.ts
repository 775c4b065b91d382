/**
 * The first command of the quick start, `npm ci`, prints no npm warning (issue 15): no dependency
 * whose `engines` rule this Node breaks (EBADENGINE), no unknown key in a project `.npmrc`, and no
 * package with an install script left out of `allowScripts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp.js';

describe('npm ci', () => {
  it('prints no warning on this Node (checked with a dry run: nothing installed, no script run)', () => {
    // The user's and the machine's own npm settings are not the project's: leave them out.
    const dir = tempDir();
    const [user, global] = [path.join(dir, 'user-npmrc'), path.join(dir, 'global-npmrc')];
    fs.writeFileSync(user, '');
    fs.writeFileSync(global, '');
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const result = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
      env: { ...env, npm_config_userconfig: user, npm_config_globalconfig: global },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/npm warn/i);
  }, 120_000);

  it('every dependency with an install script is declared in allowScripts', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const declared = Object.keys((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { allowScripts: Record<string, boolean> }).allowScripts);
    const withScripts = Object.entries(lock.packages)
      .filter(([where, entry]) => where !== '' && entry.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !declared.includes(name))).toEqual([]);
  });
});
