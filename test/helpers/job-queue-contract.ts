import { afterEach, expect, it, vi } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { JobQueue } from '../../src/queue/job-queue.js';
import type { JobTableOptions } from '../../src/queue/job-table.js';

/** Builds a queue of one implementation on the test's catalog; the suite closes it after each test. */
export type QueueFactory = (catalog: Catalog, options: JobTableOptions) => Promise<JobQueue>;

/** A video row for the jobs that need one (the model filter joins on it). */
export async function insertVideo(catalog: Catalog, id: string, model = 'kinora-1'): Promise<void> {
  await catalog.videos.insert({
    id, ownerKeyId: 'key_test', model, prompt: 'p', seed: 1, size: '854x480', seconds: 1, remixedFromVideoId: null,
    inputReference: null, plan: null, options: null, operation: null, requestFingerprint: id, createdAt: 1,
  });
}

/**
 * The JobQueue contract of DESIGN.md, run against each implementation (call inside a describe that set up
 * `catalog`). A queue may learn of new work a moment after it was committed (BullMQ's dispatch, or its sweep
 * after a lease lapses or a hold is lifted), so "eventually claimable" is polled, "never claimed" is not.
 */
export function jobQueueContract(catalog: () => Catalog, open: QueueFactory): void {
  const opened: JobQueue[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
  });
  const queueWith = async (options: Partial<JobTableOptions> = {}): Promise<JobQueue> => {
    const queue = await open(catalog(), { leaseMs: 60_000, maxAttempts: 3, backoffMs: () => 0, ...options });
    opened.push(queue);
    return queue;
  };
  const eventually = <T>(claim: () => Promise<T | null>): Promise<T> =>
    vi.waitFor(async () => {
      const claimed = await claim();
      if (claimed === null) throw new Error('nothing to claim yet');
      return claimed;
    }, { timeout: 5000, interval: 20 });

  it('hands a job to one claimer only, and enqueueing twice is one job', async () => {
    const queue = await queueWith();
    await queue.enqueue({ videoId: 'v1' });
    await queue.enqueue({ videoId: 'v1' });
    const claims = await Promise.all([queue.claim('a'), queue.claim('b'), queue.claim('c')]);
    expect(claims.filter(Boolean)).toEqual([{ videoId: 'v1', kind: 'generate', attempt: 1 }]);
  });

  it('tells the claimer what kind of job it is', async () => {
    const queue = await queueWith();
    await queue.enqueue({ videoId: 'v1', kind: 'blend' });
    expect(await queue.claim('w')).toEqual({ videoId: 'v1', kind: 'blend', attempt: 1 });
  });

  it('runs higher priority first', async () => {
    const queue = await queueWith();
    await queue.enqueue({ videoId: 'batch', priority: 0 });
    await queue.enqueue({ videoId: 'interactive', priority: 10 });
    expect((await queue.claim('w'))?.videoId).toBe('interactive');
    expect((await queue.claim('w'))?.videoId).toBe('batch');
  });

  it('gives a job whose lease ran out to another worker, and the old claim can no longer heartbeat', async () => {
    const queue = await queueWith({ leaseMs: 30 });
    await queue.enqueue({ videoId: 'v1' });
    const first = (await queue.claim('dead'))!;
    expect(await queue.claim('other')).toBeNull();
    const second = await eventually(() => queue.claim('other'));
    expect(second).toEqual({ videoId: 'v1', kind: 'generate', attempt: 2 });
    expect(await queue.heartbeat(first, 'dead')).toBe('lost');
    expect(await queue.heartbeat(second, 'other')).toBe('ok');
  });

  it('gives a job handed back by its worker to another one at once, long before its lease ends', async () => {
    const queue = await queueWith();
    await queue.enqueue({ videoId: 'v1' });
    const first = (await queue.claim('leaving'))!;
    await queue.release(first, 'someone-else');
    expect(await queue.claim('other')).toBeNull();
    await queue.release(first, 'leaving');
    const second = await eventually(() => queue.claim('other'));
    expect(second).toEqual({ videoId: 'v1', kind: 'generate', attempt: 2 });
    expect(await queue.heartbeat(first, 'leaving')).toBe('lost');
    // A job that ended is not brought back by a late release.
    await queue.complete(second);
    await queue.release(second, 'other');
    expect(await queue.claim('w')).toBeNull();
  });

  it('retries retryable failures until attempts run out', async () => {
    const queue = await queueWith({ maxAttempts: 2 });
    await queue.enqueue({ videoId: 'v1' });
    expect(await queue.fail((await queue.claim('w'))!, { retryable: true, message: 'disk full' })).toBe('retrying');
    const again = await eventually(() => queue.claim('w'));
    expect(again.attempt).toBe(2);
    expect(await queue.fail(again, { retryable: true, message: 'disk full' })).toBe('failed');
    expect(await queue.claim('w')).toBeNull();
  });

  it('does not retry a non-retryable failure', async () => {
    const queue = await queueWith();
    await queue.enqueue({ videoId: 'v1' });
    expect(await queue.fail((await queue.claim('w'))!, { retryable: false, message: 'bad input' })).toBe('failed');
    expect(await queue.claim('w')).toBeNull();
  });

  it('cancels: a queued job is never claimed, a running one is told at once', async () => {
    const queue = await queueWith();
    const told: string[] = [];
    queue.onCancel((id) => told.push(id));
    await queue.enqueue({ videoId: 'running' });
    const job = (await queue.claim('w'))!;
    await queue.enqueue({ videoId: 'waiting' });
    await queue.cancel('waiting');
    await queue.cancel('running');
    expect(told).toEqual(['waiting', 'running']);
    expect(await queue.heartbeat(job, 'w')).toBe('cancelled');
    expect(await queue.claim('w')).toBeNull();
  });

  it('leaves held jobs queued (the kill switch), and hands them out once released', async () => {
    let holding = true;
    const queue = await queueWith({ held: (eb) => eb.lit(holding) });
    await queue.enqueue({ videoId: 'v1' });
    expect(await queue.claim('w')).toBeNull();
    holding = false;
    expect(await eventually(() => queue.claim('w'))).toEqual({ videoId: 'v1', kind: 'generate', attempt: 1 });
  });

  it('gives a worker limited to some models only their jobs; the others wait for another worker', async () => {
    const procedural = await queueWith({ models: ['kinora-1'] });
    const upstream = await queueWith({ models: ['upstream:sora-2'] });
    await insertVideo(catalog(), 'remote', 'upstream:sora-2');
    await insertVideo(catalog(), 'local', 'kinora-1');
    await procedural.enqueue({ videoId: 'remote', priority: 10 });
    await procedural.enqueue({ videoId: 'local' });
    expect(await procedural.claim('p')).toMatchObject({ videoId: 'local' });
    expect(await procedural.claim('p')).toBeNull();
    expect(await eventually(() => upstream.claim('u'))).toMatchObject({ videoId: 'remote' });
  });

  it('announces work enqueued inside a transaction only when told the commit happened', async () => {
    const queue = await queueWith();
    let wakeups = 0;
    queue.onAvailable(() => wakeups++);
    const { afterCommit } = await catalog().db.transaction().execute((trx) => queue.enqueue({ videoId: 'v1' }, { transaction: trx }));
    expect(wakeups).toBe(0);
    afterCommit();
    await vi.waitFor(() => expect(wakeups).toBe(1));
    expect(await queue.claim('w')).toMatchObject({ videoId: 'v1' });
  });
}
