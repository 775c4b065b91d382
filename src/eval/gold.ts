import fs from 'node:fs/promises';
import { IsnadError } from '../errors.js';

/** One acceptable answer: a file-name prefix and a substring the cited passage must contain. */
export type GoldEntry = readonly [filePrefix: string, substring: string];

/** A question of the gold set. An empty `gold` means the collection does not answer it. */
export interface GoldQuestion {
  id: string;
  q: string;
  lang: string;
  gold: GoldEntry[];
  /** Any other string fields of the line (e.g. `"dialect":"gulf"`): the eval reports each value apart. */
  tags: Record<string, string>;
  /** 1-based line in the gold file, for messages. */
  line: number;
}

const CORE_FIELDS = new Set(['id', 'q', 'lang', 'gold']);

function fail(file: string, line: number, what: string): never {
  throw new IsnadError('EVAL_GOLD_INVALID', `${file}:${line}: ${what}. Expected one JSON object a line: {"id","q","lang"?,"gold":[["001","exact substring"],…]}.`, {
    file,
    line,
  });
}

/**
 * Parses a gold file (JSON Lines, see eval/README.md). Blank lines are skipped; anything
 * else malformed throws EVAL_GOLD_INVALID naming the line and what is wrong.
 */
export function parseGold(text: string, file = 'gold file'): GoldQuestion[] {
  const questions: GoldQuestion[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(file, line, `not valid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(file, line, 'not a JSON object');
    const record = value as Record<string, unknown>;
    const { id, q, lang, gold } = record;
    if (typeof id !== 'string' || id.trim() === '') fail(file, line, '"id" must be a non-empty string');
    const earlier = seen.get(id);
    if (earlier !== undefined) fail(file, line, `duplicate id "${id}" (first on line ${earlier})`);
    if (typeof q !== 'string' || q.trim() === '') fail(file, line, `"q" must be a non-empty string (id ${id})`);
    if (lang !== undefined && (typeof lang !== 'string' || !/^[a-z]{2,3}$/.test(lang))) {
      fail(file, line, `"lang" must be a language code like "ar" or "en" (id ${id})`);
    }
    if (!Array.isArray(gold)) fail(file, line, `"gold" must be an array of ["file prefix", "substring"] pairs (id ${id})`);
    const entries: GoldEntry[] = gold.map((entry, k) => {
      if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
        fail(file, line, `gold[${k}] must be a pair of strings ["file prefix", "substring"] (id ${id})`);
      }
      if (entry[0].trim() === '' || entry[1].trim() === '') fail(file, line, `gold[${k}] has an empty file prefix or substring (id ${id})`);
      return [entry[0], entry[1]] as const;
    });
    seen.set(id, line);
    const tags: Record<string, string> = {};
    for (const [key, tag] of Object.entries(record)) if (!CORE_FIELDS.has(key) && typeof tag === 'string' && tag.trim() !== '') tags[key] = tag;
    questions.push({ id, q, lang: (lang as string | undefined) ?? 'ar', gold: entries, tags, line });
  });
  if (questions.length === 0) throw new IsnadError('EVAL_GOLD_INVALID', `${file}: no questions (the file is empty).`, { file });
  return questions;
}

export async function readGoldFile(file: string): Promise<GoldQuestion[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new IsnadError('EVAL_GOLD_INVALID', `Cannot read the gold file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { file }, { cause: error });
  }
  return parseGold(text, file);
}
