import { inflateRawSync } from 'node:zlib';

/** A .docx is a zip; more than this uncompressed is a zip bomb as far as Isnad is concerned. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5000;

export type ZipProblem = { code: 'ARCHIVE_TOO_LARGE' | 'FILE_CORRUPT'; reason: string };

/**
 * Inflates every entry, capped, before any zip library sees the file: a central directory can lie
 * about sizes, so only really inflating (with a ceiling) proves the archive is small. Returns the
 * entry names, or what is wrong.
 */
export function checkZip(bytes: Buffer): { names: string[] } | ZipProblem {
  const corrupt = (why: string): ZipProblem => ({ code: 'FILE_CORRUPT', reason: `corrupt zip archive (${why})` });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return corrupt('no end-of-archive record');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return { code: 'ARCHIVE_TOO_LARGE', reason: 'zip64 archive: far larger than any document Isnad reads' };
  if (count > MAX_ENTRIES) return { code: 'ARCHIVE_TOO_LARGE', reason: `archive has ${count} entries (limit ${MAX_ENTRIES})` };
  const names: string[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return corrupt('bad central directory');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return corrupt('bad entry header');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (dataStart + compressed > bytes.length) return corrupt('entry runs past the end');
    const budget = MAX_UNCOMPRESSED_BYTES - total;
    if (declared > budget) return tooLarge();
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = inflateRawSync(bytes.subarray(dataStart, dataStart + compressed), { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooLarge();
        return corrupt('an entry does not inflate');
      }
    } else return corrupt(`compression method ${method}`);
    if (size > budget) return tooLarge();
    if (size !== declared) return corrupt('an entry is not the size its header says');
    total += size;
  }
  return { names };

  function tooLarge(): ZipProblem {
    return { code: 'ARCHIVE_TOO_LARGE', reason: `zip bomb: more than ${MAX_UNCOMPRESSED_BYTES / (1024 * 1024)} MiB uncompressed; not opened` };
  }
}
