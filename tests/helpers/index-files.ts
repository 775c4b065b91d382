import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The generation folder CURRENT points to. */
export function currentGeneration(indexDir: string): string {
  return path.join(indexDir, fs.readFileSync(path.join(indexDir, 'CURRENT'), 'utf8').trim());
}

/**
 * Records the checksums of a hand-edited generation again, as a forger who also edits the manifest
 * would: the load's structural checks (not only the checksum) must then catch the damage.
 */
export function resign(generation: string): void {
  const manifestFile = path.join(generation, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const checksums: Record<string, string> = {};
  for (const name of fs.readdirSync(generation).sort()) {
    if (name === 'manifest.json' || name.startsWith('.')) continue;
    checksums[name] = createHash('sha256').update(fs.readFileSync(path.join(generation, name))).digest('hex');
  }
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, checksums }));
}
