import { Redis, type Result } from 'ioredis';
import type { RequestCounter, WindowCount } from './request-counter.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** See hitScript: answers [count, milliseconds until the window ends]. */
    kinoraCountHit(key: string, windowMs: number): Result<[number, number], Context>;
  }
}

/**
 * One hit in one round trip, atomically (a script runs alone): INCR opens the window at 1 or counts in it, and a
 * key without a TTL (just opened) gets the window's length. Every API node sharing the Redis then sees one count
 * and one end per window, whoever opened it.
 */
const hitScript = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/**
 * Counts in Redis, shared by every process that uses the same namespace: the distributed mode's counter, so a key's
 * budget is the same whichever API node a load balancer sends its requests to. Windows expire in Redis by themselves.
 */
export class RedisRequestCounter implements RequestCounter {
  constructor(
    private readonly redis: Redis,
    /** Prefix of this counter's keys: the deployment's Redis prefix and what is counted (`kinora:rate`). */
    private readonly namespace: string,
  ) {
    redis.defineCommand('kinoraCountHit', { numberOfKeys: 1, lua: hitScript });
  }

  async hit(id: string, windowMs: number, now: number): Promise<WindowCount> {
    const [count, ttl] = await this.redis.kinoraCountHit(`${this.namespace}:${id}`, windowMs);
    return { count, resetAt: now + ttl };
  }
}

/**
 * The connection the shared counters use. A request must not wait out a Redis outage behind a rate limit: with no
 * offline queue a command fails at once while Redis is away (the request is refused, retryably), and ioredis keeps
 * reconnecting in the background.
 */
export async function openCounterConnection(redisUrl: string, onError: (error: Error) => void): Promise<Redis> {
  const redis = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', onError);
  await redis.connect();
  return redis;
}
