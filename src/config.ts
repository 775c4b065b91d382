import path from 'node:path';
import { z } from 'zod';
import { IsnadError } from './errors.js';
import { VECTOR_STORE_KINDS, type VectorStoreKind } from './index/vector-store.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = z.coerce.number().int().positive();

const MODEL_DTYPES = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16'] as const;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/**
 * What each variable accepts, in our words: the message for any bad value. Zod's own texts
 * ("Invalid enum value…, received '…'") echo the value, and a token pasted into the wrong variable
 * would reach the terminal or a log; these never do.
 */
export type VariableRules = Record<string, string>;

export const CORE_RULES: VariableRules = {
  DOCS_DIR: 'must be the path of a folder of .txt, .md, .pdf, .docx, .html or .htm files (default seeds)',
  INDEX_DIR: 'must be the path of the folder the index is written to (default index)',
  MODEL_ID: 'must be a Hugging Face model id such as Xenova/multilingual-e5-small, or none',
  MODEL_DTYPE: `must be one of ${MODEL_DTYPES.join(', ')} (default q8)`,
  MODEL_DIR: 'must be the path of a folder holding <MODEL_ID>/config.json, tokenizer.json and onnx/',
  MODEL_CACHE_DIR: 'must be the path of a folder for downloaded models',
  ALLOW_REMOTE_MODELS: 'must be true or false (1/0 and yes/no also work)',
  MODEL_LOAD_TIMEOUT_MS: 'must be a number: whole milliseconds above 0, such as 120000 (the default)',
  MODEL_QUERY_PREFIX: 'must be text, such as "query: "',
  MODEL_PASSAGE_PREFIX: 'must be text, such as "passage: "',
  VECTOR_STORE: `must be one of ${VECTOR_STORE_KINDS.join(', ')} (default usearch)`,
  MAX_FILE_BYTES: 'must be a number: whole bytes above 0, such as 10485760 (10 MB, the default)',
  LOG_LEVEL: `must be one of ${LOG_LEVELS.join(', ')} (default info)`,
};

/** Where Debian and Ubuntu install dictd dictionaries (apt-get install dict-freedict-eng-ara). */
export const DEFAULT_DICT_DIR = '/usr/share/dictd';
/** Larger files are skipped (FILE_TOO_LARGE). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Everything the core (ingest, ask, eval) needs. Discord settings live in the bot's own schema. */
const coreSchema = z.object({
  DOCS_DIR: z.string().min(1).default('seeds'),
  INDEX_DIR: z.string().min(1).default('index'),
  /** Hub id of the embedding model; `none` runs lexical-only on purpose. */
  MODEL_ID: z.string().min(1).default('Xenova/multilingual-e5-small'),
  MODEL_DTYPE: z.enum(MODEL_DTYPES).default('q8'),
  /** Folder holding local models as `<MODEL_DIR>/<MODEL_ID>/{config.json,tokenizer.json,onnx/…}`. */
  MODEL_DIR: z.string().min(1).optional(),
  MODEL_CACHE_DIR: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: booleanFlag.default('true'),
  /** The hub client has no timeout of its own; a silent host would hang start-up for minutes. */
  MODEL_LOAD_TIMEOUT_MS: positiveInt.default(120_000),
  /** Overrides for the model's instruction prefixes (e5 needs `query: ` / `passage: `). */
  MODEL_QUERY_PREFIX: z.string().optional(),
  MODEL_PASSAGE_PREFIX: z.string().optional(),
  /** Folder holding freedict-eng-ara.index and .dict.dz (Debian/Ubuntu: apt-get install dict-freedict-eng-ara). */
  DICT_DIR: z.string().min(1).default(DEFAULT_DICT_DIR),
  VECTOR_STORE: z.enum(VECTOR_STORE_KINDS).default('usearch'),
  MAX_FILE_BYTES: positiveInt.default(DEFAULT_MAX_FILE_BYTES),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type CoreConfigInput = z.input<typeof coreSchema>;

export interface ModelConfig {
  modelId: string | null;
  dtype: z.infer<typeof coreSchema>['MODEL_DTYPE'];
  localModelDir: string | null;
  cacheDir: string | null;
  allowRemote: boolean;
  loadTimeoutMs: number;
  queryPrefix: string | null;
  passagePrefix: string | null;
}

export interface CoreConfig {
  docsDir: string;
  indexDir: string;
  model: ModelConfig;
  /** Where the English→Arabic dictionary is looked for (English questions without a model). */
  dictDir: string;
  vectorStore: VectorStoreKind;
  maxFileBytes: number;
  logLevel: z.infer<typeof coreSchema>['LOG_LEVEL'];
}

type Env = Record<string, string | undefined>;

/** Blank values count as unset, so `FOO=` in a copied .env.example means "use the default". */
function withoutBlanks(env: Env): Env {
  const result: Env = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[key] = value;
  }
  return result;
}

/**
 * Validates `env` against `schema`. The message names the variable and what it accepts (from `rules`,
 * or a check's own `custom` message), never the value given.
 */
export function parseEnv<T extends z.ZodTypeAny>(schema: T, env: Env, rules: VariableRules = CORE_RULES): z.infer<T> {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = issue.path.join('.') || 'environment';
  const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
  const rule = missing ? 'is required' : issue.code === 'custom' ? issue.message : rules[variable] ?? 'has a value that is not accepted';
  throw new IsnadError('CONFIG_INVALID', `${variable} ${rule}. Set it in .env (see .env.example).`, { variable });
}

export function loadConfig(env: Env, cwd: string = process.cwd()): CoreConfig {
  const raw = parseEnv(coreSchema, env);
  const resolve = (p: string | undefined) => (p === undefined ? null : path.resolve(cwd, p));
  return {
    docsDir: path.resolve(cwd, raw.DOCS_DIR),
    indexDir: path.resolve(cwd, raw.INDEX_DIR),
    model: {
      modelId: raw.MODEL_ID.toLowerCase() === 'none' ? null : raw.MODEL_ID,
      dtype: raw.MODEL_DTYPE,
      localModelDir: resolve(raw.MODEL_DIR),
      cacheDir: resolve(raw.MODEL_CACHE_DIR),
      allowRemote: raw.ALLOW_REMOTE_MODELS,
      loadTimeoutMs: raw.MODEL_LOAD_TIMEOUT_MS,
      queryPrefix: raw.MODEL_QUERY_PREFIX ?? null,
      passagePrefix: raw.MODEL_PASSAGE_PREFIX ?? null,
    },
    dictDir: path.resolve(cwd, raw.DICT_DIR),
    vectorStore: raw.VECTOR_STORE,
    maxFileBytes: raw.MAX_FILE_BYTES,
    logLevel: raw.LOG_LEVEL,
  };
}

export { coreSchema };
