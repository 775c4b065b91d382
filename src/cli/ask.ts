import { isIsnadError } from '../errors.js';
import { openCollection } from '../open-collection.js';
import { DEFAULT_TOP, MAX_TOP } from '../retrieve/answer.js';
import { endLine } from '../text/lines.js';
import { RETRIEVAL_MODES, type Answer, type RetrievalMode, type ScoredPassage } from '../types.js';
import { cliLogger, configFromArgs, progressPrinter, readCommandLine, reportFatal, usageError } from './common.js';
import { formatAnswer } from './format-terminal.js';

const HELP = `Usage: npm run ask -- [options] "question"
       npm run ask -- --json < questions.txt     (one question per line, one JSON line out per question)

Answers a question with verbatim, cited passages from the documents. The index is built on first use.

Options:
  --top N        passages to show (1-${MAX_TOP}, default ${DEFAULT_TOP})
  --json         print {"query","answered","confidence","results":[{"id","source","start","end","page"(PDF only),"line",
                 "endLine","text","confidence","score","scores"}],
                 "closest":[…same fields: nearest passages when not answered],"mode":"hybrid|lexical|dense",
                 "notice"(only when there is one: e.g. how to get English support)}
  --docs DIR     documents folder (default: DOCS_DIR or seeds/)
  --index DIR    index folder (default: INDEX_DIR or index/)
  --mode M       hybrid | lexical | dense (default: every leg available)
  --verbose      say everything: debug lines, and why the model is unavailable each time
  -h, --help     this text

Answers go to stdout; progress and notices go to stderr.`;

function toJson(answer: Answer) {
  const pick = (r: ScoredPassage) => ({
    id: r.id, source: r.source, start: r.start, end: r.end, ...(r.page ? { page: r.page } : {}), line: r.line, endLine: endLine(r), text: r.text,
    confidence: r.confidence, score: r.score, scores: r.scores,
  });
  return {
    query: answer.query, answered: answer.answered, confidence: answer.confidence, results: answer.results.map(pick), closest: answer.closest.map(pick), mode: answer.mode,
    ...(answer.notice ? { notice: answer.notice } : {}),
  };
}

async function main(): Promise<void> {
  const args = readCommandLine(
    'ask',
    HELP,
    {
      top: { type: 'string' },
      json: { type: 'boolean', default: false },
      docs: { type: 'string' },
      index: { type: 'string' },
      mode: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
    true,
  );
  if (!args) return;
  const { values, positionals } = args;
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    process.stderr.write(`isnad: --top must be a whole number from 1 to ${MAX_TOP} (got "${values.top}").\n`);
    process.exit(2);
  }
  const mode = values.mode as RetrievalMode | undefined;
  if (mode !== undefined && !RETRIEVAL_MODES.includes(mode)) {
    process.stderr.write(`isnad: --mode must be ${RETRIEVAL_MODES.join(', ')} (got "${values.mode}").\n`);
    process.exit(2);
  }
  const fromStdin = positionals.length === 0;
  if (fromStdin && process.stdin.isTTY) {
    usageError('no question given.', HELP);
  }

  const config = configFromArgs({ docs: values.docs, index: values.index });
  const log = cliLogger(config, values.verbose);
  const collection = await openCollection(config, {
    log,
    onProgress: progressPrinter(),
    modelMemory: { retry: 'when-due', verbose: values.verbose },
  });
  const options = { top, mode: mode === 'hybrid' ? undefined : mode };

  if (!fromStdin) {
    const answer = await collection.ask(positionals.join(' '), options);
    if (values.json) process.stdout.write(JSON.stringify(toJson(answer)) + '\n');
    else process.stdout.write(formatAnswer(answer, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }) + '\n');
    return;
  }
  // The evaluation harness feeds questions this way: one load, one JSON line per input line, in order.
  // Imported here: a question on the command line (the common case) does not load readline.
  const readline = await import('node:readline');
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    try {
      process.stdout.write(JSON.stringify(toJson(await collection.ask(line, options))) + '\n');
    } catch (error) {
      if (!isIsnadError(error)) throw error;
      process.stdout.write(JSON.stringify({ query: line, answered: false, results: [], closest: [], mode: null, error: { code: error.code, message: error.message } }) + '\n');
    }
  }
}

main().catch(reportFatal);
