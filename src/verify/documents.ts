/**
 * The full text of an indexed document, or null when it cannot be read or changed since indexing.
 * Supplied by the core (which may read files); verify only asks.
 */
export type DocumentText = (source: string) => Promise<string | null>;
