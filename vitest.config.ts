import { defineConfig } from 'vitest/config';

// Many tests start real processes or build a real index; on a shared 2-core machine (CI, several
// jobs at once) 5 s is not enough. Time is never asserted: these are only the give-up limits.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000 },
});
