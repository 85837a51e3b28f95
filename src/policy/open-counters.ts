import { FallbackSwitch, RequestCounterWithFallback, UsageBaselineWithFallback } from './counters-fallback.js';
import { MemoryUsageBaseline, type UsageBaseline, type UsageWindows } from './leak-baseline.js';
import { openCounterConnection, RedisRequestCounter } from './redis-request-counter.js';
import { RedisUsageBaseline } from './redis-usage-baseline.js';
import { InMemoryRequestCounter, type RequestCounter } from './request-counter.js';

/** Where the API's abuse limits count: each `purpose` (`rate`, `guest-sessions`, `leak-watch`…) apart from the others. */
export interface Counters {
  requests(purpose: string): RequestCounter;
  usage(purpose: string, windows: UsageWindows): UsageBaseline;
}

/**
 * The counters the configuration asks for: with a Redis URL, in Redis under the deployment's prefix, so every API
 * node counts against the same windows (and in this process while Redis is away: counters-fallback.ts); without one,
 * in this process (the embedded mode has one API process). `onError` hears the connection's troubles,
 * `onFallback` the first failed count of each outage.
 */
export async function openCounters(
  config: { redisUrl: string | undefined; redisPrefix: string },
  onError: (error: Error) => void,
  onFallback: (error: unknown) => void,
): Promise<{ counters: Counters; close: () => Promise<void> }> {
  if (config.redisUrl === undefined) {
    const inMemory: Counters = { requests: () => new InMemoryRequestCounter(), usage: (_purpose, windows) => new MemoryUsageBaseline(windows) };
    return { counters: inMemory, close: () => Promise.resolve() };
  }
  const redis = await openCounterConnection(config.redisUrl, onError);
  const fallback = new FallbackSwitch(onFallback);
  const namespace = (purpose: string): string => `${config.redisPrefix}:count:${purpose}`;
  return {
    counters: {
      requests: (purpose) => new RequestCounterWithFallback(new RedisRequestCounter(redis, namespace(purpose)), new InMemoryRequestCounter(), fallback),
      usage: (purpose, windows) => new UsageBaselineWithFallback(new RedisUsageBaseline(redis, namespace(purpose), windows), new MemoryUsageBaseline(windows), fallback),
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
