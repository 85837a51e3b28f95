import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the studio (web/dist) when its sources changed, before any test server starts.
    globalSetup: ['test/global-setup.ts'],
    // Native modules (Skia, SQLite) and child processes are happiest in forked workers.
    pool: 'forks',
    // End-to-end tests render real videos with real ffmpeg on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time: each render already uses both cores through ffmpeg.
    maxWorkers: 2,
  },
});
