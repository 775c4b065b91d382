/** Every terminal command reads its arguments the same way (src/cli/common.ts readCommandLine). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const COMMANDS = ['ask', 'verify', 'ingest', 'eval', 'fit', 'bench'] as const;

function run(command: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case spawns the real command; on a shared 2-core machine one spawn can take several seconds.
describe.each(COMMANDS)('npm run %s', { timeout: 60_000 }, (command) => {
  it('--help (or -h) prints its usage on stdout and exits 0', () => {
    // -h for half of them: both spellings are one option of the shared parser.
    const flag = COMMANDS.indexOf(command) % 2 === 0 ? '--help' : '-h';
    const { code, stdout, stderr } = run(command, [flag]);
    expect(code).toBe(0);
    expect(stdout.startsWith(`Usage: npm run ${command} --`)).toBe(true);
    expect(stderr).toBe('');
  });

  it('an unknown option is named in one line, then the usage, on stderr; exit 2 and nothing on stdout', () => {
    const { code, stdout, stderr } = run(command, ['--frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(/^isnad: unknown option --frobnicate\. /);
    expect(stderr).toContain(`Usage: npm run ${command} --`);
  });
});
