import { defineConfig } from 'vitest/config';

/**
 * The API test files (each boots servers through startTestServer and drives the /v1 routes) that run a second time
 * with the catalog on PostgreSQL and jobs on BullMQ/Redis (KINORA_TEST_BACKEND=distributed, see
 * test/helpers/test-backend.ts): the same suite must pass in both modes. Left out: unit tests, the studio's browser
 * and page tests, the CLI, and the tests that choose their own backend (S3 blobs, distributed nodes, restart recovery).
 */
const apiTestFiles = [
  'artists', 'bad-input', 'cancel', 'comfyui-engine', 'create-safety', 'fuzz-routes', 'gallery', 'health-and-metrics', 'key-isolation',
  'keys-and-limits', 'kill-switch', 'leak-watch', 'ledger', 'openai-engine', 'provenance', 'render-failure', 'route-scopes',
  'video-blend-recut', 'video-edit-extend', 'video-events', 'video-operations-bad-input', 'video-options', 'video-preview',
  'videos-sdk', 'watermark', 'ssrf', 'webhooks', 'hostile-uploads', 'no-secrets-in-logs', 'security-headers',
].map((name) => `test/${name}.test.ts`);

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'embedded', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      // `npm run test:distributed` runs only this one; PostgreSQL and Redis must be up (see test/helpers/catalog-urls.ts and redis-prefix.ts).
      { extends: true, test: { name: 'distributed', include: apiTestFiles, env: { KINORA_TEST_BACKEND: 'distributed' } } },
    ],
    // Builds the studio (web/dist) when its sources changed, before any test server starts.
    globalSetup: ['test/global-setup.ts'],
    // Native modules (Skia, SQLite) and child processes are happiest in forked workers.
    pool: 'forks',
    // End-to-end tests render real videos with real ffmpeg on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time, across both projects (they share one pool): each render already uses both cores through ffmpeg.
    maxWorkers: 2,
  },
});
