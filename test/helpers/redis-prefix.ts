import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis these machines run; override with KINORA_TEST_REDIS_URL. */
export const redisUrl = process.env.KINORA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test (or helper sharing this Redis) uses, so tests never see each other's jobs. */
export const freshRedisPrefix = (): string => `kinora-test-${randomBytes(6).toString('hex')}`;

/**
 * Deletes every key under the prefix at once (one Lua script, so nothing is half deleted, as with a restart): the
 * cleanup after a test, and how a test makes Redis lose everything it knew (what a restart of a Redis that keeps
 * nothing on disk does) without touching anyone else's keys.
 */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  // A plain client: a BullMQ Queue would write its own meta key under the prefix while deleting it.
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const deleted = await client.eval("local n = 0 for _, key in ipairs(redis.call('KEYS', ARGV[1])) do n = n + redis.call('DEL', key) end return n", 0, `${prefix}:*`);
    return Number(deleted);
  } finally {
    await client.quit();
  }
}
