import { expect, test } from 'vitest';
import { redact, redactingLogger, tokenSecrets } from '../../src/discord/redact.js';
import { collectingLogger } from '../helpers/collecting-logger.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';

test('the whole token and each of its parts are scrubbed', () => {
  const [id, , hmac] = TOKEN.split('.');
  const text = `Authorization: Bot ${TOKEN}; identify ${id}; sig ${hmac}`;
  const out = redact(text, tokenSecrets(TOKEN));
  expect(out).toBe('Authorization: Bot [redacted]; identify [redacted]; sig [redacted]');
});

test('parts shorter than 6 characters are too common to scrub; no token scrubs nothing', () => {
  expect(redact('the GhIj part stays', tokenSecrets('abcdefgh.GhIj.ijklmnop'))).toBe('the GhIj part stays');
  expect(redact('nothing to hide', tokenSecrets(undefined))).toBe('nothing to hide');
});

test('the redacting logger scrubs messages and fields at every level', () => {
  const log = collectingLogger();
  const safe = redactingLogger(log, tokenSecrets(TOKEN));
  safe.warn(`login with ${TOKEN}`, { header: `Bot ${TOKEN}` });
  safe.debug('plain');
  expect(JSON.stringify(log.lines)).not.toContain(TOKEN.split('.')[2]);
  expect(log.lines).toEqual([
    { level: 'warn', message: 'login with [redacted]', fields: { header: 'Bot [redacted]' } },
    { level: 'debug', message: 'plain' },
  ]);
});
