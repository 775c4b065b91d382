import { describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/discord/cooldown.js';

describe('Cooldowns', () => {
  test('per user and command, with an injected clock', () => {
    let now = 1_000;
    const c = new Cooldowns(() => now);
    expect(c.take('ask', 'u1', 5_000)).toBeNull();
    expect(c.take('ask', 'u1', 5_000)).toBe(6_000);
    expect(c.take('ask', 'u2', 5_000)).toBeNull();
    expect(c.take('reindex', 'u1', 5_000)).toBeNull();
    now = 6_000;
    expect(c.take('ask', 'u1', 5_000)).toBeNull();
    c.release('ask', 'u1');
    expect(c.take('ask', 'u1', 5_000)).toBeNull();
  });
});
