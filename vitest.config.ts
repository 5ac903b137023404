import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/cli/**/*.test.ts'] },
      },
      // Main-process and preload tests: the `electron` module is faked once, in this setup file.
      {
        extends: true,
        test: { name: 'electron', include: ['test/electron/**/*.test.ts'], setupFiles: ['test/electron/setup/setup.ts'] },
      },
      // Real PostgreSQL, HAProxy and node processes: after the other projects, one file at a time, generous timeouts.
      {
        extends: true,
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
