import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const REPO = path.resolve('.');
const RULES = path.join(REPO, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs the real rule file, as `npm test` does, over a small synthetic tree laid out like the repo. */
function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const root = tempDir('isnad-deps-');
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const result = spawnSync(process.execPath, [DEPCRUISE, '--config', RULES, 'src', 'commands'], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Imports that follow the directions: each layer imports only below itself. */
const LAYERED = {
  'src/types.ts': 'export interface Passage { id: string }\n',
  'src/text/normalize.ts': 'export const normalize = (s: string) => s;\n',
  'src/text/lines.ts': 'export const endLine = (s: string) => s.length;\n',
  'src/index/snapshot.ts': "import type { Passage } from '../types.js';\nexport type Snapshot = Passage[];\n",
  'src/store/index-dir.ts': "import type { Snapshot } from '../index/snapshot.js';\nexport const load = (): Snapshot => [];\n",
  'src/store/passage-files.ts': "import { endLine } from '../text/lines.js';\nexport const last = endLine;\n",
  'src/retrieve/answer.ts':
    "import { normalize } from '../text/normalize.js';\nimport type { Snapshot } from '../index/snapshot.js';\nexport const answer = (s: Snapshot, q: string) => (s.length ? normalize(q) : q);\n",
  'src/discord/client.ts': "import { Client } from 'discord.js';\nexport const client = (commands: string[]) => ({ Client, commands });\n",
  'commands/index.ts': "import { client } from '../src/discord/client.js';\nexport const commands = ['ask'];\nexport const make = () => client(commands);\n",
  'src/main.ts': "import { commands } from '../commands/index.js';\nimport { client } from './discord/client.js';\nclient(commands);\n",
};

describe('import directions (.dependency-cruiser.cjs)', () => {
  it('accepts a tree where every import points down', () => {
    const { status, output } = cruise(LAYERED);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  }, 60_000);

  it('fails on each deliberate upward or sideways import, naming the rule and the import', () => {
    const { status, output } = cruise({
      ...LAYERED,
      // text analysis importing retrieval (upward)
      'src/text/stem.ts': "import { answer } from '../retrieve/answer.js';\nexport const stem = answer;\n",
      // store and retrieve depending on each other instead of on src/index/
      'src/store/uses-retrieve.ts': "import { answer } from '../retrieve/answer.js';\nexport const a = answer;\n",
      'src/retrieve/uses-store.ts': "import { load } from '../store/index-dir.js';\nexport const l = load;\n",
      // storage analyzing text: of src/text/ it may read only lines.ts
      'src/store/uses-normalize.ts': "import { normalize } from '../text/normalize.js';\nexport const n = normalize;\n",
      // the Discord layer assembling the command list itself
      'src/discord/list.ts': "import { commands } from '../../commands/index.js';\nexport const c = commands;\n",
      // shipped code importing test code
      'src/ingest/load.ts': "import { fake } from '../../tests/fakes/fake.js';\nexport const f = fake;\n",
      'tests/fakes/fake.ts': 'export const fake = 1;\n',
      // discord.js outside src/discord/
      'src/retrieve/reply.ts': "import { Client } from 'discord.js';\nexport const c = Client;\n",
      // a command importing discord.js itself instead of through src/discord/
      'commands/ping.ts': "import { MessageFlags } from 'discord.js';\nexport const flags = MessageFlags.Ephemeral;\n",
      // a cycle
      'src/retrieve/fuse.ts': "import { b } from './rank.js';\nexport const a = () => b;\n",
      'src/retrieve/rank.ts': "import { a } from './fuse.js';\nexport const b = () => a;\n",
    });
    expect(status).not.toBe(0);
    expect(output).toContain('not-in-allowed: src/text/stem.ts → src/retrieve/answer.ts');
    expect(output).toContain('not-in-allowed: src/store/uses-retrieve.ts → src/retrieve/answer.ts');
    expect(output).toContain('not-in-allowed: src/retrieve/uses-store.ts → src/store/index-dir.ts');
    expect(output).toContain('not-in-allowed: src/store/uses-normalize.ts → src/text/normalize.ts');
    expect(output).toContain('discord-not-commands: src/discord/list.ts → commands/index.ts');
    expect(output).toContain('src-not-tests: src/ingest/load.ts → tests/fakes/fake.ts');
    expect(output).toMatch(/only-discord-imports-discord\.js: src\/retrieve\/reply\.ts → \S*node_modules\/discord\.js\//);
    expect(output).toMatch(/only-discord-imports-discord\.js: commands\/ping\.ts → \S*node_modules\/discord\.js\//);
    expect(output).toMatch(/no-circular: src\/retrieve\/(fuse|rank)\.ts → /);
    // The layered files themselves are not reported.
    expect(output).not.toContain('src/main.ts →');
    expect(output).not.toContain('src/store/passage-files.ts →');
    expect(output).not.toContain('commands/index.ts → src/discord');
  }, 60_000);
});
