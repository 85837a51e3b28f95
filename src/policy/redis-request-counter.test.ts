import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from '../../test/helpers/redis-prefix.js';
import { openCounterConnection, RedisRequestCounter } from './redis-request-counter.js';

/** Two connections stand for two API nodes; every key lives under a prefix of this run, deleted afterwards. */
describe('Redis request counter (real Redis)', () => {
  const prefix = freshRedisPrefix();
  const connections: Redis[] = [];
  const counterOn = async (purpose: string): Promise<RedisRequestCounter> => {
    const redis = await openCounterConnection(redisUrl, () => undefined);
    connections.push(redis);
    return new RedisRequestCounter(redis, `${prefix}:count:${purpose}`);
  };
  let nodeA: RedisRequestCounter;
  let nodeB: RedisRequestCounter;

  beforeAll(async () => {
    [nodeA, nodeB] = await Promise.all([counterOn('rate'), counterOn('rate')]);
  });

  afterAll(async () => {
    await Promise.all(connections.map((redis) => redis.quit()));
    await deleteRedisKeys(prefix);
  });

  it('counts the hits of both nodes in one window that ends when its first hit says', async () => {
    const now = Date.now();
    const first = await nodeA.hit('key-1', 60_000, now);
    expect(first).toEqual({ count: 1, resetAt: now + 60_000 });
    expect((await nodeB.hit('key-1', 60_000, Date.now())).count).toBe(2);
    // The window keeps the end its first hit set: a later hit, even one asking for a longer window, does not move it.
    const third = await nodeA.hit('key-1', 120_000, Date.now());
    expect(third.count).toBe(3);
    expect(Math.abs(third.resetAt - first.resetAt)).toBeLessThan(1000);
  });

  it('keeps ids and purposes apart', async () => {
    const now = Date.now();
    expect((await nodeA.hit('key-2', 60_000, now)).count).toBe(1);
    const guests = await counterOn('guest-sessions');
    expect((await guests.hit('key-1', 60_000, now)).count).toBe(1);
    expect((await nodeB.hit('key-1', 60_000, now)).count).toBe(4);
  });

  it('opens a new window once the previous one has expired in Redis', async () => {
    expect((await nodeA.hit('key-3', 100, Date.now())).count).toBe(1);
    expect((await nodeB.hit('key-3', 100, Date.now())).count).toBe(2);
    await sleep(150);
    const fresh = await nodeB.hit('key-3', 100, Date.now());
    expect(fresh.count).toBe(1);
  });

  it('fails at once, instead of waiting, while its Redis is unreachable', async () => {
    const redis = await openCounterConnection(redisUrl, () => undefined);
    const counter = new RedisRequestCounter(redis, `${prefix}:count:rate`);
    redis.disconnect();
    await expect(counter.hit('key-4', 60_000, Date.now())).rejects.toThrow();
  });
});
