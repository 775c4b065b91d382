/** What the measuring scripts share: a line stamped with the machine's load, and page-cache eviction. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Prints `line` with the 1, 5 and 15 minute load averages: a timing means little without them. */
export const say = (line: string): void => console.log(`${line}   [load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}]`);

/**
 * Drops `files` from the page cache (posix_fadvise DONTNEED, which Node does not expose), so the next
 * reads come from disk as after this VM's idle pageout.
 */
export function evictFromPageCache(files: readonly string[]): void {
  execFileSync('python3', ['-c', 'import os,sys\nfor f in sys.argv[1:]:\n fd=os.open(f,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)', ...files]);
}

/**
 * The vector ids of generation `dir`, in row order: its vector-ids.json, or, where the store keeps none
 * (format 3: its ids are the passages'), its passages' ids. Give them to UsearchVectorStore.load.
 */
export function generationIds(dir: string): string[] {
  const own = path.join(dir, 'vector-ids.json');
  return (JSON.parse(readFileSync(existsSync(own) ? own : path.join(dir, 'passages.json'), 'utf8')) as { ids: string[] }).ids;
}
