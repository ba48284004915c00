import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // node-pty and moto child processes are happier in forked workers than in threads.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
