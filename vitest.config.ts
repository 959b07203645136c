import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: argon2 and the browser tests are CPU-bound; two workers keep the suite honest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
