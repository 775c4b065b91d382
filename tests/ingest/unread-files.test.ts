/**
 * An update does not read a file whose stamp (size, modification and status-change times, inode) is
 * the one the previous build recorded: it keeps the text that build read. Any edit is still seen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/ingest/build-index.js';
import { scanDocuments } from '../../src/ingest/load.js';
import type { PreviousIndex } from '../../src/index/snapshot.js';
import { IndexDirectory } from '../../src/store/index-dir.js';
import { testBuildOptions } from '../helpers/build-options.js';
import { currentGeneration } from '../helpers/index-files.js';
import { copyOfSeeds, tempDir } from '../helpers/temp.js';

/** With `settleMs` 0 a file counts as settled once its times are before the scan's clock reading. */
async function untilClockPasses(docsDir: string): Promise<void> {
  const latest = Math.max(...fs.readdirSync(docsDir).map((name) => {
    const stat = fs.statSync(path.join(docsDir, name));
    return Math.max(stat.mtimeMs, stat.ctimeMs);
  }));
  for (let attempt = 0; attempt < 200 && Date.now() <= latest; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** `settleMs` 0: files written a moment ago count as settled (the default waits 3 s past a write). */
async function build(docsDir: string, previous: PreviousIndex | null, settleMs = 0) {
  if (settleMs === 0) await untilClockPasses(docsDir);
  return buildIndex({ ...testBuildOptions(docsDir, previous), scan: await scanDocuments(docsDir, { settleMs }) });
}

async function published(docs: string, settleMs = 0) {
  const directory = new IndexDirectory(path.join(tempDir(), 'index'));
  await directory.publish((await build(docs, null, settleMs)).snapshot);
  return { directory, previous: () => directory.loadReusable(currentGeneration(directory.root)) };
}

/**
 * Change times come from the kernel's coarse clock (a few ms per tick): an edit within the tick of the
 * recorded write would keep its change time. The 3 s settle rule guards real builds against this; tests
 * with `settleMs` 0 wait for the tick instead (bounded).
 */
async function afterChangeTimeOf(file: string): Promise<void> {
  const recorded = fs.statSync(file).ctimeMs;
  const probe = path.join(tempDir(), 'probe');
  for (let attempt = 0; attempt < 200; attempt++) {
    fs.writeFileSync(probe, '');
    if (fs.statSync(probe).ctimeMs > recorded) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function docsWithNote(): { docs: string; note: string } {
  const docs = copyOfSeeds();
  const note = path.join(docs, 'note.txt');
  fs.writeFileSync(note, 'The convoy reached the northern port on Thursday.\n');
  return { docs, note };
}

describe('files with the stamp the previous build recorded', () => {
  it('are not read again, and the update is the index a full build makes', async () => {
    const { docs } = docsWithNote();
    const { directory, previous } = await published(docs);
    fs.writeFileSync(path.join(docs, 'added.txt'), 'A new market opened by the northern port.\n');
    const update = await build(docs, await previous());
    const full = await build(docs, null);
    expect(update.summary.files).toBe(full.summary.files);
    expect(update.summary.read).toBe(1); // added.txt alone
    expect(full.summary.read).toBe(full.summary.files);
    expect(update.snapshot.passages).toEqual(full.snapshot.passages);
    expect(update.snapshot.extracted!.map(({ unchanged: _, ...text }) => text)).toEqual(full.snapshot.extracted);
    expect(update.snapshot.manifest.files).toEqual(full.snapshot.manifest.files);
    // A file that was read and published with an unchanged stamp is not read by the next update either.
    await directory.publish(update.snapshot);
    const again = await build(docs, await previous());
    expect(again.summary.read).toBe(0);
    expect(again.summary.nothingChanged).toBe(true);
  });

  it('an edit that keeps the size and puts the modification time back is still read (its change time moved)', async () => {
    const { docs, note } = docsWithNote();
    const { previous } = await published(docs);
    const before = fs.statSync(note);
    await afterChangeTimeOf(note);
    const stamp = path.join(tempDir(), 'stamp');
    fs.writeFileSync(stamp, '');
    execFileSync('touch', ['-r', note, stamp]); // `touch -r` copies the times to the nanosecond
    fs.writeFileSync(note, 'The convoy reached the northern port on Thursday.\n'.replace('northern', 'nortHern'));
    execFileSync('touch', ['-r', stamp, note]);
    const after = fs.statSync(note);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    const update = await build(docs, await previous());
    expect(update.summary.read).toBe(1);
    expect(update.summary.changes).toMatchObject({ changed: 1 });
    expect(update.snapshot.passages.find((p) => p.source === 'note.txt')?.text).toContain('nortHern');
  });

  it('a file replaced by another of the same size and times (a new inode) is read', async () => {
    const { docs, note } = docsWithNote();
    const { previous } = await published(docs);
    const other = path.join(tempDir(), 'other.txt');
    fs.writeFileSync(other, 'The convoy reached the northern port on Thursday.\n'.replace('northern', 'Northern'));
    execFileSync('touch', ['-r', note, other]);
    fs.renameSync(other, note);
    const update = await build(docs, await previous());
    expect(update.summary.read).toBe(1);
    expect(update.snapshot.passages.find((p) => p.source === 'note.txt')?.text).toContain('Northern');
  });

  it('a file written just before the build is read again by the next (its stamp had not settled)', async () => {
    const { docs } = docsWithNote();
    const { previous } = await published(docs, 60_000);
    const update = await build(docs, await previous());
    expect(update.summary.read).toBe(update.summary.files);
    expect(update.summary.analyzed).toBe(0); // the same text: its passages are kept all the same
  });

  it('a file now over MAX_FILE_BYTES is skipped, as a full build would', async () => {
    const { docs, note } = docsWithNote();
    fs.writeFileSync(note, 'The convoy reached the northern port on Thursday.\n'.repeat(200));
    const { previous } = await published(docs);
    const update = await buildIndex({
      ...testBuildOptions(docs, await previous()),
      maxFileBytes: fs.statSync(note).size - 1,
      scan: await scanDocuments(docs, { settleMs: 0 }),
    });
    expect(update.summary.skipped.map((s) => s.source)).toContain('note.txt');
  });
});
