import { defineConfig } from 'vitest/config';

// npm installs from the registry: generous timeouts, one file at a time (2 cores, shared).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
