/** Issue 10, item 12: a cooldown map over many users expires entries without rescanning them all. */
import { expect, test } from 'vitest';
import { Cooldowns } from '../../src/discord/cooldown.js';

test('40k users in one second: each take looks at O(1) entries (amortized), and cooldowns still hold', () => {
  let now = 0;
  const cooldowns = new Cooldowns(() => now);
  const users = 40_000;
  for (let i = 0; i < users; i++) {
    now = Math.floor((i * 1000) / users); // all within one second, all still cooling down
    expect(cooldowns.take('ask', `u${i}`, 5_000)).toBeNull();
  }
  // Scanning every held entry on each new one (the old sweep above 10k) is ~30k × 30k checks.
  expect(cooldowns.expiryChecks).toBeLessThanOrEqual(2 * users);
  expect(cooldowns.take('ask', 'u20000', 5_000)).toBe(5_500);
  expect(cooldowns.size).toBe(users);

  // Once they expire they are dropped, each looked at about once more.
  now = 10_000;
  const before = cooldowns.expiryChecks;
  expect(cooldowns.take('ask', 'late', 5_000)).toBeNull();
  expect(cooldowns.size).toBe(1);
  expect(cooldowns.expiryChecks - before).toBeLessThanOrEqual(users + 1);
  expect(cooldowns.take('ask', 'u1', 5_000)).toBeNull();
});

test('a user taking again goes to the back of the queue, so an older entry expires first', () => {
  let now = 0;
  const cooldowns = new Cooldowns(() => now);
  expect(cooldowns.take('post', 'a', 100)).toBeNull();
  now = 50;
  expect(cooldowns.take('post', 'b', 100)).toBeNull();
  now = 120;
  expect(cooldowns.take('post', 'a', 100)).toBeNull(); // a's first cooldown ended; a's new one ends at 220
  now = 160;
  expect(cooldowns.take('post', 'b', 100)).toBeNull(); // b's ended at 150: expired even though a is older in time
  expect(cooldowns.take('post', 'a', 100)).toBe(220);
});
