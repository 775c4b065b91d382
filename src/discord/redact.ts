import type { Logger } from '../log.js';

/** The whole token, and each of its dot-separated parts (discord.js debug output prints the first two). */
export function tokenSecrets(token: string | undefined): string[] {
  return token ? [token, ...token.split('.')] : [];
}

/** A function replacing every secret with `[redacted]`; secrets shorter than 6 characters are too common to scrub. */
export function secretScrubber(secrets: string[]): (text: string) => string {
  // Longest first, so the whole token is replaced before its parts.
  const live = [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  return (text) => live.reduce((out, s) => out.split(s).join('[redacted]'), text);
}

export function redact(text: string, secrets: string[]): string {
  return secretScrubber(secrets)(text);
}

/** A logger that scrubs secrets (the bot token) from every message and field. */
export function redactingLogger(log: Logger, secrets: string[]): Logger {
  const scrub = secretScrubber(secrets);
  const fields = (f?: Record<string, unknown>) => (f === undefined ? undefined : (JSON.parse(scrub(JSON.stringify(f))) as Record<string, unknown>));
  return {
    debug: (m, f) => log.debug(scrub(m), fields(f)),
    info: (m, f) => log.info(scrub(m), fields(f)),
    warn: (m, f) => log.warn(scrub(m), fields(f)),
    error: (m, f) => log.error(scrub(m), fields(f)),
  };
}
