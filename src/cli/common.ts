import { parseArgs, type ParseArgsConfig } from 'node:util';
import dotenv from 'dotenv';
import { loadConfig, type CoreConfig } from '../config.js';
import type { Progress } from '../types.js';
import type { LoadedModel } from '../embed/embedder.js';
import { isIsnadError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';

dotenv.config({ quiet: true });

// `npm run ask … | head` closes stdout before we are done: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Entry-point helpers shared by the terminal commands (dotenv is loaded here, never in the core). */

export function configFromArgs(overrides: { docs?: string; index?: string }): CoreConfig {
  return loadConfig({
    ...process.env,
    ...(overrides.docs !== undefined ? { DOCS_DIR: overrides.docs } : {}),
    ...(overrides.index !== undefined ? { INDEX_DIR: overrides.index } : {}),
  });
}

/** `--verbose` shows debug lines too, whatever LOG_LEVEL says. */
export function cliLogger(config?: CoreConfig, verbose = false): Logger {
  return createLogger(verbose ? 'debug' : config?.logLevel ?? 'info');
}

/**
 * What was wrong with the command line, in our words. Node's own text for an unknown option ends
 * with an unbalanced quote (`as in '-- "--frobnicate"`) and does not say how npm passes arguments on.
 */
function argumentProblem(error: unknown, command: string): string {
  const { code, message } = error as { code?: string; message: string };
  const unknown = /^Unknown option '(.*?)'(?:\.|$)/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const option = unknown[1]!;
    return command === 'ask'
      ? `unknown option ${option}. To ask a question that starts with "-", put it after a second --: npm run ask -- -- "${option}"`
      : `unknown option ${option}. The options are listed below.`;
  }
  return message;
}

/** What was wrong with the command line, then the help, on stderr; exit 2. */
export function usageError(message: string, help: string): never {
  process.stderr.write(`isnad: ${message}\n\n${help}\n`);
  process.exit(2);
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * A terminal command's arguments (plus -h/--help). A malformed command line is a usage error; with
 * --help the help is printed and null returned: the command then has nothing more to do.
 */
export function readCommandLine<const O extends OptionsConfig, const P extends boolean = false>(
  command: string,
  help: string,
  options: O,
  allowPositionals?: P,
) {
  const config = { options: { ...options, ...HELP_OPTION }, allowPositionals: (allowPositionals ?? false) as P };
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    usageError(argumentProblem(error, command), help);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help + '\n');
    return null;
  }
  return parsed;
}

const PHASE_LABEL: Record<Progress['phase'], string> = {
  scan: 'reading files',
  chunk: 'chunking',
  embed: 'embedding passages',
  write: 'writing index',
};

/** Progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise (logs, CI). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: Progress) => void {
  let lastPhase = '';
  let lastLine = 0;
  return (p) => {
    const percent = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
    const label = `${PHASE_LABEL[p.phase]} ${p.done}/${p.total} (${percent}%)`;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((percent / 100) * width);
      stream.write(`\r[isnad] ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${label}\x1b[K`);
      if (p.done >= p.total) stream.write('\n');
      return;
    }
    const now = Date.now();
    if (p.phase !== lastPhase) {
      lastPhase = p.phase;
      lastLine = now;
    }
    if (p.done >= p.total || now - lastLine > 3000) {
      stream.write(`[isnad] ${label}\n`);
      lastLine = now;
    }
  };
}

/** Turns an error into one line a user can act on, and the process exit code. */
export function reportFatal(error: unknown): never {
  if (isIsnadError(error)) {
    process.stderr.write(`isnad: ${error.message} [${error.code}]\n`);
    process.exit(error.code === 'QUESTION_INVALID' || error.code === 'QUOTE_INVALID' || error.code === 'CONFIG_INVALID' ? 2 : 1);
  }
  process.stderr.write(`isnad: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
}

/** A model loader that loads nothing, saying why: the lexical legs only. */
export function noModel(reason: string): () => Promise<LoadedModel> {
  return async () => ({ embedder: null, status: { loaded: false, modelId: null, reason } });
}
