/**
 * Loads INDEX_DIR in its own process (argv[2]) and prints what happened as one JSON line: a native
 * reader given a damaged file can kill the process, which a test in-process could not observe.
 */
import { isIsnadError } from '../../src/errors.js';
import { IndexDirectory } from '../../src/store/index-dir.js';

try {
  const snapshot = await new IndexDirectory(process.argv[2]!).load();
  const hits = snapshot?.vectors ? await snapshot.vectors.query(snapshot.vectors.get(snapshot.passages[0]!.id)!, 3) : [];
  process.stdout.write(JSON.stringify({ loaded: snapshot?.passages.length ?? null, hits: hits.length }) + '\n');
} catch (error) {
  process.stdout.write(JSON.stringify({ code: isIsnadError(error) ? error.code : 'OTHER', message: String((error as Error).message) }) + '\n');
}
