import { isIsnadError } from '../errors.js';
import { openCollection } from '../open-collection.js';
import { verifyJson } from './verify-json.js';
import type { VerifyResult } from '../collection.js';
import { cliLogger, configFromArgs, progressPrinter, readCommandLine, reportFatal, usageError } from './common.js';
import { printable } from './format-terminal.js';
import { MAX_QUOTES } from '../verify/extract.js';

const HELP = `Usage: npm run verify -- [options] "quote"
       npm run verify -- < quotes.txt     (one quote per line, one JSON line out per quote found)

Checks a quote against the documents: verbatim, altered (what the document really says and what
changed) or not_found. Quotes inside «…», "…", “…”, \`> \` lines or code spans are checked one by one
(up to ${MAX_QUOTES}); otherwise the whole text is the quote.

Options:
  --json         print {"quote","verdict":"verbatim|altered|not_found","spellingDiffers","source","start","end",
                 "line","endLine","passageIds","text","similarity","changes":[{"op":"replace|insert|delete",
                 "quote","document","kind":"number|date|name|negation|null"}]} (text === file.slice(start, end));
                 stdin mode always prints JSON, adding "input": the 1-based input line
  --docs DIR     documents folder (default: DOCS_DIR or seeds/)
  --index DIR    index folder (default: INDEX_DIR or index/)
  --verbose      say everything: debug lines, and why the model is unavailable each time
  -h, --help     this text`;

const STRIKE = '\x1b[9m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

function formatVerdict(result: VerifyResult, color: boolean): string {
  const lines: string[] = [];
  const m = result.match;
  if (result.verdict === 'not_found' || !m) return `not_found — nothing in the documents is close to: ${printable(result.quote)}`;
  const lineRange = m.endLine > m.line ? `lines ${m.line}-${m.endLine}` : `line ${m.line}`;
  const head = result.verdict === 'verbatim'
    ? result.spellingDiffers ? 'verbatim (ignoring diacritics and spelling)' : 'verbatim'
    : `altered (similarity ${result.similarity.toFixed(2)}) — the document says:`;
  lines.push(head, `${printable(m.source)} · ${lineRange} · passage${m.passageIds.length > 1 ? 's' : ''} ${m.passageIds.join(', ')}`);
  let marked = '';
  result.diff.forEach((part, i) => {
    const text = printable(part.text);
    if (part.kind === 'same') return void (marked += text);
    const mark = part.kind === 'quote' ? (color ? `${STRIKE}${text}${RESET}` : `[-${text}-]`) : color ? `${BOLD}${text}${RESET}` : `{+${text}+}`;
    marked += (marked === '' || /\s$/.test(marked) ? '' : ' ') + mark;
    if (part.kind === 'quote' && result.diff[i + 1] && !/^\s/.test(result.diff[i + 1]!.text)) marked += ' ';
  });
  lines.push(...(result.verdict === 'verbatim' ? printable(m.text) : marked).split('\n').map((l) => `   ${l}`));
  for (const c of result.changes) {
    const what = c.op === 'replace' ? `"${printable(c.quote)}" → "${printable(c.document)}"` : c.op === 'insert' ? `added "${printable(c.quote)}"` : `dropped "${printable(c.document)}"`;
    lines.push(` • ${c.op}${c.kind ? ` (${c.kind})` : ''}: ${what}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = readCommandLine('verify', HELP, { json: { type: 'boolean', default: false }, docs: { type: 'string' }, index: { type: 'string' }, verbose: { type: 'boolean', default: false } }, true);
  if (!args) return;
  const { values, positionals } = args;
  const fromStdin = positionals.length === 0;
  if (fromStdin && process.stdin.isTTY) {
    usageError('no quote given.', HELP);
  }
  const config = configFromArgs({ docs: values.docs, index: values.index });
  // The same model memory as ask: an unavailable model is said once in one line, not on every run.
  const collection = await openCollection(config, {
    log: cliLogger(config, values.verbose),
    onProgress: progressPrinter(),
    modelMemory: { retry: 'when-due', verbose: values.verbose },
  });

  if (!fromStdin) {
    const results = await collection.verifyQuotes(positionals.join(' '));
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    const out = values.json ? results.map((r) => JSON.stringify(verifyJson(r))) : results.map((r) => formatVerdict(r, color));
    process.stdout.write(out.join(values.json ? '\n' : '\n\n') + '\n');
    return;
  }
  let input = 0;
  const readline = await import('node:readline'); // only for quotes on stdin
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    input++;
    if (line.trim() === '') continue;
    try {
      for (const result of await collection.verifyQuotes(line)) process.stdout.write(JSON.stringify({ input, ...verifyJson(result) }) + '\n');
    } catch (error) {
      if (!isIsnadError(error)) throw error;
      process.stdout.write(JSON.stringify({ input, quote: line, verdict: null, error: { code: error.code, message: error.message } }) + '\n');
    }
  }
}

main().catch(reportFatal);
