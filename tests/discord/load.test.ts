/**
 * Issue 6 (Discord side), load: 200 /ask in 4 bursts of 50 against the REAL core (openCollection over
 * seeds/, lexical-only), with a /reindex started in the middle. Asserts only the promises: every
 * interaction deferred within Discord's 3 s, and every one answered (final edit received).
 * Throughput and latency percentiles are printed, not asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Collection } from '../../src/collection.js';
import { openCollection } from '../../src/open-collection.js';
import { PERMISSIONS, type InjectedInteraction } from '../fakes/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

const STRING = ApplicationCommandOptionType.String;
const DEADLINE_MS = 3_000;
const BURSTS = 4;
const PER_BURST = 50;
const BURST_GAP_MS = 400;
const QUESTIONS = [
  'من يرأس وفد النظام السوري؟',
  'من يرأس وفد المعارضة؟',
  'أين تجري المحادثات السورية؟',
  'ما هي الدول الضامنة؟',
  'كم تستمر المحادثات؟',
  'Who leads the delegation?',
  'ما هو الطقس على المريخ غدا؟',
];

let collection: Collection;
let indexDir: string;
let docsDir: string;

beforeAll(async () => {
  indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-discord-load-'));
  // A copy of seeds/: each run adds a document, so its /reindex has something to swap in (an unchanged one writes nothing).
  docsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-discord-load-docs-'));
  fs.cpSync('seeds', docsDir, { recursive: true });
  collection = await openCollection(loadConfig({ DOCS_DIR: docsDir, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: createLogger('silent') });
  await collection.prepareSearch(); // as src/main.ts does before the bot serves
}, 30_000);

afterAll(() => {
  if (indexDir) fs.rmSync(indexDir, { recursive: true, force: true });
  if (docsDir) fs.rmSync(docsDir, { recursive: true, force: true });
});

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 0.5).toFixed(1)} · p95 ${percentile(s, 0.95).toFixed(1)} · max ${s[s.length - 1]!.toFixed(1)} ms`;
};

/** One load run against a fresh bot + fake Discord over the shared real collection. */
async function loadRun(label: string, h: Harness): Promise<void> {
  const builtBefore = collection.status().builtAt;
  fs.writeFileSync(path.join(docsDir, `load-${label.replace(/\W+/g, '-')}.txt`), `وثيقة إضافية لاختبار الحمل: ${label}.`);
  const asks: InjectedInteraction[] = [];
  let reindex: InjectedInteraction | null = null;
  let userSeq = 700000000000000000n;
  const start = performance.now();
  for (let b = 0; b < BURSTS; b++) {
    if (b > 0) await new Promise((r) => setTimeout(r, BURST_GAP_MS));
    for (let n = 0; n < PER_BURST; n++) {
      const question = QUESTIONS[(b * PER_BURST + n) % QUESTIONS.length]!;
      asks.push(h.fake.injectCommand('ask', [{ name: 'question', type: STRING, value: question }], { user: { id: String(++userSeq) } }));
    }
    if (b === 1) {
      reindex = h.fake.injectCommand('reindex', [], { user: { id: String(++userSeq) }, permissions: PERMISSIONS.manageGuild });
    }
  }

  const results = await Promise.all(
    asks.map(async (i) => {
      const cb = await h.fake.waitForCall((c) => c.path === i.callbackPath, 15_000);
      const edit = await h.fake.waitForCall((c) => c.method === 'PATCH' && c.path === i.originalPath, 25_000);
      return { i, cb, edit, defer: cb.time - i.sentAt, final: edit.time - i.sentAt };
    }),
  );
  const end = Math.max(...results.map((r) => r.edit.time));

  // The /reindex ran during the bursts and finished; the index was swapped.
  const r = reindex!;
  const rcb = await h.fake.waitForCall((c) => c.path === r.callbackPath, 5_000);
  expect(rcb.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
  const done = await h.fake.waitForCall((c) => c.path === r.originalPath && String(c.body?.content).includes('Reindex finished'), 20_000);
  expect(collection.status().builtAt).not.toBe(builtBefore);
  const reindexMs = done.time - r.sentAt;

  const seconds = (end - start) / 1000;
  const rateWaits = h.logs.filter((l) => l.includes('REST rate limit')).length;
  console.log(
    [
      `LOAD [${label}]: ${results.length} /ask in ${BURSTS} bursts of ${PER_BURST} (${BURST_GAP_MS} ms apart), real index over seeds (${collection.status().passages} passages, lexical-only), /reindex in the middle`,
      `LOAD [${label}]: throughput ${(results.length / seconds).toFixed(1)} answers/s (${seconds.toFixed(2)} s from first INTERACTION_CREATE to last final edit)`,
      `LOAD [${label}]: INTERACTION_CREATE→defer:      ${summary(results.map((x) => x.defer))}`,
      `LOAD [${label}]: INTERACTION_CREATE→final edit: ${summary(results.map((x) => x.final))}`,
      `LOAD [${label}]: /reindex INTERACTION_CREATE→"Reindex finished": ${reindexMs.toFixed(1)} ms; discord.js client-side REST rate-limit waits logged: ${rateWaits}`,
    ].join('\n'),
  );

  // The promises: every one deferred in time and answered.
  for (const x of results) {
    expect(x.cb.body.type, 'deferred, not refused').toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(x.defer, 'defer within Discord’s 3 s').toBeLessThan(DEADLINE_MS);
    expect(x.edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(String(x.edit.body.content)).toMatch(/السؤال|Question/);
    expect(String(x.edit.body.content)).not.toContain('INTERNAL');
  }
  expect(new Set(results.map((x) => x.i.id)).size).toBe(BURSTS * PER_BURST);
  expect(h.logs.filter((l) => l.includes('ERROR:'))).toEqual([]);
}

test('200 /ask in 4 bursts of 50 with a /reindex in the middle (discord.js defaults): all deferred within 3 s, all answered', async () => {
  // Default REST options: discord.js's client-side global limit of 50 req/s also paces the final edits.
  // One user per interaction, so no cooldown.
  const h = await startHarness(collection, { progressEveryMs: 200 });
  try {
    await loadRun('default 50 req/s', h);
  } finally {
    await h.close();
  }
}, 40_000);

test('same load with the client-side global REST limit raised to 1000 req/s (test-only option), for comparison', async () => {
  // Discord exempts interaction endpoints from its global limit; this shows what the 50 req/s pacing costs.
  const h = await startHarness(collection, { progressEveryMs: 200, restGlobalRequestsPerSecond: 1000 });
  try {
    await loadRun('raised 1000 req/s', h);
  } finally {
    await h.close();
  }
}, 40_000);
