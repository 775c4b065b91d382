/**
 * What the main thread was doing during each event-loop stall that scripts/reindex-under-load.ts recorded:
 *   STALLS_FILE=stalls.json node --cpu-prof --cpu-prof-dir=prof --import tsx scripts/reindex-under-load.ts 100000
 *   npx tsx scripts/stall-sources.ts prof/<the main thread's .cpuprofile, the largest> stalls.json [how many=6]
 * Prints, per stall (longest first), the frames sampled inside it with their sample counts (inclusive).
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface Stall {
  ms: number;
  step: string;
  at: number;
  endUs: number;
}

const [profileFile, stallsFile, count = '6'] = process.argv.slice(2);
if (!profileFile || !stallsFile) throw new Error('usage: stall-sources.ts <profile.cpuprofile> <stalls.json> [how many]');
const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as Profile;
const stalls = (JSON.parse(fs.readFileSync(stallsFile, 'utf8')) as Stall[]).sort((a, b) => b.ms - a.ms).slice(0, Number(count));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const times: number[] = [];
let t = profile.startTime;
for (const delta of profile.timeDeltas) times.push((t += delta));

for (const stall of stalls) {
  const from = stall.endUs - stall.ms * 1000;
  const frames = new Map<string, number>();
  let samples = 0;
  times.forEach((time, i) => {
    if (time < from || time > stall.endUs) return;
    samples++;
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = name(byId.get(id)!);
      if (!seen.has(frame)) frames.set(frame, (frames.get(frame) ?? 0) + 1);
      seen.add(frame);
    }
  });
  console.log(`\n${stall.ms.toFixed(0)} ms stall (${stall.step}, ${stall.at.toFixed(1)} s into the reindex): ${samples} samples`);
  for (const [frame, n] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(5)}  ${frame}`);
}
