import type { Bm25Builder } from '../index/bm25-builder.js';
import type { ExtractedText, KeptWork, Manifest, PreviousIndex } from '../index/snapshot.js';
import type { Document, Passage } from '../types.js';
import type { FileEntry } from './load.js';

/**
 * The passages and analyzed words an unchanged file keeps from the previous build. A file is
 * unchanged when its extracted text has the same hash (and, for a paged document, the same pages)
 * under the same name: chunking and analysis are pure functions of those (their versions are in the
 * manifest; a change of either rebuilds everything), so what it kept is what it would get again.
 */
export class KeptFiles {
  /** Source → its passages' rows in the previous build, when its content is known. */
  private readonly rows = new Map<string, { hash: string; first: number; count: number }>();
  /** Source → the file as the previous build found it. */
  private readonly before = new Map<string, Manifest['files'][number]>();
  private texts: Promise<Map<string, ExtractedText>> | null = null;
  /** The previous vocabulary's term numbers → the new build's (−1 until met). */
  private readonly renumber: Int32Array;

  private constructor(
    private readonly kept: KeptWork,
    files: Manifest['files'],
  ) {
    let first = 0;
    for (const file of files) {
      this.rows.set(file.source, { hash: file.hash, first, count: file.passages });
      this.before.set(file.source, file);
      first += file.passages;
    }
    this.renumber = new Int32Array(kept.vocabulary.length).fill(-1);
  }

  /**
   * What can be kept of `previous`, or null: nothing after a full-rebuild reason, nor when its kept
   * work does not line up with its manifest (then every file is read into passages again).
   */
  static of(previous: PreviousIndex | null, fullRebuildReason: string | null): KeptFiles | null {
    const kept = previous?.kept;
    if (!previous || !kept || fullRebuildReason !== null) return null;
    const files = previous.manifest.files;
    if (files.reduce((sum, f) => sum + f.passages, 0) !== kept.passages.length || kept.words.offsets.length !== kept.passages.length + 1) return null;
    let row = 0;
    for (const file of files) {
      for (let k = 0; k < file.passages; k++, row++) if (kept.passages[row]!.source !== file.source) return null;
    }
    return new KeptFiles(kept, files);
  }

  /**
   * The document in `file` as the previous build read it, without reading the file, when the file has
   * the very stamp that build recorded (size, modification and status-change times, inode); null when
   * it must be read. Any write to a file sets its status-change time to the present, which no user can
   * set back (`touch -r` restores only the modification time), so an edit, even one that keeps the size
   * and the modification time, is read. A stamp is recorded only once settled (FileEntry.settled). A text
   * the previous generation cannot give (unreadable, or not kept) is read from the file.
   */
  async unreadDocument(file: FileEntry): Promise<Document | null> {
    const before = this.before.get(file.source);
    if (!before || before.ctimeMs === undefined || before.ino === undefined) return null;
    if (before.bytes !== file.bytes || before.mtimeMs !== file.mtimeMs || before.ctimeMs !== file.ctimeMs || before.ino !== file.ino) return null;
    const text = (await (this.texts ??= this.kept.texts().catch(() => new Map<string, ExtractedText>()))).get(file.source);
    if (!text) return null;
    const document = { source: file.source, hash: before.hash, bytes: before.bytes, ...(text.pages ? { pages: text.pages } : {}) } as Document;
    // Read from `text` when asked (it decodes then): a document whose passages are kept is never asked.
    return Object.defineProperty(document, 'text', { get: () => text.text, enumerable: true });
  }

  /** The generation folder the kept work was read from. */
  get generation(): string {
    return this.kept.generation;
  }

  /** Whether the previous build holds this very text for `document`'s source (the same hash). */
  holds(document: Document): boolean {
    return this.before.get(document.source)?.hash === document.hash;
  }

  /** The rows of the previous build's passages `document` keeps, or null when it must be chunked again. */
  rowsOf(document: Document): { first: number; count: number } | null {
    const rows = this.rows.get(document.source);
    if (!rows || rows.hash !== document.hash || rows.count === 0) return null;
    const before = this.kept.pages?.get(document.source) ?? null;
    const pages = document.pages ?? null;
    if (pages || before) {
      if (!pages || !before || before.length !== pages.length || before.some((start, i) => start !== pages[i])) return null;
    }
    return rows;
  }

  passage(row: number): Passage {
    return this.kept.passages[row]!;
  }

  /** Adds the kept passage `row` to `builder` by its kept words. */
  addTo(builder: Bm25Builder, row: number): void {
    const { offsets, ids } = this.kept.words;
    builder.addNumbered(ids, offsets[row]!, offsets[row + 1]!, this.kept.vocabulary, this.renumber);
  }
}
