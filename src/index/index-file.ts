import fs from 'node:fs/promises';
import { IsnadError } from '../errors.js';

/** The one way an unreadable index file is reported: INDEX_CORRUPT, naming the file, so it gets rebuilt. */
export function indexCorrupt(file: string, problem: string, cause?: unknown): IsnadError {
  return new IsnadError('INDEX_CORRUPT', `Index file ${file} ${problem}.`, { file }, cause === undefined ? undefined : { cause });
}

export async function readIndexBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw indexCorrupt(file, 'is missing', error);
  }
}

export async function readIndexText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw indexCorrupt(file, 'is missing', error);
  }
}

export async function readIndexJson(file: string): Promise<unknown> {
  const text = await readIndexText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw indexCorrupt(file, 'is not valid JSON (truncated or edited by hand?)', error);
  }
}
