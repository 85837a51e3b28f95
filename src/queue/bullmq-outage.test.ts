import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import { insertVideo } from '../../test/helpers/job-queue-contract.js';
import { startRedisServer, type RedisServerProcess } from '../../test/helpers/redis-server-process.js';
import { BullmqQueue } from './bullmq-queue.js';
import type { ClaimedJob } from './job-queue.js';

/** The queue on a redis-server of the test's own, which it kills and starts again (the shared one is never touched). */
describe('BullMQ queue while Redis is away', () => {
  const catalog = catalogPerTest('sqlite');
  let redis: RedisServerProcess;
  let queue: BullmqQueue;
  beforeEach(async () => {
    redis = await startRedisServer();
    queue = await BullmqQueue.open(catalog().db, { redisUrl: redis.url, sweepMs: 50, leaseMs: 60_000, maxAttempts: 3, backoffMs: () => 0 });
  });
  afterEach(async () => {
    // Up again first, whatever the test left: closing the queue says goodbye to Redis.
    await redis.start();
    await queue.close();
    await redis.close();
  });
  const eventually = (): Promise<ClaimedJob> =>
    vi.waitFor(async () => (await queue.claim('worker-2')) ?? Promise.reject(new Error('nothing to claim yet')), { timeout: 10_000, interval: 50 });

  it('records new jobs and retries at once while Redis is down, and hands them out once it is back', async () => {
    await insertVideo(catalog(), 'video_running');
    await insertVideo(catalog(), 'video_new');
    await queue.enqueue({ videoId: 'video_running' });
    const running = await eventually();

    await redis.kill();
    // Neither waits for Redis (a wait would time this test out): the catalog rows are the jobs, dispatch comes later.
    await queue.enqueue({ videoId: 'video_new' });
    expect(await queue.fail(running, { retryable: true, message: 'engine hiccup' })).toBe('retrying');
    await redis.start();

    const claimed = [await eventually(), await eventually()];
    expect(claimed.map(({ videoId, attempt }) => ({ videoId, attempt })).sort((a, b) => a.videoId.localeCompare(b.videoId))).toEqual([
      { videoId: 'video_new', attempt: 1 },
      { videoId: 'video_running', attempt: 2 },
    ]);
  });
});
