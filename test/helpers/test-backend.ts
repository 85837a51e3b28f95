import { underSchemaLock } from './catalog-per-test.js';
import { freshPostgresSchema } from './catalog-urls.js';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from './redis-prefix.js';

/**
 * Where a test server keeps its catalog and jobs, chosen by `KINORA_TEST_BACKEND` so that one API test suite runs in
 * both modes (vitest.config.ts runs the API files a second time as the `distributed` project):
 * - `embedded` (default): a SQLite file in the server's data dir and the in-process queue;
 * - `distributed`: a fresh PostgreSQL schema (KINORA_TEST_POSTGRES_URL) and BullMQ under a fresh key prefix on
 *   KINORA_TEST_REDIS_URL, both removed when the server closes. Blobs stay in the data dir either way.
 */
export interface TestBackend {
  /** Kinora settings that point the server at this backend; a test's own settings win over them. */
  env: Record<string, string>;
  /**
   * Runs what opens (so migrates) the catalog, a server or a CLI: migrations list every schema's tables, which fails
   * while another test drops its own (see underSchemaLock).
   */
  whileMigrating: <T>(start: () => Promise<T>) => Promise<T>;
  remove: () => Promise<void>;
}

export async function openTestBackend(): Promise<TestBackend> {
  const backend = process.env.KINORA_TEST_BACKEND ?? 'embedded';
  if (backend === 'embedded') return { env: {}, whileMigrating: (start) => start(), remove: () => Promise.resolve() };
  if (backend !== 'distributed') throw new Error(`KINORA_TEST_BACKEND must be embedded or distributed, not "${backend}"`);
  const schema = await freshPostgresSchema();
  const prefix = freshRedisPrefix();
  return {
    env: { KINORA_DATABASE_URL: schema.url, KINORA_REDIS_URL: redisUrl, KINORA_REDIS_PREFIX: prefix },
    whileMigrating: underSchemaLock,
    async remove() {
      await deleteRedisKeys(prefix);
      await underSchemaLock(schema.drop);
    },
  };
}
