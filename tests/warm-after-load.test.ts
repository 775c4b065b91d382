/**
 * A graph served from its file is read by the searches that touch it: the bot pages it in right after
 * loading (prepareSearch), in the background, and stops doing so once it is closed or serves another index.
 */
import { expect, test } from 'vitest';
import { IndexedCollection } from '../src/indexed-collection.js';
import { Bm25Builder } from '../src/index/bm25-builder.js';
import { FORMAT_VERSION, type IndexSnapshot } from '../src/index/snapshot.js';
import { silentLogger } from '../src/log.js';
import { FlatVectorStore } from '../src/store/flat-store.js';

/** A store that records the warm-ups asked of it and whether they were told to stop. */
class RecordingStore extends FlatVectorStore {
  readonly warmups: Array<() => boolean> = [];
  async warm(stopped: () => boolean): Promise<number> {
    this.warmups.push(stopped);
    return 0;
  }
}

function snapshotWith(vectors: FlatVectorStore): IndexSnapshot {
  return {
    manifest: {
      formatVersion: FORMAT_VERSION, chunkerVersion: 1, analyzerVersion: 1, model: null, vectorStore: 'usearch',
      docsDir: 'seeds', builtAt: new Date().toISOString(), passages: 0, files: [], skipped: [],
    },
    passages: [],
    lexical: new Bm25Builder().finish(),
    vectors,
  };
}

test('prepareSearch pages the loaded vector store in, and that warm-up stops once the collection is closed', async () => {
  const store = new RecordingStore(4);
  const collection = new IndexedCollection('seeds', snapshotWith(store), { embedder: null, status: { loaded: false, modelId: null, reason: 'test' } }, {
    log: silentLogger,
    rebuild: () => Promise.reject(new Error('this test does not reindex')),
  });
  await collection.prepareSearch();
  expect(store.warmups).toHaveLength(1);
  const stopped = store.warmups[0]!;
  expect(stopped()).toBe(false);
  collection.close();
  expect(stopped()).toBe(true);
});
