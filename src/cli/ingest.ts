import { IsnadError, isIsnadError } from '../errors.js';
import { checkIndex, describeChanges, ingestDocuments, listUnsupported } from '../open-collection.js';
import { cliLogger, configFromArgs, progressPrinter, readCommandLine, reportFatal } from './common.js';

const HELP = `Usage: npm run ingest -- [--docs DIR] [--index DIR] [--verbose] [--check]

Indexes the documents (.txt, .md, .pdf, .docx, .html, .htm) under the documents folder. Only changed passages are re-embedded,
and nothing is written when nothing changed; the previous index keeps serving until the new one is complete.

Options:
  --docs DIR     documents folder (default: DOCS_DIR or seeds/)
  --index DIR    index folder (default: INDEX_DIR or index/)
  --verbose      debug lines, and the full reason each time the model is unavailable
  --check        change nothing: hash every file of the index against the checksum recorded when it was
                 written (loading re-hashes only files whose size or time changed) and say whether all match
  -h, --help     this text`;

async function main(): Promise<void> {
  const args = readCommandLine('ingest', HELP, {
    docs: { type: 'string' },
    index: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  });
  if (!args) return;
  const { values } = args;
  const config = configFromArgs({ docs: values.docs, index: values.index });
  if (values.check) return check(config);
  const summary = await ingestDocuments(config, {
    log: cliLogger(config, values.verbose),
    onProgress: progressPrinter(),
    // An explicit ingest always tries the model again, but says a known failure only once.
    modelMemory: { retry: 'now', verbose: values.verbose },
  });
  const unsupported = listUnsupported(summary.unsupported);
  const lines = [
    `changes: ${describeChanges(summary)}`,
    `files: ${summary.files}${summary.read < summary.files ? ` (${summary.files - summary.read} not read again: same size, times and inode as when indexed)` : ''}`,
    `passages: ${summary.passages} (${summary.analyzed} analyzed, ${summary.passages - summary.analyzed} kept; ${summary.embedded} embedded, ${summary.reused} reused)`,
    `skipped: ${summary.skipped.length}`,
    ...summary.skipped.map((s) => `  - ${s.source}: ${s.reason}`),
    ...(unsupported ? [`not supported yet: ${unsupported}`] : []),
    `model: ${summary.model.loaded ? summary.model.modelId : `none — lexical-only (${summary.model.reason})`}`,
    ...(summary.fullRebuildReason ? [`full rebuild: ${summary.fullRebuildReason}`] : []),
    `seconds: ${summary.seconds.toFixed(2)}`,
    `index: ${config.indexDir}${summary.nothingChanged ? ' (unchanged, nothing written)' : ''}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  // Skipped files are reported, not fatal; exit 3 lets scripts notice them anyway.
  if (summary.skipped.length > 0) process.exitCode = 3;
}

async function check(config: Parameters<typeof checkIndex>[0]): Promise<void> {
  const { indexDir } = config;
  let result: Awaited<ReturnType<typeof checkIndex>>;
  try {
    result = await checkIndex(config);
  } catch (error) {
    if (!isIsnadError(error, 'INDEX_CORRUPT')) throw error;
    // A plain ingest trusts files whose size and time are as written, so it might not notice: start over.
    throw new IsnadError(
      'INDEX_CORRUPT',
      `${error.message} To rebuild the index from the documents (they are not touched), delete ${indexDir}/CURRENT and run \`npm run ingest\`.`,
      error.details,
      { cause: error },
    );
  }
  if (!result) {
    process.stdout.write(`no index in ${indexDir} yet: \`npm run ingest\` builds one\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`index ok: all ${result.files} files of ${result.generation} match their checksums\n`);
}

main().catch(reportFatal);
