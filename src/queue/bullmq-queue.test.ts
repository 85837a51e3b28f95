import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../catalog/catalog.js';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import { postgresUrl } from '../../test/helpers/catalog-urls.js';
import { jobQueueContract } from '../../test/helpers/job-queue-contract.js';
import { drainQueue } from '../../test/helpers/queue-drainer.js';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from '../../test/helpers/redis-prefix.js';
import { BullmqQueue, type BullmqQueueOptions } from './bullmq-queue.js';
import type { JobTableOptions } from './job-table.js';

/** Each test gets its own Redis key prefix, deleted afterwards; sweeps are fast so lost work shows up quickly. */
function redisPerTest(): () => string {
  let prefix: string | undefined;
  beforeEach(() => {
    prefix = freshRedisPrefix();
  });
  afterEach(async () => {
    if (prefix) await deleteRedisKeys(prefix);
  });
  return () => prefix!;
}

const openOn = (catalog: Catalog, prefix: string, options: Partial<BullmqQueueOptions> & JobTableOptions): Promise<BullmqQueue> =>
  BullmqQueue.open(catalog.db, { redisUrl, prefix, sweepMs: 50, ...options });

describe.each(['sqlite', 'postgres'] as const)('BullMQ queue (real Redis) on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);
  const prefix = redisPerTest();
  jobQueueContract(catalog, (c, options) => openOn(c, prefix(), options));
});

/** Several "processes" (queue instances with their own Redis connections) sharing one PostgreSQL catalog. */
describe('BullMQ queue across processes', () => {
  const catalog = catalogPerTest('postgres');
  const prefix = redisPerTest();
  const opened: BullmqQueue[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
  });
  const instance = async (options: Partial<JobTableOptions> = {}): Promise<BullmqQueue> => {
    const queue = await openOn(catalog(), prefix(), { leaseMs: 60_000, maxAttempts: 3, backoffMs: () => 0, ...options });
    opened.push(queue);
    return queue;
  };
  const jobStatuses = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await catalog().db.selectFrom('jobs').select(['video_id', 'status']).execute()).map((row) => [row.video_id, row.status]));
  const videoIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `video_${i}`);

  it('runs 50 jobs, each exactly once, on two instances with two worker loops each', async () => {
    const [a, b] = [await instance(), await instance()];
    const runs: string[] = [];
    const loops = [a, a, b, b].map((queue, i) => drainQueue(queue, `w${i}`, (job) => Promise.resolve(void runs.push(job.videoId))));
    const ids = videoIds(50);
    for (const [i, videoId] of ids.entries()) await (i % 2 ? a : b).enqueue({ videoId });
    await vi.waitFor(async () => expect(Object.values(await jobStatuses()).filter((s) => s === 'done')).toHaveLength(50), { timeout: 20_000, interval: 100 });
    await Promise.all(loops.map((loop) => loop.stop()));
    expect(runs.sort()).toEqual([...ids].sort());
  });

  it('reclaims the job of a worker that died mid-job after its lease, and completes it once', async () => {
    const doomed = await instance({ leaseMs: 300 });
    const survivor = await instance({ leaseMs: 300 });
    await doomed.enqueue({ videoId: 'video_1' });
    const lost = (await doomed.claim('doomed-worker'))!;
    await doomed.close(); // it dies holding the job: no heartbeat, no complete, its Redis connections gone
    const completions: number[] = [];
    const loop = drainQueue(survivor, 'survivor', (job) => Promise.resolve(void completions.push(job.attempt)));
    await vi.waitFor(async () => expect(await jobStatuses()).toEqual({ video_1: 'done' }), { timeout: 10_000, interval: 50 });
    await loop.stop();
    expect(completions).toEqual([2]);
    expect(await survivor.heartbeat(lost, 'doomed-worker')).toBe('lost');
  });

  it('on the restart of a process alone on its catalog, dispatches the jobs it held at once, long before their lease ends', async () => {
    const previous = await instance();
    await previous.enqueue({ videoId: 'video_1' });
    await previous.claim('previous-process');
    await previous.close();
    const restarted = await instance();
    expect(await restarted.claim('new-process')).toBeNull();
    expect(await restarted.releaseAbandonedLeases()).toBe(1);
    const again = await vi.waitFor(async () => (await restarted.claim('new-process')) ?? Promise.reject(new Error('not dispatched yet')), { timeout: 5000, interval: 20 });
    expect(again).toEqual({ videoId: 'video_1', kind: 'generate', attempt: 2 });
  });

  it('tells the worker on another instance of a cancel within a second', async () => {
    const [worker, api] = [await instance(), await instance()];
    const told: string[] = [];
    worker.onCancel((videoId) => told.push(videoId));
    await api.enqueue({ videoId: 'video_1' });
    const job = await vi.waitFor(async () => (await worker.claim('w')) ?? Promise.reject(new Error('not yet')), { timeout: 5000 });
    await api.cancel('video_1');
    await vi.waitFor(() => expect(told).toEqual(['video_1']), { timeout: 1000, interval: 10 });
    expect(await worker.heartbeat(job, 'w')).toBe('cancelled');
  });

  it('wakes a sleeping worker on another instance when work is enqueued', async () => {
    const [worker, api] = [await instance(), await instance()];
    let wakeups = 0;
    worker.onAvailable(() => wakeups++);
    await api.enqueue({ videoId: 'video_1' });
    await vi.waitFor(() => expect(wakeups).toBeGreaterThan(0), { timeout: 1000, interval: 10 });
  });

  it('loses no job when Redis loses all its data mid-run (the catalog re-dispatches)', async () => {
    const [a, b] = [await instance(), await instance()];
    const ids = videoIds(30);
    let runs = 0;
    const forgotten = (async () => {
      await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(10), { timeout: 10_000, interval: 5 });
      return deleteRedisKeys(prefix());
    })();
    // Slow enough that the loss lands while most jobs wait in Redis.
    const work = async (): Promise<void> => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const loops = [drainQueue(a, 'wa', work), drainQueue(b, 'wb', work)];
    for (const videoId of ids) await a.enqueue({ videoId });
    expect(await forgotten).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(Object.values(await jobStatuses()).filter((s) => s === 'done')).toHaveLength(30), { timeout: 20_000, interval: 100 });
    await Promise.all(loops.map((loop) => loop.stop()));
    expect(runs).toBe(30);
  });
});

/** One real worker process, killed with SIGKILL while it holds a job. */
describe('BullMQ queue with a worker process that is killed', () => {
  const catalog = catalogPerTest('postgres');
  const prefix = redisPerTest();

  it('retries the job of a SIGKILLed worker elsewhere and completes it once', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(catalog().db);
    const catalogUrl = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${rows[0]!.schema}`)}`;
    const survivor = await openOn(catalog(), prefix(), { leaseMs: 400, maxAttempts: 3 });
    await survivor.enqueue({ videoId: 'video_1' });
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/queue-worker-process.ts', catalogUrl, redisUrl, prefix(), '400'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      expect(line).toBe('claimed video_1 1');
      child.kill('SIGKILL');
      await exited;
      const completions: number[] = [];
      const loop = drainQueue(survivor, 'survivor', (job) => Promise.resolve(void completions.push(job.attempt)));
      await vi.waitFor(async () => expect((await catalog().db.selectFrom('jobs').select('status').executeTakeFirst())?.status).toBe('done'), { timeout: 10_000, interval: 50 });
      await loop.stop();
      expect(completions).toEqual([2]);
    } finally {
      child.kill('SIGKILL');
      await survivor.close();
    }
  });
});
