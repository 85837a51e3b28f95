import { afterAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from '../../test/helpers/redis-prefix.js';
import { FallbackSwitch, RequestCounterWithFallback } from './counters-fallback.js';
import { openCounterConnection, RedisRequestCounter } from './redis-request-counter.js';
import { InMemoryRequestCounter } from './request-counter.js';

describe('shared counters with a fallback (real Redis)', () => {
  const prefix = freshRedisPrefix();
  afterAll(() => deleteRedisKeys(prefix));

  it("count on this node while Redis is unreachable, instead of refusing, and in Redis again once it is back", async () => {
    const redis = await openCounterConnection(redisUrl, () => undefined);
    const heard: unknown[] = [];
    const counter = new RequestCounterWithFallback(
      new RedisRequestCounter(redis, `${prefix}:count:rate`),
      new InMemoryRequestCounter(),
      new FallbackSwitch((error) => heard.push(error)),
    );
    const hit = async (): Promise<number> => (await counter.hit('key-1', 60_000, Date.now())).count;
    try {
      expect(await hit()).toBe(1);
      redis.disconnect();
      // This node's own window, from its first hit; the outage is reported once, not per request.
      expect([await hit(), await hit(), await hit()]).toEqual([1, 2, 3]);
      expect(heard).toHaveLength(1);
      // The disconnect completes once the socket has closed; only then may the connection be opened again.
      while (redis.status !== 'end') await new Promise((resolve) => setTimeout(resolve, 10));
      await redis.connect();
      // The shared window kept its count: the second hit Redis has seen.
      expect(await hit()).toBe(2);
      redis.disconnect();
      expect(await hit()).toBe(4);
      expect(heard).toHaveLength(2);
    } finally {
      redis.disconnect();
    }
  });
});
