import type { Command } from '../src/discord/command.js';
import ask from './ask.js';
import docs from './docs.js';
import quote from './quote.js';
import reindex from './reindex.js';
import source from './source.js';
import status from './status.js';
import verify from './verify.js';

/** Every command the bot serves and `deploy-commands` registers. Explicit on purpose. */
export const commands: Command[] = [ask, quote, source, verify, status, reindex, docs];
