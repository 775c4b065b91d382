/**
 * /reindex does not freeze the bot: while a reindex is in progress in its worker thread (held open at its
 * embedding step by a gate, so the test needs no timing: the worker waits for vectors this thread
 * withholds), /ask is answered over the index being served, and the gateway connection stays up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationCommandOptionType } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import { CountingEmbedder } from '../fakes/counting-embedder.js';
import { PERMISSIONS } from '../fakes/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

/** Embeds normally until closed; then every passage batch waits until the test opens it again. */
class GatedEmbedder extends CountingEmbedder {
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  waiting = false;

  close(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  open(): void {
    this.openGate?.();
    this.gate = null;
  }

  override async embedPassages(texts: string[]): Promise<Float32Array[]> {
    if (this.gate) {
      this.waiting = true;
      await this.gate;
    }
    return super.embedPassages(texts);
  }
}

let h: Harness;
let collection: Collection;
let docsDir: string;
let indexDir: string;
const embedder = new GatedEmbedder();

beforeAll(async () => {
  docsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-reindex-docs-'));
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-reindex-index-'));
  fs.cpSync('seeds', docsDir, { recursive: true });
  const config = loadConfig({ DOCS_DIR: docsDir, INDEX_DIR: indexDir, MODEL_ID: embedder.modelId });
  const loadModel = async () => ({ embedder, status: { loaded: true as const, modelId: embedder.modelId, dimensions: embedder.dimensions } });
  collection = await openCollection(config, { log: createLogger('silent'), loadModel, reindexInWorker: true });
  h = await startHarness(collection);
}, 30_000);

afterAll(async () => {
  embedder.open();
  await h?.close();
  for (const dir of [docsDir, indexDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('during a /reindex, /ask is answered before the reindex finishes, with no gateway reconnect', async () => {
  fs.writeFileSync(path.join(docsDir, 'new.txt'), 'وصل وفد جديد إلى المفاوضات في أستانة صباح اليوم.\n');
  const connections = h.fake.connections;
  embedder.close();
  const reindex = h.fake.injectCommand('reindex', [], { permissions: PERMISSIONS.manageGuild });
  await h.fake.waitForCall((c) => c.path === reindex.callbackPath, 10_000);
  await expect.poll(() => embedder.waiting, { timeout: 10_000 }).toBe(true);

  const ask = h.fake.injectCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'من يرأس وفد النظام السوري؟' }]);
  const answer = await h.fake.waitForCall((c) => c.method === 'PATCH' && c.path === ask.originalPath, 10_000);
  expect(JSON.stringify(answer.body)).toContain('بشار الجعفري');
  // Answered while the reindex was still running: it has not finished and has not reported so.
  expect(collection.status().reindexing).toBe(true);
  expect(h.fake.calls.some((c) => c.path === reindex.originalPath && String(c.body?.content).includes('Reindex finished'))).toBe(false);

  embedder.open();
  await h.fake.waitForCall((c) => c.path === reindex.originalPath && String(c.body?.content).includes('Reindex finished'), 20_000);
  // The new passage is served once the worker's generation is swapped in.
  expect(collection.documents().map((d) => d.source)).toContain('new.txt');
  expect(h.fake.connections).toBe(connections);
}, 60_000);
