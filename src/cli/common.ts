import dotenv from 'dotenv';
import { loadConfig, type CoreConfig } from '../config.js';
import type { Progress } from '../types.js';
import { isIsnadError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';

dotenv.config({ quiet: true });

/** Entry-point helpers shared by the terminal commands (dotenv is loaded here, never in the core). */

export function configFromArgs(overrides: { docs?: string; index?: string }): CoreConfig {
  return loadConfig({
    ...process.env,
    ...(overrides.docs !== undefined ? { DOCS_DIR: overrides.docs } : {}),
    ...(overrides.index !== undefined ? { INDEX_DIR: overrides.index } : {}),
  });
}

export function cliLogger(config?: CoreConfig): Logger {
  return createLogger(config?.logLevel ?? 'info');
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
    process.exit(error.code === 'QUESTION_INVALID' || error.code === 'CONFIG_INVALID' ? 2 : 1);
  }
  process.stderr.write(`isnad: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
}
